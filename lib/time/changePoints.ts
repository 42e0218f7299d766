/**
 * Change points in an outlet's choice of words: the periods where its leading variant changes. The method is the
 * simplest one a reader can recompute by hand from the counts table: among periods with at least `minN` mentions
 * of the group (sparser periods are skipped, not read), a period's leader is the variant with the most mentions
 * (a tie has no leader and is skipped too); a change point is a period whose leader differs from the leader of the
 * previous period that had one.
 */

/** One period of a share series: the mentions of each variant in it (same variant order in every period). */
export interface SeriesPoint {
  period: string;
  counts: number[];
}

/** A change in the leading variant: in `period` the variant at index `to` took the lead from the one at `from`. */
export interface ChangePoint {
  period: string;
  /** The period the previous leader was last seen leading in. */
  previous: string;
  from: number;
  to: number;
  /** Mentions of the group in the period where the lead changed. */
  n: number;
}

/** Fewest mentions of the group in a period for its leader to be read (below it a period's majority is noise). */
export const CHANGE_MIN_N = 10;

function leader(counts: number[]): number | null {
  let best = -1;
  let tie = false;
  counts.forEach((c, i) => {
    if (best === -1 || c > counts[best]) {
      best = i;
      tie = false;
    } else if (c === counts[best]) tie = true;
  });
  return best === -1 || tie ? null : best;
}

/** The periods where the leading variant changes, reading only periods with at least `minN` mentions. */
export function changePoints(series: SeriesPoint[], minN = CHANGE_MIN_N): ChangePoint[] {
  const out: ChangePoint[] = [];
  let last: { period: string; leader: number } | null = null;
  for (const p of series) {
    const n = p.counts.reduce((s, c) => s + c, 0);
    if (n < minN) continue;
    const lead = leader(p.counts);
    if (lead === null) continue;
    if (last && last.leader !== lead)
      out.push({ period: p.period, previous: last.period, from: last.leader, to: lead, n });
    last = { period: p.period, leader: lead };
  }
  return out;
}
