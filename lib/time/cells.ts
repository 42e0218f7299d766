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

// A growing list of numbers in a typed array: a version's records are millions of numbers at 100,000 articles.
class Numbers {
  private a = new Float64Array(1024);
  length = 0;
  private room(n: number): void {
    if (this.length + n <= this.a.length) return;
    const next = new Float64Array(Math.max(this.a.length * 2, this.length + n));
    next.set(this.a.subarray(0, this.length));
    this.a = next;
  }
  push(...xs: number[]): void {
    this.room(xs.length);
    for (const x of xs) this.a[this.length++] = x;
  }
  append(b: Numbers): void {
    this.room(b.length);
    this.a.set(b.a.subarray(0, b.length), this.length);
    this.length += b.length;
  }
  done(): Float64Array {
    return this.a.slice(0, this.length);
  }
}

/** Where each term group and each of its variants is in a list of groups (what viewSums counts into). */
export interface GroupCounting {
  groups: readonly { id: string; variants: readonly string[] }[];
  groupAt: Map<string, number>;
  variantAt: Map<string, number>[];
}

/** The positions of a list of term groups and their variants. */
export function groupCounting(groups: readonly { id: string; variants: readonly string[] }[]): GroupCounting {
  return {
    groups,
    groupAt: new Map(groups.map((g, i) => [g.id, i])),
    variantAt: groups.map((g) => new Map(g.variants.map((v, i) => [v, i]))),
  };
}

/**
 * One article's tokens and each group's mentions per variant under one cell view. Set-aside mentions are not counted in
 * their group (as in the export's counts and lib/time/series.ts).
 */
export function viewSums(
  a: Pick<ArticleAnalysis, 'tokens' | 'mentions'>,
  view: Pick<Filters, 'voice' | 'scope'>,
  { groups, groupAt, variantAt }: GroupCounting,
): { tokens: number; ys: number[][] } {
  let tokens = 0;
  for (const [section, t] of Object.entries(a.tokens)) if (inScope(section, view)) tokens += voiceTokens(t, view);
  const ys = groups.map((g) => new Array<number>(g.variants.length).fill(0));
  for (const m of a.mentions) {
    if (m.setAside || !counted(m, view)) continue;
    const g = groupAt.get(m.group);
    const i = g === undefined ? undefined : variantAt[g].get(m.variant);
    if (i !== undefined) ys[g!][i]++;
  }
  return { tokens, ys };
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
  // Articles in cell order (day, then outlet), so only one cell's sums are held at a time.
  const slotted = dated
    .map((a) => ({ a, slot: dayAt.get(a.date)! * outlets.length + outletAt.get(a.analysis.outlet)! }))
    .sort((x, y) => x.slot - y.slot);
  const slots = [...new Set(slotted.map((x) => x.slot))];
  const V = CELL_VIEWS.length;
  const cellArticles = new Float64Array(slots.length);
  const tokens = new Float64Array(slots.length * V);
  const counting = groupCounting(groups);
  // Per option and group, its records in cell order; for the cell being summed, its sums.
  const records = Array.from({ length: V * groups.length }, () => new Numbers());
  const sums = Array.from({ length: V * groups.length }, (_, at) => {
    const k = groups[at % groups.length].variants.length;
    return { groupArticles: 0, counts: new Array<number>(k).fill(0), products: new Array<number>(k * k).fill(0) };
  });
  const flush = (c: number) =>
    sums.forEach((sum, at) => {
      if (sum.groupArticles === 0) return;
      const nz = (xs: number[]) => xs.flatMap((x, i) => (x ? [i, x] : []));
      const counts = nz(sum.counts);
      const products = nz(sum.products);
      records[at].push(c, sum.groupArticles, counts.length / 2, ...counts, products.length / 2, ...products);
      sum.groupArticles = 0;
      sum.counts.fill(0);
      sum.products.fill(0);
    });
  let c = -1;
  for (let n = 0; n < slotted.length; n++) {
    const { a, slot } = slotted[n];
    if (c < 0 || slots[c] !== slot) {
      if (c >= 0) flush(c);
      c++;
    }
    cellArticles[c]++;
    CELL_VIEWS.forEach((view, v) => {
      const { tokens: t, ys } = viewSums(a.analysis, view, counting);
      tokens[c * V + v] += t;
      ys.forEach((y, g) => {
        if (!y.some((x) => x > 0)) return;
        const k = y.length;
        const sum = sums[v * groups.length + g];
        sum.groupArticles++;
        for (let i = 0; i < k; i++) {
          sum.counts[i] += y[i];
          if (y[i]) for (let j = i; j < k; j++) sum.products[i * k + j] += y[i] * y[j];
        }
      });
    });
  }
  if (c >= 0) flush(c);
  const all = new Numbers();
  const starts = new Float64Array(records.length + 1);
  records.forEach((r, at) => {
    starts[at] = all.length;
    all.append(r);
  });
  starts[records.length] = all.length;
  return {
    groups: groups.map((g) => ({ id: g.id, variants: [...g.variants] })),
    outlets,
    days,
    cellOutlet: Float64Array.from(slots, (s) => s % outlets.length),
    cellDay: Float64Array.from(slots, (s) => Math.floor(s / outlets.length)),
    cellArticles,
    tokens,
    starts,
    records: all.done(),
  };
}

/** The first and last day with articles in a date range (undated articles are in no cell), or null when none. */
export function cellSpan(cells: TimeCells, range: DateRange): { first: string; last: string } | null {
  const kept = cells.days.filter((d) => dateKept(d, range));
  return kept.length ? { first: kept[0], last: kept[kept.length - 1] } : null;
}

/** Whether the cells hold a term group with exactly these variants (else its series is made from the analyses). */
export function cellsHold(cells: TimeCells, group: string, variants: readonly string[]): boolean {
  const held = cells.groups.find((x) => x.id === group)?.variants;
  return held !== undefined && held.length === variants.length && held.every((v, i) => v === variants[i]);
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
  if (!cellsHold(cells, r.group, r.variants)) return null;
  const g = cells.groups.findIndex((x) => x.id === r.group);
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
