/** One term's log-odds comparison between two sides, with everything needed to recompute it. */
export interface LogOdds {
  y: number;
  n: number;
  yOther: number;
  nOther: number;
  alpha: number;
  alpha0: number;
  delta: number;
  variance: number;
  z: number;
}

/**
 * Log-odds ratio with informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, eq. 16, 19, 20),
 * natural log: delta = ln((y+a)/(n+a0-y-a)) - ln((yo+a)/(no+a0-yo-a)), z = delta/sqrt(var), with the full posterior
 * variance of delta, var = 1/(y+a) + 1/(n+a0-y-a) + 1/(yo+a) + 1/(no+a0-yo-a). Monroe et al.'s shortcut keeps only the
 * first and third terms, which is close only when the term is a small part of a large vocabulary; inside a term group
 * of
 * a few variants the other terms are of the same size and dropping them inflated z several times over.
 * Null when the prior leaves a zero denominator (a term with all of the prior mass).
 */
export function logOdds(
  y: number,
  n: number,
  yOther: number,
  nOther: number,
  alpha: number,
  alpha0: number,
): LogOdds | null {
  const restA = n + alpha0 - y - alpha;
  const restB = nOther + alpha0 - yOther - alpha;
  if (alpha <= 0 || restA <= 0 || restB <= 0) return null;
  const delta = Math.log((y + alpha) / restA) - Math.log((yOther + alpha) / restB);
  const variance = 1 / (y + alpha) + 1 / restA + 1 / (yOther + alpha) + 1 / restB;
  return { y, n, yOther, nOther, alpha, alpha0, delta, variance, z: delta / Math.sqrt(variance) };
}

/** Informative prior: alpha0 pseudo-counts spread over terms by their share of the whole corpus. */
export function informativePrior(corpusCounts: Map<string, number>, alpha0: number): Map<string, number> {
  const total = [...corpusCounts.values()].reduce((a, b) => a + b, 0);
  const out = new Map<string, number>();
  for (const [term, count] of corpusCounts) out.set(term, total > 0 ? (alpha0 * count) / total : 0);
  return out;
}
