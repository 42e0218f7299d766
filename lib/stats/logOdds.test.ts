import { describe, expect, test } from 'vitest';
import { informativePrior, logOdds } from './logOdds';

describe('logOdds (Monroe et al. 2008)', () => {
  test.each([
    // y=7 of n=7 vs 3 of 35, alpha=2.5, alpha0=10:
    // delta = ln(9.5/7.5) - ln(5.5/39.5) = 0.236389 + 1.971553 = 2.207942;
    // var = 1/9.5 + 1/7.5 + 1/5.5 + 1/39.5 = 0.105263 + 0.133333 + 0.181818 + 0.025316 = 0.445731; z =
    // 2.207942/0.667631 = 3.30713.
    { y: 7, n: 7, yo: 3, no: 35, a: 2.5, a0: 10, delta: 2.207942, variance: 0.445731, z: 3.30713 },
    // y=0 of 9 vs 7 of 7: delta = ln(2.5/16.5) - ln(9.5/7.5) = -1.887070 - 0.236389 = -2.123459;
    // var = 1/2.5 + 1/16.5 + 1/9.5 + 1/7.5 = 0.4 + 0.060606 + 0.105263 + 0.133333 = 0.699202; z = -2.123459/0.836183 =
    // -2.53947.
    { y: 0, n: 9, yo: 7, no: 7, a: 2.5, a0: 10, delta: -2.123459, variance: 0.699202, z: -2.53947 },
    // The counts of SANA "terrorists" vs the rest in the FA-KES export (armed groups, all voices; taken from the
    // export, not
    // re-read: this row checks the formula on the figure the issue quotes): 340 of 354 vs 1149 of 4344, a = 10 x
    // 1489/4698 = 3.169434.
    // delta = ln(343.169434/20.830566) - ln(1152.169434/3198.830566) = 2.801803 + 1.022076 = 3.823879;
    // var = 1/343.169 + 1/20.8306 + 1/1152.17 + 1/3198.83 = 0.002914 + 0.048006 + 0.000868 + 0.000312 = 0.052101; z =
    // 16.7526.
    // The shortcut variance (first and third terms, 0.003782) gave z = 3.823879/0.061498 = 62.18: the figure the issue
    // reported.
    {
      y: 340,
      n: 354,
      yo: 1149,
      no: 4344,
      a: (10 * 1489) / 4698,
      a0: 10,
      delta: 3.823879,
      variance: 0.052101,
      z: 16.7526,
    },
  ])('y=$y n=$n vs $yo/$no', ({ y, n, yo, no, a, a0, delta, variance, z }) => {
    const r = logOdds(y, n, yo, no, a, a0)!;
    expect(r.delta).toBeCloseTo(delta, 5);
    expect(r.variance).toBeCloseTo(variance, 5);
    expect(r.z).toBeCloseTo(z, 4);
  });
  test('antisymmetric when the sides swap', () => {
    expect(logOdds(3, 35, 7, 7, 2.5, 10)!.z).toBeCloseTo(-logOdds(7, 7, 3, 35, 2.5, 10)!.z, 10);
  });
  test.each([
    ['a term with no prior mass', 1, 5, 1, 5, 0, 10],
    ['a term holding all the prior mass and all mentions', 5, 5, 5, 5, 10, 10],
  ])('null for %s', (_label, y, n, yo, no, a, a0) => expect(logOdds(y, n, yo, no, a, a0)).toBeNull());
});

describe('informativePrior', () => {
  test.each([
    { counts: { a: 3, b: 1 }, a0: 10, expected: { a: 7.5, b: 2.5 } },
    { counts: { a: 0, b: 0 }, a0: 10, expected: { a: 0, b: 0 } },
  ])('$counts', ({ counts, a0, expected }) => {
    expect(Object.fromEntries(informativePrior(new Map(Object.entries(counts)), a0))).toEqual(expected);
  });
});
