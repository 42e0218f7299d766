import { describe, expect, test } from 'vitest';
import { articleLevelN, designEffect, shareIntervals, stanceInterval, type GroupClusters } from './cluster';

// The Islamic State group's variants and stances in corpus/lexicon.json.
const VARIANTS = ['daesh', 'isil', 'isis', 'is', 'islamic-state'];
const STANCES = [-1, -0.25, 0, 0.25, 0.5];

/** The sums an outlet tally keeps, made from per-article counts by plain loops. */
function sums(articles: Record<string, number>[]): GroupClusters {
  const vec = articles.map((a) => VARIANTS.map((v) => a[v] ?? 0));
  return {
    counts: VARIANTS.map((_, v) => vec.reduce((s, y) => s + y[v], 0)),
    products: VARIANTS.map((_, v) => VARIANTS.map((__, w) => vec.reduce((s, y) => s + y[v] * y[w], 0))),
    articles: vec.filter((y) => y.some((c) => c > 0)).length,
  };
}

// Expected values were computed twice: by hand (in the comments) and by a separate Python script working on the raw
// mention rows
// (scipy's t and normal quantiles, the cluster-robust ratio variance from each article's residual), not from these
// sums.
const cases = {
  // corpus/seeds, Islamic State mentions of the "aggregators" group, counted by reading both articles:
  // aggregator-a: title "Islamic State"; "Islamic State (IS formerly ISIS/ISIL)"; "Isis' de facto capital"; "defeat" to
  // IS;
  // "coalition against ISIL"; "terror groups like Daesh" (in Erdogan's quotation) -> daesh 1, isil 2, isis 2, is 2,
  // islamic-state 2.
  // lidtime: title "Islamic State group"; "drove ISIS"; "Held by DAESH"; "fighting Islamic State"; "drive Islamic State
  // out";
  // "Isis killed three"; "dislodge Islamic State" -> daesh 1, isis 2, islamic-state 4.
  aggregators: sums([
    { daesh: 1, isil: 2, isis: 2, is: 2, 'islamic-state': 2 },
    { daesh: 1, isis: 2, 'islamic-state': 4 },
  ]),
  // corpus/seeds, Press TV's one article: seven "Daesh", read in presstv-2016-08-30-carter (one in Carter's quotation).
  presstv: sums([{ daesh: 7 }]),
  // Made-up articles, to exercise deff > 1 with more than two articles.
  five: sums([
    { daesh: 4, isis: 1 },
    { daesh: 2 },
    { isis: 3, 'islamic-state': 1 },
    { daesh: 1, isil: 1, isis: 1 },
    { 'islamic-state': 2, is: 1 },
  ]),
  // One variant only, in 10 and in 40 articles of 5 mentions each, and in three articles of unequal length.
  even10: sums(Array.from({ length: 10 }, () => ({ isis: 5 }))),
  even40: sums(Array.from({ length: 40 }, () => ({ isis: 5 }))),
  uneven: sums([{ isis: 10 }, { isis: 1 }, { isis: 1 }]),
};

describe('articleLevelN: n^2 / sum of squared article sizes', () => {
  test.each([
    ['aggregators: 16^2 / (9^2 + 7^2) = 256/130', cases.aggregators, 1.969231],
    ['ten equal articles: 50^2 / (10 x 25)', cases.even10, 10],
    ['one long and two short articles: 144 / (100 + 1 + 1)', cases.uneven, 1.411765],
  ])('%s', (_what, g, expected) => {
    const n = g.counts.reduce((s, y) => s + y, 0);
    expect(
      articleLevelN(
        n,
        g.products.flat().reduce((s, x) => s + x, 0),
      ),
    ).toBeCloseTo(expected, 5);
  });
});

describe('designEffect: Rao & Scott mean generalised design effect', () => {
  test.each([
    // aggregators, n = 16 over articles of 9 and 7, k/(k-1) = 2. Per used variant, V n / p with V = 2 sum_i e_i^2 /
    // 256:
    // daesh p = 1/8, e = -0.125, 0.125: V = 0.000244, x 16 x 8 = 0.03125; isil p = 1/8, e = +-0.875: V = 0.011963 ->
    // 1.53125;
    // isis p = 1/4, e = +-0.25: V = 0.000977 -> 0.0625; is as isil 1.53125; islamic-state p = 3/8, e = +-1.375: V =
    // 0.029541
    // -> 1.260417. Sum 4.416667 / (5 - 1) = 1.104167.
    ['aggregators', cases.aggregators, 1.104167],
    ['five (Python from the raw rows)', cases.five, 1.612745],
    // Each article one Daesh and one ISIS: the residuals are all 0, so the estimate is 0, and it is not let below 1.
    [
      'the same mix in every article',
      sums([
        { daesh: 1, isis: 1 },
        { daesh: 1, isis: 1 },
      ]),
      1,
    ],
    ['one article: not measurable', cases.presstv, null],
    ['one variant only: not measurable', cases.even10, null],
  ])('%s', (_what, g, expected) => {
    const d = designEffect(g);
    if (expected === null) expect(d).toBeNull();
    else expect(d).toBeCloseTo(expected, 5);
  });
});

