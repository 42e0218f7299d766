import type { DistinctiveRow } from '../analysis/exportTypes';
import type { ViewStats } from './model';
import type { HeatmapSpec } from './actors';
import { isDistinctive, mentionsIn } from './charts';
import { entityName } from './entities';
import { countOf } from './plural';

/*
 * One line under each chart: what a reader should see first. The full per-row summaries stay for screen readers;
 * these are short on purpose (a corpus of 18 outlets would otherwise print hundreds of words per chart).
 */

const outletsOnly = (ex: ViewStats, ids: string[]) => {
  const outlets = ids.filter((id) => ex.outlets.some((o) => o.id === id));
  // Groups repeat their members' mentions, so totals are over outlets when any are shown.
  return outlets.length ? outlets : ids;
};

/**
 * The most used variant of a group over the outlets shown, with its count of all their mentions and its articles of
 * all their articles using the group (a variant repeated in one article is not a variant used widely).
 */
export function sharesTakeaway(ex: ViewStats, group: string, ids: string[]): string {
  const g = ex.groups.find((x) => x.id === group);
  if (!g) throw new Error(`sharesTakeaway: "${group}" is not a term group of this corpus`);
  const shown = outletsOnly(ex, ids);
  const rows = ex.counts.filter((c) => c.group === group && shown.includes(c.outlet));
  const total = rows.reduce((s, r) => s + r.count, 0);
  if (total === 0) return 'None of these terms is used by the outlets shown.';
  const by = g.variants
    .map((v) => {
      const mine = rows.filter((r) => r.variant === v.id);
      return { v, n: mine.reduce((s, r) => s + r.count, 0), articles: mine.reduce((s, r) => s + r.articles, 0) };
    })
    .sort((a, b) => b.n - a.n);
  // groupArticles repeats on every variant row of an outlet: count it once per outlet.
  const groupArticles = shown.reduce((s, id) => s + (rows.find((r) => r.outlet === id)?.groupArticles ?? 0), 0);
  const who = shown.length === 1 ? entityName(ex, shown[0]) : `the ${shown.length} outlets shown`;
  const top = by[0];
  const n = (x: number) => x.toLocaleString('en-US');
  return `Most used: "${top.v.label}", ${n(top.n)} of ${countOf(total, 'mention')} (${Math.round((100 * top.n) / total)}%) in ${n(top.articles)} of ${countOf(groupArticles, 'article')}, by ${who}.`;
}

/** The range of stance indices over the entities shown, naming the ends with the mentions and articles behind them. */
export function stanceTakeaway(ex: ViewStats, group: string, ids: string[]): string {
  const rows = ids
    .map((id) => ({ id, s: ex.stance.find((x) => x.outlet === id && x.group === group) }))
    .filter((r): r is { id: string; s: NonNullable<typeof r.s> & { mean: number } } => r.s?.mean != null);
  if (rows.length === 0) return 'No mentions of these terms by the outlets shown.';
  const sorted = [...rows].sort((a, b) => a.s.mean - b.s.mean);
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  const missing = ids.length - rows.length;
  const none = missing ? ` ${missing} without mentions.` : '';
  const n = (s: { n: number; articles: number }) => mentionsIn(s.n, s.articles);
  if (rows.length === 1) return `${entityName(ex, lo.id)}: ${lo.s.mean.toFixed(2)} (${n(lo.s)}).${none}`;
  return `From ${lo.s.mean.toFixed(2)} (${entityName(ex, lo.id)}, ${n(lo.s)}) to ${hi.s.mean.toFixed(2)} (${entityName(ex, hi.id)}, ${n(hi.s)}).${none}`;
}

/** The lowest and highest mean sentence sentiment over the entities shown. */
export function sentimentTakeaway(ex: ViewStats, ids: string[]): string {
  const rows = ids
    .map((id) => ({ id, m: ex.sentiment.find((x) => x.outlet === id)?.meanSentence ?? null }))
    .filter((r): r is { id: string; m: number } => r.m !== null)
    .sort((a, b) => a.m - b.m);
  if (rows.length === 0) return 'No scored sentences.';
  if (rows.length === 1) return `${entityName(ex, rows[0].id)}: ${rows[0].m.toFixed(2)} per sentence.`;
  const lo = rows[0];
  const hi = rows[rows.length - 1];
  return `Most negative: ${entityName(ex, lo.id)} (${lo.m.toFixed(2)} per sentence); least: ${entityName(ex, hi.id)} (${hi.m.toFixed(2)}).`;
}

/** How many variants are distinctive in one comparison, and the strongest of them. */
export function distinctiveTakeaway(
  rows: DistinctiveRow[],
  label: (variant: string) => string,
  sides: [string, string],
): string {
  if (rows.length === 0) return 'No mentions to compare.';
  const marked = rows.filter(isDistinctive).sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
  if (marked.length === 0) return `No variant is distinctive (${rows.length} compared).`;
  const top = marked[0];
  return `${marked.length} of ${rows.length} variants distinctive; strongest: "${label(top.variant)}", more typical of ${top.z > 0 ? sides[0] : sides[1]} (z = ${top.z.toFixed(1)}).`;
}

/** The most frequent actor-label pair of an actor heatmap. */
export function actorLabelTakeaway(spec: Omit<HeatmapSpec, 'csv'>, outletName: string): string {
  let best = { actor: '', label: '', count: 0, n: 0 };
  for (const r of spec.data)
    for (const c of spec.categories) {
      const count = Number(r[c] ?? 0);
      if (count > best.count) best = { actor: String(r.actor), label: spec.labels[c], count, n: Number(r.n) };
    }
  if (best.count === 0) return `${outletName} gives no actor any of these labels.`;
  return `Most frequent: ${best.actor} called "${best.label}" (${best.count} of its ${countOf(best.n, 'label')}).`;
}

/**
 * The most negative actor-outlet cell among those with at least `minSentences` sentences (fewer would let one
 * sentence decide).
 */
export function actorToneTakeaway(ex: ViewStats, spec: Omit<HeatmapSpec, 'csv'>, minSentences = 5): string {
  let worst: { actor: string; id: string; v: number; n: number } | null = null;
  for (const r of spec.data)
    for (const id of spec.categories) {
      const v = r[id];
      const n = Number(r[`n:${id}`] ?? 0);
      if (typeof v === 'number' && n >= minSentences && (!worst || v < worst.v))
        worst = { actor: String(r.actor), id, v, n };
    }
  if (!worst) return `No actor is named in ${minSentences} or more sentences of one outlet.`;
  return `Most negative: ${entityName(ex, worst.id)} about ${worst.actor} (${worst.v.toFixed(2)} per sentence, ${worst.n} sentences; cells with at least ${minSentences}).`;
}
