import type { ViewStats } from './model';
import type { ChartRow, CsvRow } from './charts';
import { entityName } from './entities';
import type { ActorLabelRow } from '../analysis/exportTypes';
import { UNATTRIBUTED } from '../lexicon/parse';

/** A heatmap's rows and columns as flat chart rows: `index` labels each row, `categories` are the columns. */
export interface HeatmapSpec {
  data: ChartRow[];
  index: string;
  categories: string[];
  labels: Record<string, string>;
  csv: CsvRow[];
}

/** The term groups whose labels are attributed to actors. */
export function attributedGroups(ex: ViewStats): string[] {
  return [...new Set(ex.actorLabels.map((r) => r.group))]
    .filter((g) => ex.groups.some((x) => x.id === g))
    .sort((a, b) => groupIndex(ex, a) - groupIndex(ex, b));
}

function groupIndex(ex: ViewStats, id: string): number {
  return ex.groups.findIndex((g) => g.id === id);
}

/** Outlets (not groups) of the export, whose rows define what any heatmap shows so small multiples line up. */
function outletRows(ex: ViewStats, group: string) {
  const outlets = new Set(ex.outlets.map((o) => o.id));
  return ex.actorLabels.filter((r) => r.group === group && outlets.has(r.outlet));
}

/**
 * One outlet's actor × label counts for a term group. Rows are the actors and columns the variants that occur
 * anywhere in the corpus, so heatmaps of different outlets share rows and columns; `n` is the actor's total.
 */
export function actorLabelMatrix(ex: ViewStats, outlet: string, group: string): HeatmapSpec {
  const g = ex.groups.find((x) => x.id === group)!;
  const corpusRows = outletRows(ex, group);
  const actors = ex.actors.filter((a) => corpusRows.some((r) => r.actor === a.id));
  const variants = g.variants.filter((v) => corpusRows.some((r) => r.variant === v.id));
  const mine = ex.actorLabels.filter((r) => r.outlet === outlet && r.group === group);
  const data: ChartRow[] = [];
  const csv: CsvRow[] = [];
  for (const a of actors) {
    const n = mine.filter((r) => r.actor === a.id).reduce((s, r) => s + r.count, 0);
    const row: ChartRow = { id: a.id, actor: a.label, n };
    for (const v of variants) {
      const count = mine.find((r) => r.actor === a.id && r.variant === v.id)?.count ?? 0;
      row[v.id] = count;
      csv.push({ outlet, actor: a.id, group, variant: v.id, count, actorTotal: n, share: n > 0 ? count / n : null });
    }
    data.push(row);
  }
  return {
    data,
    index: 'actor',
    categories: variants.map((v) => v.id),
    labels: Object.fromEntries(variants.map((v) => [v.id, v.label])),
    csv,
  };
}

/**
 * Mean AFINN score per sentence naming each actor, one column per outlet; actors no chosen outlet names are left out.
 */
export function actorToneMatrix(ex: ViewStats, ids: string[]): HeatmapSpec {
  const rows = ex.actorTone.filter((r) => ids.includes(r.outlet));
  const actors = ex.actors.filter((a) => rows.some((r) => r.actor === a.id && r.sentences > 0));
  const data: ChartRow[] = [];
  const csv: CsvRow[] = [];
  for (const a of actors) {
    const row: ChartRow = { id: a.id, actor: a.label };
    for (const id of ids) {
      const t = rows.find((r) => r.actor === a.id && r.outlet === id);
      row[id] = t?.meanSentence ?? null;
      row[`n:${id}`] = t?.sentences ?? 0;
      csv.push({
        outlet: id,
        actor: a.id,
        sentences: t?.sentences ?? 0,
        meanSentence: t?.meanSentence ?? null,
        meanLow: t?.meanLow ?? null,
        meanHigh: t?.meanHigh ?? null,
      });
    }
    data.push(row);
  }
  return {
    data,
    index: 'actor',
    categories: ids,
    labels: Object.fromEntries(ids.map((id) => [id, entityName(ex, id)])),
    csv,
  };
}

/** A one-sentence text summary of an outlet's actor × label heatmap, for screen readers and the figure caption. */
export function actorLabelSummary(spec: Omit<HeatmapSpec, 'csv'>, outletName: string): string {
  const cells = spec.data.flatMap((r) =>
    spec.categories.map((c) => ({
      actor: String(r.actor),
      label: spec.labels[c],
      count: Number(r[c] ?? 0),
      n: Number(r.n),
    })),
  );
  const total = cells.reduce((s, c) => s + c.count, 0);
  if (total === 0) return `${outletName} gives no actor any of these labels.`;
  const top = cells
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.actor.localeCompare(b.actor))
    .slice(0, 3);
  return `${outletName}: ${total} attributed label uses; most frequent: ${top.map((c) => `${c.actor} as "${c.label}" (${c.count} of ${c.n})`).join(', ')}.`;
}