describe('shareIntervals: Wilson on the effective sample size n / deff', () => {
  test.each([
    // nEff = 16/1.104167 = 14.490566 for every variant of the group.
    ['aggregators isis (4 of 16)', cases.aggregators, 2, 14.490566, 0.097363, 0.507411],
    ['aggregators islamic-state (6 of 16)', cases.aggregators, 4, 14.490566, 0.178036, 0.624351],
    ['aggregators isil (2 of 16)', cases.aggregators, 1, 14.490566, 0.03301, 0.374152],
    // One article: nEff = 1, Wilson 1/1 = [1/(1 + 1.96^2), 1] = [0.206549, 1]; the unused variants get [0, 0.793451].
    ['presstv daesh', cases.presstv, 0, 1, 0.206549, 1],
    ['presstv isis', cases.presstv, 2, 1, 0, 0.793451],
    ['five daesh (7 of 17)', cases.five, 0, 10.541033, 0.179893, 0.690771],
    ['five isil (1 of 17)', cases.five, 1, 10.541033, 0.00733, 0.345987],
    // All 50 mentions ISIS in 10 articles: nEff = 10, lower bound 10/(10 + 1.96^2) = 0.722467 (not [1, 1]) ...
    ['even10 isis', cases.even10, 2, 10, 0.722467, 1],
    // ... and it narrows with the number of articles: 40/(40 + 3.841459) = 0.912378.
    ['even40 isis', cases.even40, 2, 40, 0.912378, 1],
    ['even40 daesh (0 of 200)', cases.even40, 0, 40, 0, 0.087622],
    ['uneven isis', cases.uneven, 2, 1.411765, 0.268743, 1],
  ])('%s', (_what, g, v, nEff, low, high) => {
    const r = shareIntervals(g)[v]!;
    expect(r.nEff).toBeCloseTo(nEff, 5);
    expect(r.low).toBeCloseTo(low, 5);
    expect(r.high).toBeCloseTo(high, 5);
  });
  test('no mentions, no intervals', () =>
    expect(shareIntervals(sums([{}, {}]))).toEqual([null, null, null, null, null]));
});

describe('stanceInterval', () => {
  test.each([
    // s_i = -4, -2, 0.5, -1.25, 1.25 over n_i = 5, 2, 4, 3, 3; mean -5.5/17 = -0.323529; residuals s_i - mean n_i =
    // -2.382353, -1.352941, 1.794118, -0.279412, 2.220588, squares 5.675606 + 1.830450 + 3.218858 + 0.078071 + 4.931012
    // =
    // 15.733997; V = 5/4 x 15.733997/289 = 0.068054 (above s^2/n = 0.022410); half = t(4) 2.776445 x 0.260871 =
    // 0.724294
    // -> [-1.047823 clipped to -1, 0.400764].
    ['five articles: cluster-robust t on k - 1 df', cases.five, -0.323529, -1, 0.400764],
    // Two articles: t(1) = 12.706 makes the interval the whole axis of the group [-1, 0.5].
    ['aggregators: two articles', cases.aggregators, 0.0625, -1, 0.5],
    // All Daesh in one article: nEff = 1, unseen share 1 - 0.206549 = 0.793451 may sit at the other end (0.5):
    // high = -1 + 0.793451 x 1.5 = 0.190176. The old t interval gave [-1, -1].
    ['presstv: one article, one variant', cases.presstv, -1, -1, 0.190176],
    // All ISIS (stance 0) in 10 articles: unseen 1 - 0.722467 = 0.277533 -> [0 - 0.277533 x 1, 0 + 0.277533 x 0.5].
    ['even10: one variant, ten articles', cases.even10, 0, -0.277533, 0.138766],
    ['even40: narrower with forty', cases.even40, 0, -0.087622, 0.043811],
  ])('%s', (_what, g, mean, low, high) => {
    const r = stanceInterval(g, STANCES);
    expect(r.mean).toBeCloseTo(mean, 5);
    expect(r.low).toBeCloseTo(low, 5);
    expect(r.high).toBeCloseTo(high, 5);
  });
  test.each([
    ['no mentions', sums([]), { n: 0, mean: null, low: null, high: null }],
    ['one mention: a mean but no interval', sums([{ isil: 1 }]), { n: 1, mean: -0.25, low: null, high: null }],
  ])('%s', (_what, g, expected) => expect(stanceInterval(g, STANCES)).toEqual(expected));
  test('two articles with the same mix: no clustering seen, so the interval is that of independent mentions', () => {
    // Each article: one Daesh, one ISIS. Residuals s_i - mean n_i = -1 - (-0.5)(2) = 0, so V = 0; s^2/n = (4 x
    // 0.25/3)/4 =
    // 0.083333; half = t(1) 12.7062 x 0.288675 = 3.668 -> the whole axis. Never a point.
    const r = stanceInterval(
      sums([
        { daesh: 1, isis: 1 },
        { daesh: 1, isis: 1 },
      ]),
      STANCES,
    );
    expect([r.low, r.high]).toEqual([-1, 0.5]);
  });
});
