// Records every corpus's version, analyses what the store lacks (on worker threads) and makes each corpus's tallies,
// index and provenance, then exits:
// the bundled corpora's "write time". The e2e server runs it before starting, so no test meets a corpus mid-analysis;
// `npm start` does not need it (missing analyses are made in the background while the server answers).
// Usage: tsx scripts/prepare-store.ts
import path from 'node:path';
import { CORPUS_ROOT } from '../lib/corpus/load';
import { recordVersion } from '../lib/corpus/snapshots';
import { listCorpora } from '../lib/server/bundles';
import { completeCorpus, tracked } from '../lib/store/prepare';

async function main(): Promise<void> {
  for (const corpus of listCorpora()) {
    const t0 = Date.now();
    try {
      const dir = path.join(CORPUS_ROOT, corpus);
      // Recorded first: the server skips recording a folder whose index is stored (lib/server/bundles.ts isPrepared).
      await recordVersion(dir);
      const p = await tracked(corpus, 'prepare', (p) => completeCorpus(p, dir, undefined, { parallel: true }));
      console.log(
        `corpus ${corpus}: all ${p.total} articles analysed and stored (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
      );
    } catch (e) {
      console.error(`corpus ${corpus}: ${(e as Error).message}`);
      process.exitCode = 1;
    }
  }
}

void main();
