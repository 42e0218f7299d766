import { describe, expect, test } from 'vitest';
import { informativePrior, logOdds } from './logOdds';

describe('logOdds (Monroe et al. 2008)', () => {
  test.each([
    // y=7 of n=7 vs 3 of 35, alpha=2.5, alpha0=10:
    // delta = ln(9.5/7.5) - ln(5.5/39.5) = 0.236389 + 1.971553 = 2.207942; var = 1/9.5 + 1/5.5 = 0.287081; z = 4.12083.
    { y: 7, n: 7, yo: 3, no: 35, a: 2.5, a0: 10, delta: 2.207942, variance: 0.287081, z: 4.12083 },
    // y=0 of 9 vs 7 of 7: delta = ln(2.5/16.5) - ln(9.5/7.5) = -1.887070 - 0.236389 = -2.123459; var = 0.4 + 0.105263.
    { y: 0, n: 9, yo: 7, no: 7, a: 2.5, a0: 10, delta: -2.123459, variance: 0.505263, z: -2.98730 },
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
