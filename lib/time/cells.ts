import type { ArticleAnalysis } from '../analysis/article';
import { counted, dateKept, inScope, voiceTokens, type DateRange, type Filters } from '../analysis/filters';
import { periodOf, periodsBetween, type Period } from './bin';
import { periodCell, seriesRows, type PeriodCell, type SeriesRequest, type TimeRow } from './series';

/**
 * The voice x scope options a series can be asked in, in the order their sums are stored (a provenance option other
 * than all text is not stored: it reads each sentence's provenance, so such a series is made from the analyses).
 */
export const CELL_VIEWS: readonly Pick<Filters, 'voice' | 'scope'>[] = [
  { voice: 'all', scope: 'all' },
  { voice: 'all', scope: 'body' },
  { voice: 'own', scope: 'all' },
  { voice: 'own', scope: 'body' },
];

/** Where a voice x scope option's sums are in CELL_VIEWS. */
export function cellView(f: Pick<Filters, 'voice' | 'scope'>): number {
  return (f.voice === 'own' ? 2 : 0) + (f.scope === 'body' ? 1 : 0);
}

/** Whole numbers as the cells hold them: made as float64, read back as uint32 when every one fits (lib/store/timeCells.ts). */
export type CellNumbers = Float64Array | Uint32Array;

/**
 * A corpus version's time series sums per outlet and day (a cell: one outlet's dated articles of one day), for every
 * voice x scope option and term group: everything lib/time/series.ts sums is additive over articles, so any bin, date
 * range and outlet group is a sum of cells. Undated articles are in no cell (a series cannot place them).
 */
export interface TimeCells {
  /** Each term group with its variants, in the order a record's variant indices refer to. */
  groups: { id: string; variants: string[] }[];
  /** Outlet ids (sorted), which cellOutlet refers to. */
  outlets: string[];
  /** The days with dated articles (sorted ISO dates), which cellDay refers to. */
  days: string[];
  /** Per cell (ordered by day, then outlet): its outlet, day and article count. */
  cellOutlet: CellNumbers;
  cellDay: CellNumbers;
  cellArticles: CellNumbers;
  /** Tokens per cell and option: tokens[cell * CELL_VIEWS.length + cellView(option)]. */
  tokens: CellNumbers;
  /**
   * Where the records of option v and group g start in `records`: starts[v * groups.length + g] (one entry more at the
   * end). A record is one cell where the group is mentioned: cell, articles mentioning the group, how many variants
   * are counted, then (variant, count) pairs, how many product sums are not zero, then (i * k + j, sum of y_i * y_j)
   * pairs for i <= j (the matrix is symmetric).
   */
  starts: CellNumbers;
  records: CellNumbers;
}

/** One article as the cells read it: its analysis (outlet, mentions, tokens) and date. */
export interface DatedAnalysis {
  analysis: Pick<ArticleAnalysis, 'outlet' | 'mentions' | 'tokens'>;
  date: string | null;
}

interface Acc {
  groupArticles: number;
  counts: number[];
  products: number[];
}

/** Makes a version's time cells from its articles' analyses and dates, for the lexicon's term groups. */
export function makeTimeCells(
  articles: readonly DatedAnalysis[],
  groups: readonly { id: string; variants: readonly string[] }[],
): TimeCells {
  const dated = articles.filter((a): a is DatedAnalysis & { date: string } => a.date !== null);
  const days = [...new Set(dated.map((a) => a.date))].sort();
  const outlets = [...new Set(dated.map((a) => a.analysis.outlet))].sort();
  const dayAt = new Map(days.map((d, i) => [d, i]));
  const outletAt = new Map(outlets.map((o, i) => [o, i]));
  const slot = (a: DatedAnalysis & { date: string }) =>
    dayAt.get(a.date)! * outlets.length + outletAt.get(a.analysis.outlet)!;
  const slots = [...new Set(dated.map(slot))].sort((x, y) => x - y);
  const cellAt = new Map(slots.map((s, i) => [s, i]));
  const V = CELL_VIEWS.length;
  const cellArticles = new Float64Array(slots.length);
  const tokens = new Float64Array(slots.length * V);
  const groupAt = new Map(groups.map((g, i) => [g.id, i]));
  const variantAt = groups.map((g) => new Map(g.variants.map((v, i) => [v, i])));
  // Per option and group, the sums of each cell where the group is mentioned.
  const accs = Array.from({ length: V * groups.length }, () => new Map<number, Acc>());
  for (const a of dated) {
    const c = cellAt.get(slot(a))!;
    cellArticles[c]++;
    CELL_VIEWS.forEach((view, v) => {
      for (const [section, t] of Object.entries(a.analysis.tokens))
        if (inScope(section, view)) tokens[c * V + v] += voiceTokens(t, view);
      const ys = groups.map((g) => new Array<number>(g.variants.length).fill(0));
      for (const m of a.analysis.mentions) {
        // Set-aside mentions are not counted in their group (as in the export's counts and lib/time/series.ts).
        if (m.setAside || !counted(m, view)) continue;
        const g = groupAt.get(m.group);
        const i = g === undefined ? undefined : variantAt[g].get(m.variant);
        if (i !== undefined) ys[g!][i]++;
      }
      ys.forEach((y, g) => {
        if (!y.some((x) => x > 0)) return;
        const k = y.length;
        const m = accs[v * groups.length + g];
        let acc = m.get(c);
        if (!acc)
          m.set(c, (acc = { groupArticles: 0, counts: new Array(k).fill(0), products: new Array(k * k).fill(0) }));
        acc.groupArticles++;
        for (let i = 0; i < k; i++) {
          acc.counts[i] += y[i];
          if (y[i]) for (let j = i; j < k; j++) acc.products[i * k + j] += y[i] * y[j];
        }
      });
    });
  }
  const records: number[] = [];
  const starts = new Float64Array(accs.length + 1);
  accs.forEach((m, at) => {
    starts[at] = records.length;
    for (const c of [...m.keys()].sort((x, y) => x - y)) {
      const acc = m.get(c)!;
      const nz = (xs: number[]) => xs.flatMap((x, i) => (x ? [i, x] : []));
      const counts = nz(acc.counts);
      const products = nz(acc.products);
      records.push(c, acc.groupArticles, counts.length / 2, ...counts, products.length / 2, ...products);
    }
  });
  starts[accs.length] = records.length;
  return {
    groups: groups.map((g) => ({ id: g.id, variants: [...g.variants] })),
    outlets,
    days,
    cellOutlet: Float64Array.from(slots, (s) => s % outlets.length),
    cellDay: Float64Array.from(slots, (s) => Math.floor(s / outlets.length)),
    cellArticles,
    tokens,
    starts,
    records: Float64Array.from(records),
  };
}

