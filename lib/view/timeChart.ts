import { SPARSE_N, type TimeRow } from '../time/series';
import type { CsvRow } from './charts';
import { countOf } from './plural';

/**
 * The naming-over-time chart's data as the page sends it to the browser: numbers and period indices only. A week
 * series of nine variants over seven years has thousands of points; drawn on the server, each point's link, title and
 * markup went into the HTML and again into the page's payload (2.7 MB), so the browser draws them from this instead.
 */

/** One period of one outlet's series: the group's counts there, each variant's count and (when readable) interval. */
export interface TimeCell {
  /** The period's index in the model's `periods`. */
  i: number;
  /** The group's counted mentions in the period, and the articles holding them. */
  n: number;
  k: number;
  /** The outlet's articles dated in the period, and the tokens counted in them. */
  a: number;
  t: number;
  /** The group's mentions per 1,000 tokens (attention), 4 decimals; null when no tokens were counted. */
  r: number | null;
  /** Each variant's count, in the group's variant order. */
  c: number[];
  /** Each variant's article-level 95% interval (4 decimals), only when the period has at least SPARSE_N mentions. */
  lo?: number[];
  hi?: number[];
}

/** One outlet's series: its periods with articles (periods without any are left out) and its change points. */
export interface TimeSeriesData {
  outlet: string;
  cells: TimeCell[];
  /** Indices of the periods where the most used variant changes (lib/time/changePoints.ts). */
  changes: number[];
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * One outlet's rows (lib/time/series.ts: one per period and variant) folded into one cell per period with articles,
 * in period order; `periods` are the series' period ids and `variants` the group's variant ids in lexicon order.
 */
export function timeSeriesData(
  rows: readonly TimeRow[],
  outlet: string,
  periods: readonly string[],
  variants: readonly string[],
  changePeriods: readonly string[],
): TimeSeriesData {
  const pIndex = new Map(periods.map((p, i) => [p, i]));
  const vIndex = new Map(variants.map((v, i) => [v, i]));
  const byPeriod = new Map<number, TimeCell>();
  for (const row of rows) {
    if (row.outlet !== outlet || !row.articles) continue;
    const i = pIndex.get(row.period);
    const vi = vIndex.get(row.variant);
    if (i === undefined || vi === undefined)
      throw new Error(`timeSeriesData: row ${row.period}/${row.variant} is not among the series' periods and variants`);
    let cell = byPeriod.get(i);
    if (!cell) {
      cell = {
        i,
        n: row.groupTotal,
        k: row.groupArticles,
        a: row.articles,
        t: row.tokens,
        r: row.per1k === null ? null : round4(row.per1k),
        c: new Array<number>(variants.length).fill(0),
      };
      if (row.groupTotal >= SPARSE_N) {
        cell.lo = new Array<number>(variants.length).fill(0);
        cell.hi = new Array<number>(variants.length).fill(0);
      }
      byPeriod.set(i, cell);
    }
    cell.c[vi] = row.count;
    if (cell.lo && cell.hi) {
      cell.lo[vi] = round4(row.shareLow ?? 0);
      cell.hi[vi] = round4(row.shareHigh ?? 0);
    }
  }
  const changes = changePeriods.flatMap((p) => {
    const i = pIndex.get(p);
    return i === undefined ? [] : [i];
  });
  return { outlet, cells: [...byPeriod.values()].sort((x, y) => x.i - y.i), changes };
}

/** A variant's share of the group's mentions in a cell (count / n, as lib/time/series.ts computes it), or null. */
export function cellShare(cell: TimeCell, variant: number): number | null {
  return cell.n ? cell.c[variant] / cell.n : null;
}

/** Whether a cell has too few mentions for its shares to be read as estimates (drawn hollow, no interval). */
export function isSparse(cell: TimeCell): boolean {
  return cell.n < SPARSE_N;
}

const pct = (x: number) => Math.round(x * 100);

/** The interval of a variant in a cell as "lo–hi%", or null when the cell is sparse. */
export function intervalText(cell: TimeCell, variant: number): string | null {
  return cell.lo && cell.hi ? `${pct(cell.lo[variant])}–${pct(cell.hi[variant])}%` : null;
}

/** What a point says on hover and to a screen reader: the variant's count out of the group's n, k articles, share. */
export function pointTitle(cell: TimeCell, variant: number, label: string, period: string): string {
  const interval = intervalText(cell, variant);
  return (
    `${label}, ${period}: ${cell.c[variant]} of ${countOf(cell.n, 'mention')} in ${countOf(cell.k, 'article')} ` +
    `(${pct(cellShare(cell, variant) ?? 0)}%)${interval ? `, 95% ${interval}` : ', too few mentions to read'}`
  );
}

/** What an attention bar says: the rate, and the mentions, tokens and articles it comes from. */
export function rateTitle(cell: TimeCell, group: string, period: string): string {
  return (
    `${period}: ${cell.r === null ? '—' : cell.r.toFixed(2)} ${group} mentions per 1,000 tokens ` +
    `(${cell.n} in ${cell.t} tokens, ${countOf(cell.a, 'article')})`
  );
}

/**
 * The chart's CSV rows: one per period with mentions and variant, in the field names of /api/timeseries; the interval
 * is empty where the chart draws none (fewer than SPARSE_N mentions).
 */
export function timeSeriesCsv(d: TimeSeriesData, periods: readonly string[], variants: readonly string[]): CsvRow[] {
  return d.cells
    .filter((c) => c.n > 0)
    .flatMap((c) =>
      variants.map((variant, vi) => ({
        outlet: d.outlet,
        period: periods[c.i],
        variant,
        count: c.c[vi],
        groupTotal: c.n,
        groupArticles: c.k,
        share: cellShare(c, vi),
        shareLow: c.lo ? c.lo[vi] : null,
        shareHigh: c.hi ? c.hi[vi] : null,
        articles: c.a,
        tokens: c.t,
        per1k: c.r,
      })),
    );
}

/** One line on what a series holds: its mentions and articles, the periods with mentions, and the most used variant. */
export function timeSeriesTakeaway(d: TimeSeriesData, labels: readonly string[], group: string, bin: string): string {
  const withMentions = d.cells.filter((c) => c.n > 0);
  const n = withMentions.reduce((s, c) => s + c.n, 0);
  if (!n) return `No ${group} mentions in any ${bin}.`;
  const k = withMentions.reduce((s, c) => s + c.k, 0);
  const totals = labels.map((_, vi) => withMentions.reduce((s, c) => s + c.c[vi], 0));
  const top = totals.indexOf(Math.max(...totals));
  const changes = d.changes.length ? `; the most used variant changes ${countOf(d.changes.length, 'time')}` : '';
  return (
    `${countOf(n, `${group} mention`)} in ${countOf(k, 'article')} over ${countOf(withMentions.length, bin)}; ` +
    `most used overall: "${labels[top]}" (${totals[top]}, ${pct(totals[top] / n)}%)${changes}.`
  );
}
