// The SQL of the time cells' relational tables (lib/store/pgCells.ts says what they hold and why): one function per
// operation, as lib/store/pgQueries.ts holds the rest of the backend's SQL.
import type { Bin } from '../time/bin';
import type { CellRows } from './pgCells';
import type { Queryable } from './pgQueries';

/**
 * The tables, created by migrate() (lib/store/pgQueries.ts) with the others. A set is one stored time-cells file (its
 * store path, as framescope_files names it): its rows go when the file is written again or pruned (ON DELETE CASCADE).
 */
export const TIME_CELL_TABLES = [
  `CREATE TABLE IF NOT EXISTS framescope_time_sets (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     corpus text NOT NULL,
     path text NOT NULL UNIQUE,
     groups jsonb NOT NULL
   )`,
  // One row per cell (outlet x day): its dated articles and tokens per voice x scope option (CELL_VIEWS order).
  `CREATE TABLE IF NOT EXISTS framescope_time_cells (
     set_id integer NOT NULL REFERENCES framescope_time_sets (id) ON DELETE CASCADE,
     cell integer NOT NULL,
     outlet text NOT NULL,
     day date NOT NULL,
     articles integer NOT NULL,
     tokens bigint[] NOT NULL,
     PRIMARY KEY (set_id, cell)
   )`,
  // Per option x group x cell where the group is mentioned: the articles mentioning it.
  `CREATE TABLE IF NOT EXISTS framescope_time_group_cells (
     set_id integer NOT NULL REFERENCES framescope_time_sets (id) ON DELETE CASCADE,
     view smallint NOT NULL,
     grp smallint NOT NULL,
     cell integer NOT NULL,
     articles integer NOT NULL,
     PRIMARY KEY (set_id, view, grp, cell)
   )`,
  // Per option x group x cell x variant counted: the variant's mentions.
  `CREATE TABLE IF NOT EXISTS framescope_time_counts (
     set_id integer NOT NULL REFERENCES framescope_time_sets (id) ON DELETE CASCADE,
     view smallint NOT NULL,
     grp smallint NOT NULL,
     cell integer NOT NULL,
     variant smallint NOT NULL,
     n bigint NOT NULL,
     PRIMARY KEY (set_id, view, grp, cell, variant)
   )`,
  // Per option x group x cell x variant pair i <= j: the sum over the cell's articles of y_i * y_j (the article-level
  // interval reads it; the matrix is symmetric, so j < i is not stored).
  `CREATE TABLE IF NOT EXISTS framescope_time_products (
     set_id integer NOT NULL REFERENCES framescope_time_sets (id) ON DELETE CASCADE,
     view smallint NOT NULL,
     grp smallint NOT NULL,
     cell integer NOT NULL,
     i smallint NOT NULL,
     j smallint NOT NULL,
     s bigint NOT NULL,
     PRIMARY KEY (set_id, view, grp, cell, i, j)
   )`,
];

// Rows per INSERT: each column is one array parameter, so a statement stays a few MB at most.
const CHUNK = 20_000;

/** Inserts column arrays `CHUNK` rows per statement ($1 the set's id, then one array parameter per column). */
export async function insertColumns(db: Queryable, sql: string, setId: number, columns: unknown[][]): Promise<void> {
  const n = columns[0].length;
  for (let at = 0; at < n; at += CHUNK) await db.query(sql, [setId, ...columns.map((c) => c.slice(at, at + CHUNK))]);
}

/**
 * Replaces the rows of the time cells stored at `path` (a store path) with `rows`: run in the transaction that stores
 * the file's bytes, so the file and its rows are committed together or not at all.
 */
