// Every SQL statement of the PostgreSQL backend, one function per operation (the files backend answers the same
// operations with file-system calls in lib/store/files.ts and lib/corpus/*). Nothing else in the code writes SQL but
// lib/store/pgCellsQueries.ts and pgTalliesQueries.ts (the time cells' and tallies' tables, created here with the others).
import { createHash } from 'node:crypto';
import { TIME_CELL_TABLES } from './pgCellsQueries';
import { TALLY_TABLES } from './pgTalliesQueries';

/** What the queries need of a pg Pool or PoolClient. */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/** The schema this code reads and writes; a database at a newer version is refused rather than misread. */
export const SCHEMA_VERSION = 1;

/** The channel every instance LISTENs on; the payload is the newest change number. */
export const CHANNEL = 'framescope_changes';

// One advisory lock serialises writers, and it is taken before a change number is drawn, so transactions commit in
// change-number order: a reader that has seen number N can never later meet a committed change below N.
const WRITE_LOCK = 7_305_019;

/** Which tree a stored file belongs to: the corpora (corpus.json, articles, lexicons) or the analysis store. */
export type Area = 'corpus' | 'store';

/** One stored file: its tree, the corpus it belongs to ('' for the shared default lexicon), its path in the tree. */
export interface FileRow {
  area: Area;
  corpus: string;
  path: string;
  bytes: Uint8Array;
}

/** A change read back: the file and its change number. */
export interface ChangeRow extends FileRow {
  seq: number;
  sha: string;
}

/** The content hash stored beside each file, so a replica skips what it already holds. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const MIGRATION = [
  `CREATE TABLE IF NOT EXISTS framescope_meta (key text PRIMARY KEY, value text NOT NULL)`,
  `CREATE SEQUENCE IF NOT EXISTS framescope_change_seq`,
  // Every write is a new row (history kept): the current file is the row with the highest seq for its path, and any
  // corpus version can be rebuilt from the rows up to its seq.
  `CREATE TABLE IF NOT EXISTS framescope_files (
     area text NOT NULL CHECK (area IN ('corpus', 'store')),
     corpus text NOT NULL,
     path text NOT NULL,
     seq bigint NOT NULL,
     sha text NOT NULL,
     bytes bytea NOT NULL,
     written_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (area, path, seq)
   )`,
  `CREATE INDEX IF NOT EXISTS framescope_files_seq ON framescope_files (seq)`,
  `CREATE INDEX IF NOT EXISTS framescope_files_corpus ON framescope_files (corpus, area)`,
  `CREATE TABLE IF NOT EXISTS framescope_versions (
     corpus text NOT NULL,
     version text NOT NULL,
     seq bigint NOT NULL,
     recorded_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (corpus, version)
   )`,
  ...TIME_CELL_TABLES,
  ...TALLY_TABLES,
];

/**
 * Creates the tables when missing and records the schema version; safe to run from every instance at once (the
 * statements run under the write lock). Throws when the database was made by a newer schema.
 */
export async function migrate(db: Queryable): Promise<void> {
  await db.query('BEGIN');
  try {
    await db.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    for (const sql of MIGRATION) await db.query(sql);
    const { rows } = await db.query<{ value: string }>(`SELECT value FROM framescope_meta WHERE key = 'schema'`);
    const found = rows.length ? Number(rows[0].value) : null;
    if (found !== null && found > SCHEMA_VERSION)
      throw new Error(
        `the database holds Framescope schema ${found}, newer than this code's ${SCHEMA_VERSION}; run the newer Framescope`,
      );
    await db.query(
      `INSERT INTO framescope_meta (key, value) VALUES ('schema', $1), ('database', md5(random()::text || clock_timestamp()::text))
       ON CONFLICT (key) DO NOTHING`,
      [String(SCHEMA_VERSION)],
    );
    await db.query('COMMIT');
  } catch (e) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** An id made when the database's tables were created: a replica made from another database starts over. */
export async function databaseId(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ value: string }>(`SELECT value FROM framescope_meta WHERE key = 'database'`);
  return rows[0]?.value ?? '';
}

/** Takes the write lock for the rest of the current transaction. */
export async function lockWrites(db: Queryable): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
}

/** Stores a new version of a file (a new row). */
export async function insertFile(db: Queryable, f: FileRow): Promise<void> {
  await db.query(
    `INSERT INTO framescope_files (area, corpus, path, seq, sha, bytes)
     VALUES ($1, $2, $3, nextval('framescope_change_seq'), $4, $5)`,
    [f.area, f.corpus, f.path, sha256(f.bytes), Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength)],
  );
}

/**
 * Stores a file only when no version of its path is stored (an article id is taken once, as the files backend's
 * exclusive link does); true when it was stored. Runs under the write lock, so two writers cannot both store one path.
 */
