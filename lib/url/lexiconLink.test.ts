import { describe, expect, test } from 'vitest';
import { addToLexiconHref } from './lexiconLink';

describe('addToLexiconHref', () => {
  test.each([
    ['fa-kes', 'Takfiri', '/manage?corpus=fa-kes&add=Takfiri#lexicon-editor'],
    ['seeds', 'the regime', '/manage?corpus=seeds&add=the+regime#lexicon-editor'],
    ['fa-kes', "Da'ish & co", '/manage?corpus=fa-kes&add=Da%27ish+%26+co#lexicon-editor'],
  ])('%s, %s -> %s', (corpus, term, href) => {
    expect(addToLexiconHref(corpus, term)).toBe(href);
    // The editor reads it back with URLSearchParams.
    expect(new URL(href, 'http://x').searchParams.get('add')).toBe(term);
  });
});
