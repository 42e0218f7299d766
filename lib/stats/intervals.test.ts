import { describe, expect, test } from 'vitest';
import { meanInterval, t95, wilson } from './intervals';

describe('wilson', () => {
  // Hand-computed with z = 1.96: 3/10 -> centre (0.3 + 0.19207)/1.38415 = 0.35553, half 0.24772.
  test.each([
    { k: 3, n: 10, low: 0.1078, high: 0.6032 },
    // 0/5: centre = half = (3.8415/10)/1.7683 = 0.21724, so [0, 0.4345].
    { k: 0, n: 5, low: 0, high: 0.4345 },
    { k: 5, n: 5, low: 0.5655, high: 1 },
    { k: 1, n: 1, low: 0.2065, high: 1 },
  ])('$k of $n', ({ k, n, low, high }) => {
    const ci = wilson(k, n)!;
    expect(ci.low).toBeCloseTo(low, 4);
    expect(ci.high).toBeCloseTo(high, 4);
  });
  test('no observations gives no interval', () => expect(wilson(0, 0)).toBeNull());
  test.each([
    // The bound the algebra puts at 0 or 1 is exactly 0 or 1, not 7e-18 or 0.9999999999999999.
    [0, 49, 'low', 0],
    [49, 49, 'high', 1],
    [0, 7.872131, 'low', 0],
    [7.872131, 7.872131, 'high', 1],
  ] as const)('%f of %f: %s bound exactly %i', (k, n, side, value) => expect(wilson(k, n)![side]).toBe(value));
  // An effective sample size need not be an integer: p = 0.25 on n = 14.490566, by hand: z^2/n = 0.265101, centre =
  // (0.25 + 0.132550)/1.265101 = 0.302387, half = 1.959964 x sqrt(0.012939 + 0.004574)/1.265101 = 0.205024; [0.097363,
  // 0.507411].
  test('a non-integer n', () => {
    const ci = wilson(0.25 * 14.490566, 14.490566)!;
    expect(ci.low).toBeCloseTo(0.097363, 5);
    expect(ci.high).toBeCloseTo(0.507411, 5);
  });
});

describe('t95 matches printed t tables', () => {
  test.each([
    [1, 12.7062],
    [2, 4.3027],
    [4, 2.7764],
    [10, 2.2281],
    [30, 2.0423],
    [1000, 1.9623],
  ])('df %i', (df, t) => expect(t95(df)).toBeCloseTo(t, 3));
});

describe('meanInterval', () => {
  test.each([
    // 4 x 0.5 and 1 x -0.5: mean 0.3, ss = 4(0.2^2) + 0.8^2 = 0.8, se = sqrt(0.8/4/5) = 0.2, t(4) = 2.7764.
    {
      values: [
        { value: 0.5, count: 4 },
        { value: -0.5, count: 1 },
      ],
      n: 5,
      mean: 0.3,
      low: -0.25529,
      high: 0.85529,
    },
    // One observation: a mean but no interval.
    { values: [{ value: 0.5, count: 1 }], n: 1, mean: 0.5, low: null, high: null },
    { values: [{ value: 0.5, count: 0 }], n: 0, mean: null, low: null, high: null },
  ])('n = $n', ({ values, n, mean, low, high }) => {
    const r = meanInterval(values);
    expect(r.n).toBe(n);
    if (mean === null) expect(r.mean).toBeNull();
    else expect(r.mean).toBeCloseTo(mean, 10);
    if (low === null) expect(r.low).toBeNull();
    else expect(r.low).toBeCloseTo(low, 4);
    if (high === null) expect(r.high).toBeNull();
    else expect(r.high).toBeCloseTo(high, 4);
  });
  test('clamps to the stance range', () => {
    // -1 x2, +1 x2: mean 0, se = sqrt((4/3)/4) = 0.577, half = 3.182 * 0.577 = 1.84, clamped to [-1, 1].
    const r = meanInterval(
      [
        { value: -1, count: 2 },
        { value: 1, count: 2 },
      ],
      [-1, 1],
    );
    expect([r.low, r.high]).toEqual([-1, 1]);
  });
});
