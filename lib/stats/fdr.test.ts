import { describe, expect, test } from 'vitest';
import { benjaminiHochberg, erfc, twoSidedP } from './fdr';

describe('twoSidedP against scipy.stats.norm (2 * norm.sf(z))', () => {
  test.each([
    [0, 1],
    [1, 0.31731050786291415],
    [1.959963984540054, 0.05],
    [-2.5758293035489, 0.01],
    [3.2905267314919, 0.001],
    [5, 5.733031437583866e-7],
    [10, 1.523970604832094e-23],
    [20, 5.507248237212311e-89],
  ])('z = %f', (z, p) => expect(Math.abs(twoSidedP(z) - p) / p).toBeLessThan(2e-7));
  test('erfc is 2 - erfc(-x)', () => expect(erfc(-0.7) + erfc(0.7)).toBeCloseTo(2, 12));
});

describe('benjaminiHochberg against scipy.stats.false_discovery_control (= R p.adjust "BH")', () => {
  test.each([
    {
      // McDonald's Handbook of Biological Statistics example (25 tests). By hand: 0.001 x 25/1 = 0.025; 0.008 x 25/2 =
      // 0.1;
      // ranks 3-5: 0.039 x 25/3 = 0.325, 0.041 x 25/4 = 0.25625, 0.042 x 25/5 = 0.21, so the running minimum gives 0.21
      // to all three.
      p: [
        0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216, 0.222, 0.251, 0.269, 0.275, 0.34, 0.341,
        0.384, 0.569, 0.594, 0.696, 0.762, 0.94, 0.942, 0.975, 0.986,
      ],
      q: [
        0.025, 0.1, 0.21, 0.21, 0.21, 0.25, 0.264286, 0.491071, 0.491071, 0.491071, 0.491071, 0.491071, 0.491071,
        0.491071, 0.532812, 0.532812, 0.564706, 0.781579, 0.781579, 0.87, 0.907143, 0.986, 0.986, 0.986, 0.986,
      ],
    },
    // Unsorted, with ties: 0.01 x 5/1 = 0.05; 0.03 x 5/2 = 0.075, 0.04 x 5/4 = 0.05 (both ties) -> 0.05; 0.5 x 5/5 =
    // 0.5.
    { p: [0.04, 0.01, 0.03, 0.04, 0.5], q: [0.05, 0.05, 0.05, 0.05, 0.5] },
    // Monotone: 0.9 x 2/1 = 1.8 but the running minimum from the top rank (0.95 x 2/2 = 0.95) gives 0.95 to both.
    { p: [0.95, 0.9], q: [0.95, 0.95] },
    { p: [], q: [] },
  ])('$p.length p-values', ({ p, q }) => {
    const got = benjaminiHochberg(p);
    expect(got).toHaveLength(q.length);
    got.forEach((x, i) => expect(x).toBeCloseTo(q[i], 5));
  });
  test.each([[NaN], [-0.1], [1.5]])('rejects p = %f with the position named', (bad) => {
    expect(() => benjaminiHochberg([0.1, bad])).toThrow(/p-value 1 is .*: every p-value must be a number in \[0, 1\]/);
  });
});
