// The SQL of the tallies' relational tables (lib/store/pgTallies.ts says what they hold and why): one function per
// operation, as lib/store/pgQueries.ts holds the rest of the backend's SQL.
import { insertColumns, tableSizes, type TableSize } from './pgCellsQueries';
import type { Queryable } from './pgQueries';
import type { TallyBlock, TallyRows, TallySumRow } from './pgTallies';

/**
 * The tables, created by migrate() (lib/store/pgQueries.ts) with the others. A set is one stored tallies file (its
 * store path, as framescope_files names it): its rows go when the file is written again or pruned (ON DELETE CASCADE).
 */
export const TALLY_TABLES = [
  `CREATE TABLE IF NOT EXISTS framescope_tally_sets (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     corpus text NOT NULL,
     path text NOT NULL UNIQUE,
     keys jsonb NOT NULL,
     outlets jsonb NOT NULL,
     blocks jsonb NOT NULL
   )`,
  // Per block (0 the whole text, then each year and its months) x outlet: one number of its tally (ROW in
  // lib/store/pgTallies.ts says what kind, a, b, c, d mean) and the places oa, ob that rebuild the maps' order.
  `CREATE TABLE IF NOT EXISTS framescope_tally_rows (
     set_id integer NOT NULL REFERENCES framescope_tally_sets (id) ON DELETE CASCADE,
     block smallint NOT NULL,
     outlet smallint NOT NULL,
     kind smallint NOT NULL,
     a integer NOT NULL,
     b integer NOT NULL,
     c smallint NOT NULL,
     d smallint NOT NULL,
     oa integer NOT NULL,
     ob integer NOT NULL,
     n bigint NOT NULL,
     PRIMARY KEY (set_id, block, outlet, kind, a, b, c, d)
   )`,
];

/**
 * Replaces the rows of the tallies stored at `path` (a store path) with `rows`: run in the transaction that stores the
 * file's bytes, so the file and its rows are committed together or not at all.
 */
export async function replaceTallySet(db: Queryable, corpus: string, path: string, rows: TallyRows): Promise<void> {
  await db.query(`DELETE FROM framescope_tally_sets WHERE path = $1`, [path]);
  const { rows: made } = await db.query<{ id: number }>(
    `INSERT INTO framescope_tally_sets (corpus, path, keys, outlets, blocks)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb) RETURNING id`,
    [corpus, path, JSON.stringify(rows.keys), JSON.stringify(rows.outlets), JSON.stringify(rows.blocks)],
  );
  const c = rows.columns;
  await insertColumns(
    db,
    `INSERT INTO framescope_tally_rows (set_id, block, outlet, kind, a, b, c, d, oa, ob, n)
     SELECT $1, * FROM unnest($2::smallint[], $3::smallint[], $4::smallint[], $5::integer[], $6::integer[],
                              $7::smallint[], $8::smallint[], $9::integer[], $10::integer[], $11::bigint[])`,
    made[0].id,
    [c.block, c.outlet, c.kind, c.a, c.b, c.c, c.d, c.oa, c.ob, c.n],
  );
}

/** Removes the rows of the tallies stored at any of `paths` (run in the prune's transaction, beside their files). */
export async function removeTallySets(db: Queryable, paths: readonly string[]): Promise<number> {
  if (paths.length === 0) return 0;
  const { rows } = await db.query(`DELETE FROM framescope_tally_sets WHERE path = ANY($1::text[]) RETURNING 1`, [
    paths,
  ]);
  return rows.length;
}

/** A stored tallies set: its id, key dictionary, outlets and blocks (rows name them by place). */
export interface TallySet {
  id: number;
  keys: string[];
  outlets: string[];
  blocks: TallyBlock[];
}

/** The tallies set stored at `path`, or null when none is. */
export async function tallySet(db: Queryable, path: string): Promise<TallySet | null> {
  const { rows } = await db.query<TallySet>(
    `SELECT id, keys, outlets, blocks FROM framescope_tally_sets WHERE path = $1`,
    [path],
  );
  return rows[0] ?? null;
}

/**
 * The sums over `blocks` of a set's rows, per outlet and number (SUM ... GROUP BY), with each number's least place
 * counted from its block (block x 2^32 + place: the first block holding it comes first), for one cluster view (`view`,
 * CLUSTER_VIEWS' index): the other views' rows (kinds from `clusterKinds` on, whose c is a view) are not read.
 */
export async function tallySums(
  db: Queryable,
  r: { setId: number; blocks: readonly number[]; view: number; clusterKinds: number },
): Promise<TallySumRow[]> {
  const { rows } = await db.query<TallySumRow>(
    `SELECT outlet, kind, a, b, c, d, SUM(n)::float8 AS n,
            MIN((block::bigint << 32) + oa)::float8 AS oa, MIN((block::bigint << 32) + ob)::float8 AS ob
     FROM framescope_tally_rows
     WHERE set_id = $1 AND block = ANY($2::smallint[]) AND (kind < $4 OR c = $3)
     GROUP BY outlet, kind, a, b, c, d`,
    [r.setId, r.blocks, r.view, r.clusterKinds],
  );
  return rows;
}

/** Rows and bytes of the tallies' tables with their indexes (what the bench's per-article figure divides). */
export function tallyTableBytes(db: Queryable): Promise<TableSize[]> {
  return tableSizes(db, ['framescope_tally_sets', 'framescope_tally_rows']);
}
