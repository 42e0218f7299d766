// A version's time cells (lib/time/cells.ts) as relational rows in PostgreSQL, so a PostgreSQL-backed server's time
// series is summed by the database (SUM ... GROUP BY) instead of every server reading the cells into its memory. The
// files backend, and any series the rows cannot answer, keep cellSeries (lib/time/cells.ts): the test compares both.
import type { DateRange } from '../analysis/filters';
import { periodOf, periodsBetween, type Bin, type Period } from '../time/bin';
import { CELL_VIEWS, cellView, type TimeCells } from '../time/cells';
import { periodCell, seriesRows, type PeriodCell, type SeriesRequest, type TimeRow } from '../time/series';
import { replaceTimeSet, timeSetSpan, timeSums, type TimeSumRow } from './pgCellsQueries';
import type { Queryable } from './pgQueries';
import { derivedParts } from './retention';
import { decodeTimeCells, TIME_CELLS } from './timeCells';

/** A version's time cells as the columns of the rows the tables hold (lib/store/pgCellsQueries.ts). */
export interface CellRows {
  groups: { id: string; variants: string[] }[];
  cells: { cell: number[]; outlet: string[]; day: string[]; articles: number[]; tokens: number[][] };
  groupCells: { view: number[]; grp: number[]; cell: number[]; articles: number[] };
  counts: { view: number[]; grp: number[]; cell: number[]; variant: number[]; n: number[] };
  products: { view: number[]; grp: number[]; cell: number[]; i: number[]; j: number[]; s: number[] };
}

/** The rows of a version's time cells: one per cell, and per option x group x cell its articles, counts, products. */
export function cellRows(t: TimeCells): CellRows {
  const V = CELL_VIEWS.length;
  const n = t.cellArticles.length;
  const cells: CellRows['cells'] = { cell: [], outlet: [], day: [], articles: [], tokens: CELL_VIEWS.map(() => []) };
  for (let c = 0; c < n; c++) {
    cells.cell.push(c);
    cells.outlet.push(t.outlets[t.cellOutlet[c]]);
    cells.day.push(t.days[t.cellDay[c]]);
    cells.articles.push(t.cellArticles[c]);
    for (let v = 0; v < V; v++) cells.tokens[v].push(t.tokens[c * V + v]);
  }
  const groupCells: CellRows['groupCells'] = { view: [], grp: [], cell: [], articles: [] };
  const counts: CellRows['counts'] = { view: [], grp: [], cell: [], variant: [], n: [] };
  const products: CellRows['products'] = { view: [], grp: [], cell: [], i: [], j: [], s: [] };
  const G = t.groups.length;
  const rec = t.records;
  // The record layout is TimeCells.records': cell, group articles, counts (variant, n), products (i * k + j, sum).
  for (let at = 0; at < V * G; at++) {
    const view = Math.floor(at / G);
    const grp = at % G;
    const k = t.groups[grp].variants.length;
    for (let i = t.starts[at]; i < t.starts[at + 1];) {
      const cell = rec[i];
      groupCells.view.push(view);
      groupCells.grp.push(grp);
      groupCells.cell.push(cell);
      groupCells.articles.push(rec[i + 1]);
      const nCounts = rec[i + 2];
      for (let x = 0; x < nCounts; x++) {
        counts.view.push(view);
        counts.grp.push(grp);
        counts.cell.push(cell);
        counts.variant.push(rec[i + 3 + 2 * x]);
        counts.n.push(rec[i + 4 + 2 * x]);
      }
      const productsAt = i + 3 + 2 * nCounts;
      const nProducts = rec[productsAt];
      for (let x = 0; x < nProducts; x++) {
        const ij = rec[productsAt + 1 + 2 * x];
        products.view.push(view);
        products.grp.push(grp);
        products.cell.push(cell);
        products.i.push(Math.floor(ij / k));
        products.j.push(ij % k);
        products.s.push(rec[productsAt + 2 + 2 * x]);
      }
      i = productsAt + 1 + 2 * nProducts;
    }
  }
  return {
    groups: t.groups.map((g) => ({ id: g.id, variants: [...g.variants] })),
    cells,
    groupCells,
    counts,
    products,
  };
}

/**
 * Writes the rows of a store file that is a version's time cells (by its name; the path as framescope_files names it),
 * inside the caller's transaction beside the file's row; true when it was time cells. Bytes that are not time cells of
 * this format get no rows (the JS path reads them as none too).
 */
export async function storeCellRows(db: Queryable, corpus: string, rel: string, bytes: Uint8Array): Promise<boolean> {
  if (derivedParts(rel.slice(rel.lastIndexOf('/') + 1))?.kind !== TIME_CELLS) return false;
  const cells = decodeTimeCells(bytes);
  if (cells) await replaceTimeSet(db, corpus, rel, cellRows(cells));
  return cells !== null;
}

/** The series rows made from SQL's sums per entity and period (timeSums), as cellSeries makes them from the cells. */
export function seriesOfSums(
  sums: readonly TimeSumRow[],
  periods: readonly Period[],
  bin: Bin,
  r: Pick<SeriesRequest, 'variants' | 'entities'>,
): TimeRow[] {
  const k = r.variants.length;
  const cells = new Map<string, PeriodCell>();
  for (const s of sums) {
    const c = periodCell(cells, s.entity, periodOf(s.start, bin).id, k);
    if (s.kind === 0) {
      c.articles += s.x;
      c.tokens += s.y;
    } else if (s.kind === 1) c.groupArticles += s.x;
    else if (s.kind === 2) c.counts[s.i] += s.x;
    else {
      c.products[s.i][s.j] += s.x;
      if (s.i !== s.j) c.products[s.j][s.i] += s.x;
    }
  }
  return seriesRows(cells, periods, r);
}

/**
 * The series of the time cells stored at `path` (their store path), summed by PostgreSQL: the same periods and rows
 * as cellSeries of those cells. `binOf` picks the bin from the range's first and last day (for `auto`). Null when the
 * database holds no rows for that path, or not this group with exactly these variants (then cellSeries or the
 * analyses answer).
 */
export async function sqlCellSeries(
  db: Queryable,
  path: string,
  r: Omit<SeriesRequest, 'bin'> & { range: DateRange },
  binOf: (first: string | undefined, last: string | undefined) => Bin,
): Promise<{ bin: Bin; periods: Period[]; rows: TimeRow[] } | null> {
  const set = await timeSetSpan(db, path, r.range);
  if (!set) return null;
  const g = set.groups.findIndex((x) => x.id === r.group);
  const held = set.groups[g]?.variants;
  if (!held || held.length !== r.variants.length || !held.every((v, i) => v === r.variants[i])) return null;
  const bin = binOf(set.first ?? undefined, set.last ?? undefined);
  if (set.first === null || set.last === null) return { bin, periods: [], rows: [] };
  const periods = periodsBetween(set.first, set.last, bin);
  const sums = await timeSums(db, {
    setId: set.id,
    view: cellView(r.filters),
    group: g,
    from: r.range.from,
    to: r.range.to,
    bin,
    entities: r.entities,
  });
  return { bin, periods, rows: seriesOfSums(sums, periods, bin, r) };
}
