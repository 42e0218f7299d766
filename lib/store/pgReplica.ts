import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { writeAtomic } from '../corpus/store';
import { storeCellRows } from './pgCells';
import { storeTallyRows } from './pgTallies';
import { writeTransaction } from './pgClient';
import { removeEmptyScopes } from './prune';
import {
  changesSince,
  databaseId,
  hasCorpusFiles,
  insertFile,
  REMOVED,
  sha256,
  storedPaths,
  type Area,
  type ChangeRow,
  type FileRow,
  type Queryable,
} from './pgQueries';

/** The two local trees a replica keeps: the corpus root and the analysis store root. */
export interface ReplicaRoots {
  corpus: string;
  store: string;
}

/** Where a replica records how far it has applied the database's changes (inside its corpus root, never a corpus). */
export const replicaStateFile = (roots: ReplicaRoots) => path.join(roots.corpus, '.pg-replica.json');

const SEGMENT_OR_DERIVED = /^(seg-[0-9a-z-]+\.fsa|[a-z0-9][a-z0-9-]*\.bin)$/;
// A folder's index is keyed by that folder's file times (lib/store/talliesJob.ts), which no other replica shares.
const LOCAL_ONLY = 'corpus-index-';

/**
 * The files of a corpus root and store root that belong in the database, as (tree, corpus, path) with paths relative
 * to their root: the default lexicon, each corpus's corpus.json, lexicon.json and articles/*.txt, and each store
 * scope's segments and derived data. Anything else (raw sources, locks, staging, snapshots, folder indexes) stays local.
 */
export function replicableFiles(roots: ReplicaRoots): { area: Area; corpus: string; path: string }[] {
  const out: { area: Area; corpus: string; path: string }[] = [];
  if (existsSync(path.join(roots.corpus, 'lexicon.json')))
    out.push({ area: 'corpus', corpus: '', path: 'lexicon.json' });
  const dirs = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true })
          .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
          .map((d) => d.name)
          .sort()
      : [];
  for (const corpus of dirs(roots.corpus)) {
    const dir = path.join(roots.corpus, corpus);
    if (!existsSync(path.join(dir, 'corpus.json'))) continue;
    out.push({ area: 'corpus', corpus, path: `${corpus}/corpus.json` });
    if (existsSync(path.join(dir, 'lexicon.json')))
      out.push({ area: 'corpus', corpus, path: `${corpus}/lexicon.json` });
    const articles = path.join(dir, 'articles');
    if (existsSync(articles))
      for (const f of readdirSync(articles).sort())
        if (f.endsWith('.txt') && !f.startsWith('.'))
          out.push({ area: 'corpus', corpus, path: `${corpus}/articles/${f}` });
  }
  for (const corpus of dirs(roots.store))
    for (const scope of dirs(path.join(roots.store, corpus)))
      for (const f of readdirSync(path.join(roots.store, corpus, scope)).sort())
        if (SEGMENT_OR_DERIVED.test(f) && !f.startsWith(LOCAL_ONLY))
          out.push({ area: 'store', corpus, path: `${corpus}/${scope}/${f}` });
  return out;
}

const rootOf = (roots: ReplicaRoots, area: Area) => (area === 'corpus' ? roots.corpus : roots.store);

/**
 * Seeds an empty database from local trees (the bundled corpora and whatever analyses are stored beside them), in one
 * transaction; a database that already holds corpora is left as it is. Returns how many files were stored.
 */
export async function seedIfEmpty(url: string, roots: ReplicaRoots): Promise<number> {
  return writeTransaction(url, 'the seed corpora', async (db) => {
    if (await hasCorpusFiles(db)) return 0;
    const have = { corpus: await storedPaths(db, 'corpus'), store: await storedPaths(db, 'store') };
    let n = 0;
    for (const f of replicableFiles(roots)) {
      if (have[f.area].has(f.path)) continue;
      const row: FileRow = { ...f, bytes: readFileSync(path.join(rootOf(roots, f.area), f.path)) };
      await insertFile(db, row);
      // Seeded time cells and tallies get their rows too, or they would be summed in JS until a new version.
      if (f.area === 'store') {
        await storeCellRows(db, f.corpus, f.path, row.bytes);
        await storeTallyRows(db, f.corpus, f.path, row.bytes);
      }
      n++;
    }
    return n;
  });
}

/** How far a replica has applied the database's changes. */
export interface ReplicaState {
  database: string;
  seq: number;
}

/** Reads a replica's state; a missing or unreadable state file means start from the first change. */
export function readReplicaState(roots: ReplicaRoots): ReplicaState {
  try {
    const s = JSON.parse(readFileSync(replicaStateFile(roots), 'utf8')) as ReplicaState;
    if (typeof s.database === 'string' && Number.isInteger(s.seq)) return s;
  } catch {
    /* first start, or a state file cut short: applying every change again is safe (writes are idempotent) */
  }
  return { database: '', seq: 0 };
}

// Whether the local file already holds these bytes: a size check first, so unchanged big files are hashed only when
// their size matches.
function holds(file: string, row: ChangeRow): boolean {
  try {
    if (statSync(file).size !== row.bytes.byteLength) return false;
    return sha256(readFileSync(file)) === row.sha;
  } catch {
    return false;
  }
}

/** Writes one change into the replica (atomically, skipping a file that already holds it); true when it wrote. */
export function applyChange(roots: ReplicaRoots, row: ChangeRow): boolean {
  const root = rootOf(roots, row.area);
  const file = path.resolve(root, row.path);
  // A path from the database never leaves its root (it was written by this code, but the database is shared).
  if (!file.startsWith(root + path.sep))
    throw new Error(`database file "${row.path}" would be written outside ${root}`);
  if (row.sha === REMOVED) {
    // Pruned by whichever instance made the version that superseded it (lib/store/prune.ts).
    if (!existsSync(file)) return false;
    rmSync(file, { force: true });
    removeEmptyScopes(root, [row.path]);
    return true;
  }
  if (holds(file, row)) return false;
  writeAtomic(file, Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength));
  return true;
}

/** What one pull did: the corpora with new files (written here or already held), how many files were written, the change number reached. */
export interface Pulled {
  corpora: Set<string>;
  written: number;
  seq: number;
}

/**
 * Applies every change after the replica's last one, oldest first, page by page, recording progress after each page
 * (a crash re-applies at most one page, which is idempotent). A replica made from another database starts over.
 */
export async function pull(db: Queryable, roots: ReplicaRoots, page = 64): Promise<Pulled> {
  const id = await databaseId(db);
  let state = readReplicaState(roots);
  if (state.database !== id) state = { database: id, seq: 0 };
  const out: Pulled = { corpora: new Set(), written: 0, seq: state.seq };
  for (;;) {
    const rows = await changesSince(db, state.seq, page);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (applyChange(roots, row)) out.written++;
      // Also a change this instance wrote itself: its version is recorded by whoever pulls it first.
      if (row.area === 'corpus' && row.corpus) out.corpora.add(row.corpus);
      state.seq = row.seq;
    }
    writeAtomic(replicaStateFile(roots), JSON.stringify(state));
    if (rows.length < page) break;
  }
  out.seq = state.seq;
  return out;
}

/** A pool's pull, one at a time: a notification that arrives during a pull runs one more pull after it. */
export function puller(pool: Pool, roots: ReplicaRoots, onPulled: (p: Pulled) => void | Promise<void>) {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      const p = await pull(pool, roots);
      if (p.written || p.corpora.size) await onPulled(p);
    } while (again);
  };
  return (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => (running = null));
    return running;
  };
}
