/** The false discovery rate below which a log-odds row is marked distinctive. */
export const FDR_LEVEL = 0.05;

/**
 * Complementary error function, Chebyshev fit of Numerical Recipes' erfcc: relative error below 1.2e-7 for every x,
 * so even the tiny p-values of large z-scores keep their order of magnitude (a 1 - cdf(z) form would round them to 0).
 */
export function erfc(x: number): number {
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.5 * ax);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * Math.exp(-ax * ax + poly);
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p-value of a standard normal z-score: P(|Z| >= |z|). */
export function twoSidedP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/**
 * Benjamini-Hochberg adjusted p-values (q-values) in the input's order: q(i) = min over j >= i of p(j) m / j on the
 * ascending p-values (never above 1, since the largest is p(m) itself), as R's p.adjust(p, "BH"). Rejecting every q <
 * level keeps the expected share of false
 * discoveries below level when the tests are independent or positively dependent.
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  for (const [i, x] of p.entries()) {
    if (!(x >= 0 && x <= 1)) throw new RangeError(`p-value ${i} is ${x}: every p-value must be a number in [0, 1]`);
  }
  const m = p.length;
  const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1];
    running = Math.min(running, (p[i] * m) / rank);
    q[i] = running;
  }
  return q;
}