export async function replaceTimeSet(db: Queryable, corpus: string, path: string, rows: CellRows): Promise<void> {
  await db.query(`DELETE FROM framescope_time_sets WHERE path = $1`, [path]);
  const { rows: made } = await db.query<{ id: number }>(
    `INSERT INTO framescope_time_sets (corpus, path, groups) VALUES ($1, $2, $3::jsonb) RETURNING id`,
    [corpus, path, JSON.stringify(rows.groups)],
  );
  const id = made[0].id;
  const c = rows.cells;
  await insertColumns(
    db,
    `INSERT INTO framescope_time_cells (set_id, cell, outlet, day, articles, tokens)
     SELECT $1, cell, outlet, day, articles, ARRAY[t0, t1, t2, t3]
     FROM unnest($2::integer[], $3::text[], $4::date[], $5::integer[], $6::bigint[], $7::bigint[], $8::bigint[],
                 $9::bigint[]) AS u(cell, outlet, day, articles, t0, t1, t2, t3)`,
    id,
    [c.cell, c.outlet, c.day, c.articles, ...c.tokens],
  );
  const g = rows.groupCells;
  await insertColumns(
    db,
    `INSERT INTO framescope_time_group_cells (set_id, view, grp, cell, articles)
     SELECT $1, * FROM unnest($2::smallint[], $3::smallint[], $4::integer[], $5::integer[])`,
    id,
    [g.view, g.grp, g.cell, g.articles],
  );
  const n = rows.counts;
  await insertColumns(
    db,
    `INSERT INTO framescope_time_counts (set_id, view, grp, cell, variant, n)
     SELECT $1, * FROM unnest($2::smallint[], $3::smallint[], $4::integer[], $5::smallint[], $6::bigint[])`,
    id,
    [n.view, n.grp, n.cell, n.variant, n.n],
  );
  const p = rows.products;
  await insertColumns(
    db,
    `INSERT INTO framescope_time_products (set_id, view, grp, cell, i, j, s)
     SELECT $1, * FROM unnest($2::smallint[], $3::smallint[], $4::integer[], $5::smallint[], $6::smallint[],
                              $7::bigint[])`,
    id,
    [p.view, p.grp, p.cell, p.i, p.j, p.s],
  );
}

/** Removes the rows of the time cells stored at any of `paths` (run in the prune's transaction, beside their files). */
export async function removeTimeSets(db: Queryable, paths: readonly string[]): Promise<number> {
  if (paths.length === 0) return 0;
  const { rows } = await db.query(`DELETE FROM framescope_time_sets WHERE path = ANY($1::text[]) RETURNING 1`, [paths]);
  return rows.length;
}

/** A set's id and term groups, with the first and last day with articles in a date range (null when it has none). */
export interface TimeSetSpan {
  id: number;
  groups: { id: string; variants: string[] }[];
  first: string | null;
  last: string | null;
}

/** The set stored at `path` with its span in a date range (undated articles are in no cell), or null when not stored. */
export async function timeSetSpan(
  db: Queryable,
  path: string,
  range: { from: string | null; to: string | null },
): Promise<TimeSetSpan | null> {
  const { rows } = await db.query<TimeSetSpan>(
    `SELECT s.id, s.groups, to_char(MIN(c.day), 'YYYY-MM-DD') AS first, to_char(MAX(c.day), 'YYYY-MM-DD') AS last
     FROM framescope_time_sets s
     LEFT JOIN framescope_time_cells c ON c.set_id = s.id
       AND ($2::date IS NULL OR c.day >= $2::date) AND ($3::date IS NULL OR c.day <= $3::date)
     WHERE s.path = $1 GROUP BY s.id, s.groups`,
    [path, range.from, range.to],
  );
  return rows[0] ?? null;
}

/** What a series sums, asked of SQL: the set, option, group, date range, bin and each entity's member outlets. */
export interface TimeSumsRequest {
  setId: number;
  view: number;
  group: number;
  from: string | null;
  to: string | null;
  bin: Bin;
  entities: { id: string; members: Iterable<string> }[];
}

/**
 * One summed row: kind 0 = the entity's articles (x) and tokens (y) in the period starting `start`; 1 = articles
 * mentioning the group (x); 2 = variant i's mentions (x); 3 = the product sum of variants i <= j (x).
 */
export interface TimeSumRow {
  kind: 0 | 1 | 2 | 3;
  entity: string;
  start: string;
  i: number;
  j: number;
  x: number;
  y: number;
}

/**
 * The sums a time series is made of, per entity and period, summed by PostgreSQL (SUM ... GROUP BY over the cells of
 * the range, each cell counted once per entity its outlet belongs to). Periods are named by their first day
 * (date_trunc: ISO weeks start on Monday, as lib/time/bin.ts's do).
 */
