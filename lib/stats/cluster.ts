import { Z95, t95, wilson } from './intervals';

/**
 * One outlet's mentions of one term group, summed over its articles (the clusters): for variants v and w,
 * counts[v] = sum over articles of y_iv, products[v][w] = sum over articles of y_iv y_iw, and articles = how many
 * articles mention the group at all. These sums are all that the article-level intervals below read, and they add
 * up over articles, so an outlet's tally stays additive.
 */
export interface GroupClusters {
  counts: number[];
  products: number[][];
  articles: number;
}

/** A share with its article-level 95% interval and the effective sample size the interval used. */
export interface ClusterShare {
  nEff: number;
  low: number;
  high: number;
}

/**
 * The effective number of mentions if every article were one decision (intra-article correlation 1): n^2 / sum n_i^2,
 * which is the number of articles when they are of equal size and less when a few long articles hold most mentions.
 */
export function articleLevelN(n: number, sumNN: number): number {
  return sumNN > 0 ? (n * n) / sumNN : 0;
}

/**
 * The design effect of one group's variant shares: Rao & Scott's (1981) mean generalised design effect,
 * sum over used variants of (1 - p_v) d_v / (c - 1), where c is the number of variants used and d_v compares the
 * cluster-robust (linearisation) variance of the ratio y_v/n over k articles, k/(k-1) sum_i (y_iv - p_v n_i)^2 / n^2,
 * with the binomial p_v(1-p_v)/n; not let below 1 (Korn & Graubard 1998). With two variants it is the binomial design
 * effect of either. Null when the data cannot measure it: fewer than two articles or fewer than two variants used.
 */
export function designEffect(g: GroupClusters): number | null {
  const n = g.counts.reduce((s, y) => s + y, 0);
  const used = g.counts.filter((y) => y > 0).length;
  const k = g.articles;
  if (k < 2 || used < 2) return null;
  const rowSums = g.products.map((row) => row.reduce((s, x) => s + x, 0));
  const sumNN = rowSums.reduce((s, x) => s + x, 0);
  let total = 0;
  g.counts.forEach((y, v) => {
    if (y === 0) return;
    const p = y / n;
    const ss = Math.max(0, g.products[v][v] - 2 * p * rowSums[v] + p * p * sumNN);
    const variance = ((k / (k - 1)) * ss) / (n * n);
    // (1 - p) d_v = (1 - p) variance / (p (1 - p) / n) = variance n / p.
    total += (variance * n) / p;
  });
  return Math.max(1, total / (used - 1));
}

/**
 * Article-level 95% interval of each variant's share: a Wilson score interval on the effective sample size
 * n / designEffect, the same for every variant of the group, so a variant used once and one never used are judged
 * on the same footing. When the design effect cannot be measured (all mentions one variant, or one article), every
 * article counts as one decision (articleLevelN): 49 mentions of one variant in 15 articles get the interval of
 * fewer than 15 decisions, not of 49, and never the point [1, 1].
 */
export function shareIntervals(g: GroupClusters): (ClusterShare | null)[] {
  const n = g.counts.reduce((s, y) => s + y, 0);
  if (n === 0) return g.counts.map(() => null);
  const deff = designEffect(g);
  const nEff =
    deff === null
      ? articleLevelN(
          n,
          g.products.flat().reduce((s, x) => s + x, 0),
        )
      : n / deff;
  return g.counts.map((y) => {
    const ci = wilson((y / n) * nEff, nEff)!;
    return { nEff, low: ci.low, high: ci.high };
  });
}

/** A count-weighted mean stance with its article-level 95% interval. */
export interface ClusterMean {
  n: number;
  mean: number | null;
  low: number | null;
  high: number | null;
}

/**
 * Mean stance of a group's mentions with an article-level 95% interval. The standard error is the cluster-robust one of
 * the ratio sum(s_i)/sum(n_i) over articles, k/(k-1) sum (s_i - mean n_i)^2 / n^2, but never below the one of n
 * independent mentions (s^2/n), read on Student's t with k - 1 degrees of freedom and clipped to the group's stance
 * range. When the mentions carry no variance (all one stance value) or come from one article, the data cannot say how
 * far the outlet's habit strays, so the interval lets the unseen part of its usage, up to 1 - L where L is the Wilson
 * lower bound of a share of 1 on articleLevelN mentions, sit at either end of the range. Null below two mentions.
 */
export function stanceInterval(g: GroupClusters, stances: number[]): ClusterMean {
  const n = g.counts.reduce((s, y) => s + y, 0);
  if (n === 0) return { n, mean: null, low: null, high: null };
  const sum = g.counts.reduce((s, y, v) => s + y * stances[v], 0);
  const mean = sum / n;
  if (n < 2) return { n, mean, low: null, high: null };
  const lo = Math.min(...stances);
  const hi = Math.max(...stances);
  const used = new Set(stances.filter((_, v) => g.counts[v] > 0));
  const k = g.articles;
  let sumNN = 0;
  let sumSN = 0;
  let sumSS = 0;
  g.products.forEach((row, v) =>
    row.forEach((c, w) => {
      sumNN += c;
      sumSN += stances[v] * c;
      sumSS += stances[v] * stances[w] * c;
    }),
  );
  if (k < 2 || used.size < 2) {
    const nEff = articleLevelN(n, sumNN);
    const unseen = 1 - nEff / (nEff + Z95 * Z95);
    return { n, mean, low: mean - unseen * (mean - lo), high: mean + unseen * (hi - mean) };
  }
  const clustered = ((k / (k - 1)) * Math.max(0, sumSS - 2 * mean * sumSN + mean * mean * sumNN)) / (n * n);
  const ss = g.counts.reduce((s, y, v) => s + y * (stances[v] - mean) ** 2, 0);
  const half = t95(k - 1) * Math.sqrt(Math.max(clustered, ss / (n - 1) / n));
  return { n, mean, low: Math.max(lo, mean - half), high: Math.min(hi, mean + half) };
}
