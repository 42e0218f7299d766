import { describe, expect, test } from 'vitest';
import type { VocabularyAnswerRow } from '../vocabulary/answer';
import { rankedRows, rowCounts, scatterCsv, scatterData, scatterTooltip, vocabularyTakeaway } from './vocabulary';

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
  const d = scatterData(rows);
  test.each([
    ['most used first (regime 5 + 90, Takfiri 30 + 2, Daesh 9 + 0)', d.terms, ['regime', 'Takfiri', 'Daesh']],
    ['side by the sign of z when distinctive', d.side, [-1, 1, 0]],
    ['lexicon marks as group.variant', d.lexicon, [null, null, 'is.daesh']],
    [
      "the sides' totals once",
      [d.n, d.nOther, d.articlesTotal, d.articlesOtherTotal, d.scored],
      [1000, 9000, 10, 90, 3],
    ],
    ['capped at max, the most used kept', scatterData(rows, 1).terms, ['regime']],
    ['z to 4 decimals, q to 3 significant figures', scatterData([row('x', 1, 1, 1.234567, false)]).z, [1.2346]],
  ] as const)('scatter: %s', (_name, got, want) => expect(got).toEqual(want));

  test('scatter CSV: one row per point, its counts with their denominators', () => {
    const csv = scatterCsv(d);
    expect(csv).toHaveLength(3);
    // Takfiri by hand: 30 of 1,000 uses on side a in 2 of 10 articles, 2 of 9,000 on the other in 3 of 90.
    expect(csv[1]).toEqual({
      term: 'Takfiri',
      uses: 32,
      y: 30,
      n: 1000,
      yOther: 2,
      nOther: 9000,
      articles: 2,
      articlesTotal: 10,
      articlesOther: 3,
      articlesOtherTotal: 90,
      z: 5,
      q: 0.01,
      distinctive: 'true',
      lexicon: null,
    });
  });

  test('scatter tooltip: each side out of its articles, z, q and the marks', () =>
    expect(scatterTooltip(d, 2, 'Al-Manar', 'the rest')).toBe(
      '"Daesh": Al-Manar 9 uses in 2 of 10 articles; the rest 0 uses in 3 of 90 articles; z 3.00, q 0.50 (not distinctive); lexicon: is.daesh',
    ));

  test('rows of two comparisons are refused', () =>
    expect(() => scatterData([rows[0], { ...rows[1], nOther: 1 }])).toThrow(/"Daesh" has other side totals/));

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