export async function timeSums(db: Queryable, r: TimeSumsRequest): Promise<TimeSumRow[]> {
  // Entities by their place in the list and periods by their first day's number since 1970: the grouping keys stay
  // narrow integers, so PostgreSQL aggregates in memory (text keys made it sort on disk), and names come back in JS.
  const pairs = r.entities.flatMap((e, at) => [...e.members].map((o) => [at, o] as const));
  const { rows } = await db.query<{
    kind: 0 | 1 | 2 | 3;
    e: number;
    d: number;
    i: number;
    j: number;
    x: number;
    y: number;
  }>(
    `WITH m AS (SELECT * FROM unnest($2::integer[], $3::text[]) AS m(e, outlet)),
     c AS (
       SELECT c.cell, m.e, date_trunc($4, c.day::timestamp)::date - DATE '1970-01-01' AS d, c.articles,
              c.tokens[$5::integer + 1] AS tokens
       FROM framescope_time_cells c JOIN m ON m.outlet = c.outlet
       WHERE c.set_id = $1 AND ($6::date IS NULL OR c.day >= $6::date) AND ($7::date IS NULL OR c.day <= $7::date)
     )
     SELECT 0 AS kind, e, d, 0 AS i, 0 AS j, SUM(articles)::float8 AS x, SUM(tokens)::float8 AS y
       FROM c GROUP BY e, d
     UNION ALL
     SELECT 1, c.e, c.d, 0, 0, SUM(g.articles)::float8, 0
       FROM framescope_time_group_cells g JOIN c ON c.cell = g.cell
       WHERE g.set_id = $1 AND g.view = $5 AND g.grp = $8 GROUP BY c.e, c.d
     UNION ALL
     SELECT 2, c.e, c.d, n.variant, 0, SUM(n.n)::float8, 0
       FROM framescope_time_counts n JOIN c ON c.cell = n.cell
       WHERE n.set_id = $1 AND n.view = $5 AND n.grp = $8 GROUP BY c.e, c.d, n.variant
     UNION ALL
     SELECT 3, c.e, c.d, p.i, p.j, SUM(p.s)::float8, 0
       FROM framescope_time_products p JOIN c ON c.cell = p.cell
       WHERE p.set_id = $1 AND p.view = $5 AND p.grp = $8 GROUP BY c.e, c.d, p.i, p.j`,
    [r.setId, pairs.map((p) => p[0]), pairs.map((p) => p[1]), r.bin, r.view, r.from, r.to, r.group],
  );
  const days = new Map<number, string>();
  const dayOf = (d: number) => {
    let s = days.get(d);
    if (s === undefined) days.set(d, (s = new Date(d * 86_400_000).toISOString().slice(0, 10)));
    return s;
  };
  return rows.map(({ kind, e, d, i, j, x, y }) => ({ kind, entity: r.entities[e].id, start: dayOf(d), i, j, x, y }));
}

/** Bytes of the time cells' tables with their indexes (what the README's per-article figure divides). */
export function timeTableBytes(db: Queryable): Promise<TableSize[]> {
  return tableSizes(db, [
    'framescope_time_sets',
    'framescope_time_cells',
    'framescope_time_group_cells',
    'framescope_time_counts',
    'framescope_time_products',
  ]);
}

/** A table's rows and bytes on disk with its indexes. */
export interface TableSize {
  table: string;
  rows: number;
  bytes: number;
}

/** The rows and bytes (pg_total_relation_size) of each of these tables, for the benches and tests that report them. */
export async function tableSizes(db: Queryable, tables: readonly string[]): Promise<TableSize[]> {
  const out: TableSize[] = [];
  for (const table of tables) {
    const { rows } = await db.query<{ rows: string; bytes: string }>(
      `SELECT (SELECT COUNT(*) FROM ${table}) AS rows, pg_total_relation_size('${table}') AS bytes`,
    );
    out.push({ table, rows: Number(rows[0].rows), bytes: Number(rows[0].bytes) });
  }
  return out;
}