/** A one-sentence text summary of the tone heatmap: the most negative actor per outlet. */
export function actorToneSummary(ex: ViewStats, spec: Omit<HeatmapSpec, 'csv'>): string {
  const parts = spec.categories.map((id) => {
    const scored = spec.data.filter((r) => typeof r[id] === 'number');
    if (scored.length === 0) return `${entityName(ex, id)} names none of these actors`;
    const worst = scored.reduce((a, b) => ((b[id] as number) < (a[id] as number) ? b : a));
    return `${entityName(ex, id)} is most negative about ${worst.actor} (${(worst[id] as number).toFixed(2)} per sentence, n = ${worst[`n:${id}`]})`;
  });
  return `${parts.join('; ')}.`;
}

/** A mention as the actor lens reads it: who, which label, and the actors its phrase names. */
export type LabelMention = { outlet: string; group: string; variant: string; actors: string[] };

/**
 * Labels given to actors, counted per outlet from mention rows as the tallies count them: every mention of an
 * attributed group (set aside or not), once for each actor it names, or once as `unattributed`.
 */
export function actorLabelsOf(mentions: Iterable<LabelMention>, attributed: ReadonlySet<string>): ActorLabelRow[] {
  const counts = new Map<string, ActorLabelRow>();
  for (const m of mentions) {
    if (!attributed.has(m.group)) continue;
    for (const actor of m.actors.length ? m.actors : [UNATTRIBUTED]) {
      const key = `${m.outlet}/${actor}/${m.group}/${m.variant}`;
      const row = counts.get(key);
      if (row) row.count++;
      else counts.set(key, { outlet: m.outlet, actor, group: m.group, variant: m.variant, count: 1 });
    }
  }
  return [...counts.values()];
}

/** One story's actor lens: the outlets that labelled an actor there, and per actor what each of them called it. */
export interface StoryLens {
  outlets: string[];
  rows: {
    actor: string;
    label: string;
    total: number;
    /** Per outlet its labels; `setAside` says how many of `count` its group does not count (see actorLabelsOf). */
    cells: Record<string, { label: string; count: number; setAside: number }[]>;
  }[];
}

/**
 * The actor lens of one story from its label rows: actors in lexicon order (unattributed last), outlets in corpus
 * order, each cell the labels that outlet gave the actor, most used first (ties in lexicon order), with how many of
 * them `aside` (the same rows counted over the set-aside mentions only) holds.
 */
export function storyActorLens(ex: ViewStats, rows: ActorLabelRow[], aside: ActorLabelRow[] = []): StoryLens {
  const variantOrder = new Map(
    ex.groups.flatMap((g, gi) => g.variants.map((v, vi) => [`${g.id}/${v.id}`, { order: gi * 1000 + vi, v }])),
  );
  const asideCount = new Map(aside.map((r) => [`${r.outlet}/${r.actor}/${r.group}/${r.variant}`, r.count]));
  const outletOrder = [...ex.outlets.map((o) => o.id), ...ex.outletGroups.map((g) => g.id)];
  const outlets = outletOrder.filter((o) => rows.some((r) => r.outlet === o && r.count > 0));
  const actors = ex.actors.filter((a) => rows.some((r) => r.actor === a.id && r.count > 0));
  return {
    outlets,
    rows: actors.map((a) => {
      const mine = rows.filter((r) => r.actor === a.id && r.count > 0);
      const cells: StoryLens['rows'][number]['cells'] = {};
      for (const o of outlets) {
        const list = mine
          .filter((r) => r.outlet === o)
          .sort(
            (x, y) =>
              y.count - x.count ||
              (variantOrder.get(`${x.group}/${x.variant}`)?.order ?? 0) -
                (variantOrder.get(`${y.group}/${y.variant}`)?.order ?? 0),
          )
          .map((r) => ({
            label: variantOrder.get(`${r.group}/${r.variant}`)?.v.label ?? r.variant,
            count: r.count,
            setAside: asideCount.get(`${r.outlet}/${r.actor}/${r.group}/${r.variant}`) ?? 0,
          }));
        if (list.length) cells[o] = list;
      }
      return { actor: a.id, label: a.label, total: mine.reduce((n, r) => n + r.count, 0), cells };
    }),
  };
}
