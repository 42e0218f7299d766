import { expect, test } from 'vitest';
import { apiRow } from './apiRows';
import type { VocabularyRow } from './score';

const scored: VocabularyRow = {
  term: 'gunmen',
  y: 5,
  n: 100,
  yOther: 1,
  nOther: 200,
  articles: 3,
  articlesTotal: 4,
  articlesOther: 1,
  articlesOtherTotal: 6,
  per1k: 50,
  per1kOther: 5,
  alpha: 0.3,
  alpha0: 300,
  delta: 1.2,
  variance: 0.4,
  z: 3,
  p: 0.002,
  q: 0.01,
  distinctive: true,
  oneArticle: false,
};

test.each([
  [null, null],
  [{ group: 'armed', variant: 'militants' }, 'armed.militants'],
])('the lexicon mark %j is written as %j', (lexicon, written) => {
  expect(apiRow({ ...scored, lexicon, candidateFor: [] }).lexicon).toBe(written);
});

test.each([[[]], [['armed', 'is']]])('candidacies %j pass through unchanged', (candidateFor) => {
  expect(apiRow({ ...scored, lexicon: null, candidateFor }).candidateFor).toEqual(candidateFor);
});

test('every scored field is kept, the counts compared first and the prior after (scripts read keys in this order)', () => {
  const row = apiRow({ ...scored, lexicon: null, candidateFor: [] });
  expect(Object.keys(row)).toEqual([
    'term',
    'y',
    'n',
    'yOther',
    'nOther',
    'articles',
    'z',
    'q',
    'articlesTotal',
    'articlesOther',
    'articlesOtherTotal',
    'per1k',
    'per1kOther',
    'alpha',
    'alpha0',
    'delta',
    'variance',
    'p',
    'distinctive',
    'oneArticle',
    'lexicon',
    'candidateFor',
  ]);
  expect(row).toMatchObject(scored);
});
