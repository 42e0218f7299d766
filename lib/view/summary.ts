import type { ViewStats } from './model';
import { entityName } from './entities';

const pct = (x: number) => `${Math.round(100 * x)}%`;

/** One sentence per outlet naming its most used variant in a group, with count and denominator. */
export function sharesSummary(ex: ViewStats, group: string, ids: string[]): string {
  const parts = ids.map((id) => {
    const rows = ex.counts.filter((c) => c.outlet === id && c.group === group);
    const n = rows[0]?.groupTotal ?? 0;
    if (n === 0) return `${entityName(ex, id)}: no mentions`;
    const top = [...rows].sort((a, b) => b.count - a.count)[0];
    const label = ex.groups.find((g) => g.id === group)?.variants.find((v) => v.id === top.variant)?.label ?? top.variant;
    return `${entityName(ex, id)}: mostly "${label}" (${top.count} of ${n}, ${pct(top.count / n)})`;
  });
  return `${parts.join('; ')}.`;
}

/** Stance indices in words, with the mentions behind each and the interval. */
export function stanceSummary(ex: ViewStats, group: string, ids: string[]): string {
  return `${ids.map((id) => {
    const s = ex.stance.find((x) => x.outlet === id && x.group === group)!;
    if (s.mean === null) return `${entityName(ex, id)}: no mentions`;
    const ci = s.low === null ? 'no interval (1 mention)' : `95% CI ${s.low.toFixed(2)} to ${s.high!.toFixed(2)}`;
    return `${entityName(ex, id)}: ${s.mean.toFixed(2)} from ${s.n} mentions, ${ci}`;
  }).join('; ')}.`;
}

/** Mean sentence sentiment in words, with sentence counts. */
export function sentimentSummary(ex: ViewStats, ids: string[]): string {
  return `${ids.map((id) => {
    const s = ex.sentiment.find((x) => x.outlet === id)!;
    return s.meanSentence === null ? `${entityName(ex, id)}: no sentences` : `${entityName(ex, id)}: ${s.meanSentence.toFixed(2)} per sentence over ${s.sentences} sentences`;
  }).join('; ')}.`;
}
