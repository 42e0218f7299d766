import type { DistinctiveRow } from '../analysis/exportTypes';
import type { ViewStats } from './model';
import { DISTINCTIVE_RULE, isDistinctive, mentionsIn } from './charts';
import { entityName } from './entities';

const pct = (x: number) => `${Math.round(100 * x)}%`;

/** One sentence per outlet naming its most used variant in a group, with count and denominator. */
export function sharesSummary(ex: ViewStats, group: string, ids: string[]): string {
  const parts = ids.map((id) => {
    const rows = ex.counts.filter((c) => c.outlet === id && c.group === group);
    const n = rows[0]?.groupTotal ?? 0;
    if (n === 0) return `${entityName(ex, id)}: no mentions`;
    const top = [...rows].sort((a, b) => b.count - a.count)[0];
    const label =
      ex.groups.find((g) => g.id === group)?.variants.find((v) => v.id === top.variant)?.label ?? top.variant;
    return `${entityName(ex, id)}: mostly "${label}" (${top.count} of ${mentionsIn(n, top.groupArticles)}, ${pct(top.count / n)})`;
  });
  return `${parts.join('; ')}.`;
}

/** Stance indices in words, with the mentions behind each and the interval. */
export function stanceSummary(ex: ViewStats, group: string, ids: string[]): string {
  return `${ids
    .map((id) => {
      const s = ex.stance.find((x) => x.outlet === id && x.group === group)!;
      if (s.mean === null) return `${entityName(ex, id)}: no mentions`;
      const ci =
        s.low === null
          ? 'no interval (1 mention)'
          : `article-level 95% CI ${s.low.toFixed(2)} to ${s.high!.toFixed(2)}`;
      return `${entityName(ex, id)}: ${s.mean.toFixed(2)} from ${mentionsIn(s.n, s.articles)}, ${ci}`;
    })
    .join('; ')}.`;
}

/** Mean sentence sentiment in words, with sentence counts. */
export function sentimentSummary(ex: ViewStats, ids: string[]): string {
  return `${ids
    .map((id) => {
      const s = ex.sentiment.find((x) => x.outlet === id)!;
      return s.meanSentence === null
        ? `${entityName(ex, id)}: no sentences`
        : `${entityName(ex, id)}: ${s.meanSentence.toFixed(2)} per sentence over ${s.sentences} sentences`;
    })
    .join('; ')}.`;
}

/** The variants of one comparison marked distinctive (isDistinctive), in words, naming the rule. */
export function distinctiveSummary(rows: DistinctiveRow[], label: (variant: string) => string): string {
  if (rows.length === 0) return 'No mentions to compare.';
  const sig = rows
    .filter(isDistinctive)
    .map(
      (r) =>
        `${label(r.variant)} (z = ${r.z.toFixed(2)}, q = ${formatQ(r.q)}, ${r.y}/${r.n} in ${r.articles} article${r.articles === 1 ? '' : 's'} vs ${r.yOther}/${r.nOther} in ${r.articlesOther})`,
    );
  if (sig.length === 0) return `No variant differs by ${DISTINCTIVE_RULE} (${rows.length} compared).`;
  return `${sig.join(', ')} ${sig.length === 1 ? 'differs' : 'differ'} by ${DISTINCTIVE_RULE}, of ${rows.length} variants compared.`;
}

/** A q-value to three significant figures, or "< 0.0001" below that. */
export function formatQ(q: number): string {
  return q < 1e-4 ? '< 0.0001' : q.toPrecision(3);
}
