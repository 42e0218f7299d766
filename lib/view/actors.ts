import type { ViewStats } from './model';
import type { ChartRow, CsvRow } from './charts';
import { entityName } from './entities';

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