/** The first and last day with articles in a date range (undated articles are in no cell), or null when none. */
export function cellSpan(cells: TimeCells, range: DateRange): { first: string; last: string } | null {
  const kept = cells.days.filter((d) => dateKept(d, range));
  return kept.length ? { first: kept[0], last: kept[kept.length - 1] } : null;
}

/**
 * The series lib/time/series.ts timeSeries makes from the articles dated in `range`, summed from the cells instead:
 * the same periods and rows. Null when the cells cannot answer it: a group they do not hold, or other variants than
 * theirs (a series of another lexicon).
 */
export function cellSeries(
  cells: TimeCells,
  r: SeriesRequest & { range: DateRange },
): { periods: Period[]; rows: TimeRow[] } | null {
  const g = cells.groups.findIndex((x) => x.id === r.group);
  if (g < 0 || cells.groups[g].variants.join('\u0000') !== r.variants.join('\u0000')) return null;
  const span = cellSpan(cells, r.range);
  if (!span) return { periods: [], rows: [] };
  const periods = periodsBetween(span.first, span.last, r.bin);
  const k = r.variants.length;
  const v = cellView(r.filters);
  // Per day: its period, or null when the range leaves it out; per outlet: the entities it belongs to.
  const periodOfDay = cells.days.map((d) => (dateKept(d, r.range) ? periodOf(d, r.bin).id : null));
  const holders = cells.outlets.map((o) => r.entities.filter((e) => e.members.has(o)).map((e) => e.id));
  const sums = new Map<string, PeriodCell>();
  const V = CELL_VIEWS.length;
  for (let c = 0; c < cells.cellArticles.length; c++) {
    const period = periodOfDay[cells.cellDay[c]];
    if (period === null) continue;
    for (const e of holders[cells.cellOutlet[c]]) {
      const s = periodCell(sums, e, period, k);
      s.articles += cells.cellArticles[c];
      s.tokens += cells.tokens[c * V + v];
    }
  }
  const at = v * cells.groups.length + g;
  const rec = cells.records;
  for (let i = cells.starts[at]; i < cells.starts[at + 1];) {
    const c = rec[i];
    const groupArticles = rec[i + 1];
    const nCounts = rec[i + 2];
    const countsAt = i + 3;
    const nProducts = rec[countsAt + 2 * nCounts];
    const productsAt = countsAt + 2 * nCounts + 1;
    i = productsAt + 2 * nProducts;
    const period = periodOfDay[cells.cellDay[c]];
    if (period === null) continue;
    for (const e of holders[cells.cellOutlet[c]]) {
      const s = periodCell(sums, e, period, k);
      s.groupArticles += groupArticles;
      for (let j = 0; j < nCounts; j++) s.counts[rec[countsAt + 2 * j]] += rec[countsAt + 2 * j + 1];
      for (let j = 0; j < nProducts; j++) {
        const ij = rec[productsAt + 2 * j];
        const x = rec[productsAt + 2 * j + 1];
        const a = Math.floor(ij / k);
        const b = ij % k;
        s.products[a][b] += x;
        if (a !== b) s.products[b][a] += x;
      }
    }
  }
  return { periods, rows: seriesRows(sums, periods, r) };
}