export async function insertFileIfAbsent(db: Queryable, f: FileRow): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO framescope_files (area, corpus, path, seq, sha, bytes)
     SELECT $1, $2, $3, nextval('framescope_change_seq'), $4, $5
     WHERE NOT EXISTS (SELECT 1 FROM framescope_files WHERE area = $1 AND path = $3)
     RETURNING seq`,
    [f.area, f.corpus, f.path, sha256(f.bytes), Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength)],
  );
  return rows.length > 0;
}

/** The hash a removal's row carries (with no bytes): a replica removes its copy of the path (lib/store/pgReplica.ts). */
export const REMOVED = 'removed';

/**
 * Removes store files: every row of each path goes, and one row with no bytes (hash REMOVED) says so to the replicas
 * that still hold the file. Run inside the prune's transaction, with the new segments it writes.
 */
export async function removeStoreFiles(db: Queryable, corpus: string, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  await db.query(`DELETE FROM framescope_files WHERE area = 'store' AND path = ANY($1::text[])`, [paths]);
  await db.query(
    `INSERT INTO framescope_files (area, corpus, path, seq, sha, bytes)
     SELECT 'store', $1, p, nextval('framescope_change_seq'), $2, ''::bytea FROM unnest($3::text[]) AS p`,
    [corpus, REMOVED, paths],
  );
}

/**
 * Removes a corpus's superseded store rows (a path written again, such as the latest reuse index: only its newest row
 * is ever read, and a replica that missed the older ones reads the newest). Returns how many rows went.
 */
export async function removeSupersededStoreRows(db: Queryable, corpus: string): Promise<number> {
  const { rows } = await db.query(
    `DELETE FROM framescope_files f WHERE f.area = 'store' AND f.corpus = $1
     AND EXISTS (SELECT 1 FROM framescope_files g WHERE g.area = 'store' AND g.path = f.path AND g.seq > f.seq)
     RETURNING 1`,
    [corpus],
  );
  return rows.length;
}

/** Tells every listening instance that changes up to the newest change number are committed (sent at commit). */
export async function notifyChanges(db: Queryable): Promise<void> {
  await db.query(`SELECT pg_notify($1, (SELECT last_value FROM framescope_change_seq)::text)`, [CHANNEL]);
}

/** Whether any corpus file is stored (an empty database is seeded from the bundled corpora). */
export async function hasCorpusFiles(db: Queryable): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM framescope_files WHERE area = 'corpus' LIMIT 1`);
  return rows.length > 0;
}

/** The paths of a tree that have a stored version (for seeding only what is missing). */
export async function storedPaths(db: Queryable, area: Area): Promise<Set<string>> {
  const { rows } = await db.query<{ path: string }>(`SELECT DISTINCT path FROM framescope_files WHERE area = $1`, [
    area,
  ]);
  return new Set(rows.map((r) => r.path));
}

/** Changes after change number `after`, oldest first, at most `limit` (a replica reads them page by page). */
export async function changesSince(db: Queryable, after: number, limit: number): Promise<ChangeRow[]> {
  const { rows } = await db.query<{
    area: Area;
    corpus: string;
    path: string;
    seq: string;
    sha: string;
    bytes: Buffer;
  }>(`SELECT area, corpus, path, seq, sha, bytes FROM framescope_files WHERE seq > $1 ORDER BY seq LIMIT $2`, [
    after,
    limit,
  ]);
  return rows.map((r) => ({ ...r, seq: Number(r.seq), bytes: new Uint8Array(r.bytes) }));
}

/** Records a corpus version as of the corpus's newest change (idempotent: a version is a content hash). */
export async function insertVersion(db: Queryable, corpus: string, version: string): Promise<void> {
  await db.query(
    `INSERT INTO framescope_versions (corpus, version, seq)
     SELECT $1, $2, COALESCE(MAX(seq), 0) FROM framescope_files WHERE corpus = $1 AND area = 'corpus'
     ON CONFLICT (corpus, version) DO NOTHING`,
    [corpus, version],
  );
}

/** The versions recorded for a corpus, newest first. */
export async function versionsOf(db: Queryable, corpus: string): Promise<{ version: string; seq: number }[]> {
  const { rows } = await db.query<{ version: string; seq: string }>(
    `SELECT version, seq FROM framescope_versions WHERE corpus = $1 ORDER BY seq DESC, recorded_at DESC`,
    [corpus],
  );
  return rows.map((r) => ({ version: r.version, seq: Number(r.seq) }));
}

/** The files of a corpus as they were at change number `seq` (a version rebuilt from history). */
export async function corpusFilesAt(db: Queryable, corpus: string, seq: number): Promise<Map<string, Uint8Array>> {
  const { rows } = await db.query<{ path: string; bytes: Buffer }>(
    `SELECT DISTINCT ON (path) path, bytes FROM framescope_files
     WHERE area = 'corpus' AND corpus = $1 AND seq <= $2 ORDER BY path, seq DESC`,
    [corpus, seq],
  );
  return new Map(rows.map((r) => [r.path, new Uint8Array(r.bytes)]));
}

/** Bytes stored per tree (current versions and history), for the README's size figures. */
export async function storedBytes(db: Queryable): Promise<{ area: Area; files: number; bytes: number }[]> {
  const { rows } = await db.query<{ area: Area; files: string; bytes: string }>(
    `SELECT area, COUNT(*) AS files, SUM(octet_length(bytes)) AS bytes FROM framescope_files GROUP BY area ORDER BY area`,
  );
  return rows.map((r) => ({ area: r.area, files: Number(r.files), bytes: Number(r.bytes) }));
}
