import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { hasStagedBatches, recoverStages } from './commit';
import { pidAlive, staleReason, withLock } from './lock';

/** What the start-up clean-up found and did. */
export interface Leftovers {
  /** Temporary files of dead writers that were removed (paths relative to the root they were under). */
  removedTmp: string[];
  /** Article ids that an interrupted import had validated, committed now. */
  recovered: string[];
}

// Temporary files are ".<name>.<pid>.<random>.tmp" (lib/corpus/store.ts tempName).
const TMP = /^\.[^/]*\.(\d+)\.[a-z0-9]+\.tmp$/;

function removeDeadTmp(dir: string, root: string, out: string[], depth: number): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (depth > 0 && e.name !== '.lock' && e.name !== '.staging') removeDeadTmp(p, root, out, depth - 1);
      continue;
    }
    const m = TMP.exec(e.name);
    // A live writer's file is left alone: a CLI import may be running while the server starts.
    if (m && !pidAlive(Number(m[1]))) {
      rmSync(p, { force: true });
      out.push(path.relative(root, p));
    }
  }
}

/**
 * Cleans what crashed writers left under a corpus root, a snapshot root and the analysis store: temporary files of dead processes are
 * removed, staged batches are finished or discarded and stale locks taken over, under each corpus's lock.
 * The server calls this once at start.
 */
export async function cleanLeftovers(
  corpusRoot: string,
  snapshotRoot: string | null,
  storeRoot: string | null = null,
): Promise<Leftovers> {
  const out: Leftovers = { removedTmp: [], recovered: [] };
  if (existsSync(corpusRoot)) {
    removeDeadTmp(corpusRoot, corpusRoot, out.removedTmp, 0);
    for (const name of readdirSync(corpusRoot)) {
      const dir = path.join(corpusRoot, name);
      if (!statSync(dir).isDirectory() || !existsSync(path.join(dir, 'corpus.json'))) continue;
      removeDeadTmp(dir, corpusRoot, out.removedTmp, 1);
      // Taking the lock also takes over a crashed writer's stale lock, so the next upload does not find it first.
      const stale = existsSync(path.join(dir, '.lock')) && staleReason(path.join(dir, '.lock')) !== null;
      if (hasStagedBatches(dir) || stale)
        for (const id of await withLock(dir, () => recoverStages(dir))) out.recovered.push(id);
    }
  }
  if (snapshotRoot) removeDeadTmp(snapshotRoot, snapshotRoot, out.removedTmp, 3);
  // The analysis store: <root>/<corpus>/<lexicon>-e<engine>/ holds segment files written through temporary files.
  if (storeRoot) removeDeadTmp(storeRoot, storeRoot, out.removedTmp, 2);
  return out;
}
