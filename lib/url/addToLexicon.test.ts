import { expect, test } from 'vitest';
import { addToLexiconHref } from './addToLexicon';

test.each<[string, string, string]>([
  ['fa-kes', 'Takfiri', '/manage?corpus=fa-kes&add=Takfiri#lexicon-editor'],
  ['seeds', 'Daish', '/manage?corpus=seeds&add=Daish#lexicon-editor'],
  // A phrase keeps its space as %20, and characters that mean something in a URL are escaped.
  ['fa-kes', 'get short url', '/manage?corpus=fa-kes&add=get%20short%20url#lexicon-editor'],
  ['fa-kes', 'a&b#c', '/manage?corpus=fa-kes&add=a%26b%23c#lexicon-editor'],
  ['fa-kes', "Da'esh", "/manage?corpus=fa-kes&add=Da'esh#lexicon-editor"],
  ['fa-kes', 'Dāʿish', '/manage?corpus=fa-kes&add=D%C4%81%CA%BFish#lexicon-editor'],
])('addToLexiconHref(%j, %j) is %s', (corpus, term, href) => {
  expect(addToLexiconHref(corpus, term)).toBe(href);
});

test.each<[string, string]>([
  ['fa-kes', 'Takfiri'],
  ['seeds', 'get short url'],
  ['fa-kes', 'a&b=c+d'],
])('the add parameter of addToLexiconHref(%j, %j) reads back as the term', (corpus, term) => {
  const url = new URL(addToLexiconHref(corpus, term), 'http://x');
  expect(url.pathname).toBe('/manage');
  expect(url.searchParams.get('corpus')).toBe(corpus);
  expect(url.searchParams.get('add')).toBe(term);
  expect(url.hash).toBe('#lexicon-editor');
});
