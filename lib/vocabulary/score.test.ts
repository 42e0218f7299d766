import { describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS, type VocabularyTable } from './table';
import { priorOf, scoreVocabulary } from './score';

// A table written by hand: two outlets, A (n = 10 n-grams, 100 tokens, 4 articles) and B (n = 20, 400 tokens, 5).
function table(rows: Record<string, [number, number, number, number]>): VocabularyTable {
  return {
    outlets: ['a', 'b'],
    groups: [],
    terms: new Map(
      Object.entries(rows).map(([t, [ya, yb, ka, kb]]) => [
        t,
        {
          uses: Int32Array.from([ya, yb]),
          articles: Int32Array.from([ka, kb]),
          withGroup: new Int32Array(0),
        },
      ]),
    ),
    n: [10, 20],
    tokens: [100, 400],
    articles: [4, 5],
    sentences: 30,
    groupNgrams: [],
    pruning: { ...DEFAULT_LIMITS, distinct: 2, kept: 2, lossy: false },
  };
}

describe('scoreVocabulary against a hand computation', () => {
  // x: 6 uses in A, 2 in B; y: 4 and 18. Prior = the table's counts: c_x = 8, c_y = 22, C = 30; alpha0 = n + nOther
  // = 30, so alpha_x = 30·8/30 = 8 and alpha_y = 22.
  // x: delta = ln(14/26) − ln(10/40) = −0.619039 + 1.386294 = 0.767255; variance = 1/14 + 1/26 + 1/10 + 1/40
  //    = 0.234890; z = 0.767255 / 0.484655 = 1.583093; p = 2·(1 − Φ(1.583093)) = 0.11340.
  // y: delta = ln(26/14) − ln(40/10) = −0.767255, the same variance, z = −1.583093, the same p.
  // BH over m = 2 equal p-values: q = p.
  const t = table({ x: [6, 2, 3, 2], y: [4, 18, 2, 4], rare: [3, 1, 1, 1] });
  const rows = scoreVocabulary(t, [0], [1]);
  test.each<[string, number, number, number]>([
    ['x', 0.767255, 0.23489, 1.583093],
    ['y', -0.767255, 0.23489, -1.583093],
  ])('%s: delta %f, variance %f, z %f', (term, delta, variance, z) => {
    const r = rows.find((x) => x.term === term)!;
    expect(r.delta).toBeCloseTo(delta, 5);
    expect(r.variance).toBeCloseTo(variance, 5);
    expect(r.z).toBeCloseTo(z, 5);
    expect(r.p).toBeCloseTo(0.1134, 3);
    expect(r.q).toBeCloseTo(r.p, 10);
    expect(r.distinctive).toBe(false);
  });
  test('independent formula: the hand expressions equal the rows', () => {
    const x = rows.find((r) => r.term === 'x')!;
    const delta = Math.log(14 / 26) - Math.log(10 / 40);
    expect(x.delta).toBeCloseTo(delta, 12);
    expect(x.alpha).toBe(8);
    expect(x.alpha0).toBe(30);
  });
  test('best first, and a term under the minimum count (4 < 5 uses) is not scored', () => {
    expect(rows.map((r) => r.term)).toEqual(['x', 'y']);
  });
  test.each<[number, number, string[]]>([
    [4, 2, ['x', 'rare', 'y']],
    [5, 2, ['x', 'y']],
    [5, 6, ['y']],
  ])('minCount %i, minArticles %i -> %j', (minCount, minArticles, terms) => {
    expect(scoreVocabulary(t, [0], [1], priorOf(t), { minCount, minArticles }).map((r) => r.term)).toEqual(terms);
  });
  test('rates and article shares say what they count', () => {
    const x = rows[0];
    // 6 uses in 100 tokens, 2 in 400; 3 of A's 4 articles, 2 of B's 5.
    expect([x.per1k, x.per1kOther, x.articles, x.articlesTotal, x.articlesOther, x.articlesOtherTotal]).toEqual([
      60, 5, 3, 4, 2, 5,
    ]);
  });
  test('a background prior: a term it lacks gets half a count', () => {
    const bg = { counts: new Map([['x', 1]]), total: 2 };
    const y = scoreVocabulary(t, [0], [1], bg).find((r) => r.term === 'y')!;
    // alpha_y = 30 · 0.5 / 2 = 7.5
    expect(y.alpha).toBe(7.5);
    expect(y.delta).toBeCloseTo(Math.log(11.5 / 28.5) - Math.log(25.5 / 24.5), 12);
  });
  test('one article: distinctive by uses, yet from a single article', () => {
    const big = table({ w: [40, 1, 1, 1], v: [2, 300, 2, 5] });
    big.n = [1000, 20000];
    const w = scoreVocabulary(big, [0], [1]).find((r) => r.term === 'w')!;
    expect(w.distinctive).toBe(true);
    expect(w.oneArticle).toBe(true);
  });
});

describe('ties of z are ordered by term whatever the table order', () => {
  // Four n-grams with the same counts (so the same z) and one larger: in term order the ties are broken by a stable
  // sort, out of order by comparing the terms; both give largest z first, then "alpha" < "beta" < "gamma" < "zeta".
  const tie: [number, number, number, number] = [3, 2, 2, 2];
  test.each([
    ['in term order', ['alpha', 'beta', 'gamma', 'top', 'zeta']],
    ['out of order', ['zeta', 'gamma', 'top', 'beta', 'alpha']],
  ])('table %s', (_case, order) => {
    const t = table(Object.fromEntries(order.map((term) => [term, term === 'top' ? [8, 1, 3, 1] : tie])));
    expect(scoreVocabulary(t, [0], [1]).map((r) => r.term)).toEqual(['top', 'alpha', 'beta', 'gamma', 'zeta']);
  });
});
