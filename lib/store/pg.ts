import path from 'node:path';
import { writeAtomic } from '../corpus/store';
import { derivedName } from './derived';
import { encodeSegment, fileStore, scopeFolder, segmentFileName, STORE_ROOT } from './files';
import { storeCellRows } from './pgCells';
import { removeTimeSets } from './pgCellsQueries';
import { writeTransaction } from './pgClient';
import { insertFile, removeStoreFiles, removeSupersededStoreRows, type Queryable } from './pgQueries';
import { storeTallyRows } from './pgTallies';
import { removeTallySets } from './pgTalliesQueries';
import { applyToFolder, type PruneApplier } from './prune';
import { TALLIES } from './tallies';
import { TIME_CELLS } from './timeCells';
import type { AnalysisStore } from './types';

/**
 * The PostgreSQL backend: PostgreSQL holds every segment and piece of derived data (one INSERT per put, committed
 * before the call resolves), and this instance's replica folder, kept current by lib/store/pgReplica.ts, answers the
 * synchronous reads through the files backend's own reader. A put is written to the replica too, once committed, so
 * the writer reads its own writes at once.
 */
export function pgStore(url: string, root: string = STORE_ROOT): AnalysisStore {
  const local = fileStore(root);
  const store = async (
    rel: string,
    corpus: string,
    bytes: Uint8Array,
    what: string,
    alongside?: (db: Queryable) => Promise<void>,
  ) => {
    await writeTransaction(url, what, async (db) => {
      await insertFile(db, { area: 'store', corpus, path: rel, bytes });
      await alongside?.(db);
    });
    writeAtomic(path.join(root, rel), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  };
  return {
    ...local,
    backend: 'pg',
    async put(scope, batch) {
      if (batch.keys.length === 0) return;
      const rel = path.posix.join(scopeFolder(scope), segmentFileName());
      await store(
        rel,
        scope.corpus,
        encodeSegment(batch),
        `the analyses of ${batch.keys.length} article(s) of ${scope.corpus} were not stored, nor any article`,
      );
    },
    async putDerived(scope, kind, key, bytes) {
      const rel = path.posix.join(scopeFolder(scope), derivedName(kind, key));
      // Time cells and tallies are also stored as rows the time series and the overview are summed from in SQL
      // (lib/store/pgCells.ts, pgTallies.ts), in the same transaction, so the file and its rows never disagree.
      const rows = kind === TIME_CELLS ? storeCellRows : kind === TALLIES ? storeTallyRows : null;
      await store(
        rel,
        scope.corpus,
        bytes,
        `the ${kind} of version ${key} of ${scope.corpus} was not stored`,
        rows ? (db) => rows(db, scope.corpus, rel, bytes).then(() => undefined) : undefined,
      );
    },
  };
}

/**
 * Stores a prune in PostgreSQL, in one transaction (the new segments, the removals and the corpus's superseded rows:
 * all or nothing), then in this instance's replica; the other instances' replicas apply the same rows when they pull.
 */
export function pgPruneApplier(url: string, root: string = STORE_ROOT): PruneApplier {
  return async (c, corpus) => {
    await writeTransaction(
      url,
      `the pruning of ${corpus}'s superseded analyses was not stored; nothing was removed`,
      async (db) => {
        for (const w of c.writes) await insertFile(db, { area: 'store', corpus, path: w.rel, bytes: w.bytes });
        await removeStoreFiles(db, corpus, c.removes);
        await removeTimeSets(db, c.removes);
        await removeTallySets(db, c.removes);
        await removeSupersededStoreRows(db, corpus);
      },
    );
    applyToFolder(root, c);
  };
}
