import { describe, expect, test } from 'vitest';
import type { VocabularyAnswerRow } from '../vocabulary/answer';
import { rankedRows, rowCounts, scatterPoints, vocabularyTakeaway } from './vocabulary';

const row = (term: string, y: number, yOther: number, z: number, distinctive: boolean): VocabularyAnswerRow => ({
  term,
  y,
  n: 1000,
  yOther,
  nOther: 9000,
  articles: 2,
  articlesTotal: 10,
  articlesOther: 3,
  articlesOtherTotal: 90,
  per1k: y,
  per1kOther: yOther / 9,
  alpha: 1,
  alpha0: 10000,
  delta: 0,
  variance: 1,
  z,
  p: 0.01,
  q: distinctive ? 0.01 : 0.5,
  distinctive,
  oneArticle: false,
  lexicon: term === 'Daesh' ? { group: 'is', variant: 'daesh' } : null,
  candidateFor: [],
});
// Best first, as scoreVocabulary returns them.
const rows = [row('Takfiri', 30, 2, 5, true), row('Daesh', 9, 0, 3, false), row('regime', 5, 90, -4, true)];

describe('vocabulary view models', () => {
  test('scatter: most used first, side by sign of z when distinctive', () => {
    expect(scatterPoints(rows).map((p) => [p.term, p.uses, p.side, p.lexicon])).toEqual([
      ['regime', 95, -1, false],
      ['Takfiri', 32, 1, false],
      ['Daesh', 9, 0, true],
    ]);
    expect(scatterPoints(rows, 1)).toHaveLength(1);
  });
  test.each<[number, number, string[], string[]]>([
    [100, 25, ['Takfiri', 'Daesh'], ['regime']],
    [1, 0, ['Takfiri'], []],
  ])('ranked rows top %i bottom %i', (top, bottom, a, b) => {
    const r = rankedRows(rows, top, bottom);
    expect([r.a.map((x) => x.term), r.b.map((x) => x.term)]).toEqual([a, b]);
  });
  test('every number says what it counts and out of how many', () => {
    expect(rowCounts(rows[0], 'Al-Manar', 'the rest')).toBe(
      'Al-Manar: 30 uses in 2 of 10 articles (30.00 per 1,000 tokens); the rest: 2 uses in 3 of 90 articles (0.22 per 1,000 tokens); z 5.00, q 0.010',
    );
    expect(vocabularyTakeaway(rows, 'Al-Manar', 'the rest')).toBe(
      '3 n-grams scored: 1 distinctive of Al-Manar, 1 of the rest (BH q < 0.05); the most typical of Al-Manar: "Takfiri"',
    );
  });
});
