/** The standard normal quantile for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score 95% interval for a proportion k/n; null when n is 0. n may be an effective sample size (not an
 * integer), with k = p n. At k = 0 and k = n the bound that the algebra puts at exactly 0 or 1 is returned as such
 * (floating point would give 7e-18 or 0.9999999999999999).
 */
export function wilson(k: number, n: number, z = Z95): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: k <= 0 ? 0 : Math.max(0, centre - half), high: k >= n ? 1 : Math.min(1, centre + half) };
}

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x > 0.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = c[0];
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-14) break;
  }
  return h;
}

/** Regularized incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Student's t cumulative distribution P(T <= t) with df degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The two-sided 95% critical value of Student's t with df degrees of freedom (bisection on the CDF). */
export function t95(df: number): number {
  const known = T95.get(df);
  if (known !== undefined) return known;
  let lo = 0;
  let hi = 1000;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < 0.975) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  // Every interval of an export needs one; 200 bisection steps of the incomplete beta each are worth remembering.
  if (T95.size < 100_000) T95.set(df, t);
  return t;
}

const T95 = new Map<number, number>();

/** Mean of weighted values with a 95% Student-t interval (weights are counts); interval null below 2 observations. */
export function meanInterval(
  values: { value: number; count: number }[],
  clamp?: [number, number],
): { n: number; mean: number | null; low: number | null; high: number | null } {
  const n = values.reduce((s, v) => s + v.count, 0);
  if (n === 0) return { n, mean: null, low: null, high: null };
  const mean = values.reduce((s, v) => s + v.value * v.count, 0) / n;
  if (n < 2) return { n, mean, low: null, high: null };
  const ss = values.reduce((s, v) => s + v.count * (v.value - mean) ** 2, 0);
  const half = t95(n - 1) * Math.sqrt(ss / (n - 1) / n);
  const [min, max] = clamp ?? [-Infinity, Infinity];
  return { n, mean, low: Math.max(min, mean - half), high: Math.min(max, mean + half) };
}
