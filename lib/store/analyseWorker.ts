// Worker entry (worker_threads) for write-time analysis: analyses batches of articles and sends each batch back packed
// (one moved Int32Array and a string table), or computes a corpus version's provenance or vocabulary table from stored
// analyses and stores it. Started by lib/store/analyse.ts, one worker per core.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeArticle, compileEngine, type Engine } from '../analysis/article';
import type { Article, Lexicon } from '../types';
import { createPacker } from './codec';
import { articleKey } from './keys';
import { storeProvenance } from './provenanceJob';
import { storeVocabulary } from './vocabularyJob';

/** A batch to analyse with the worker's lexicon. */
export interface AnalyseJob {
  kind: 'analyse';
  id: number;
  articles: Article[];
}

/** A corpus folder whose current version's provenance is computed from the store and stored. */
export interface ProvenanceJob {
  kind: 'provenance';
  id: number;
  corpusDir: string;
  storeRoot: string;
}

/** A corpus folder whose current version's vocabulary table is counted from the store and stored. */
export interface VocabularyJob {
  kind: 'vocabulary';
  id: number;
  corpusDir: string;
  storeRoot: string;
}

/** What the worker is started with. */
export interface AnalyseWorkerData {
  framescopeAnalyse: true;
  lexicon: Lexicon;
}

const data = workerData as AnalyseWorkerData | null;
// Only in a worker that analyse.ts started: never on a thread that merely imports this file's types.
if (parentPort && data?.framescopeAnalyse) {
  let engine: Engine | null = null;
  parentPort.on('message', async (job: AnalyseJob | ProvenanceJob | VocabularyJob) => {
    try {
      if (job.kind === 'analyse') {
        engine ??= compileEngine(data.lexicon);
        const packer = createPacker();
        for (const a of job.articles) packer.add(analyzeArticle(a, engine));
        const packed = packer.finish();
        parentPort!.postMessage({ id: job.id, keys: job.articles.map(articleKey), packed }, [packed.ints.buffer]);
      } else if (job.kind === 'vocabulary') {
        await storeVocabulary(job.corpusDir, job.storeRoot);
        parentPort!.postMessage({ id: job.id });
      } else {
        await storeProvenance(job.corpusDir, job.storeRoot);
        parentPort!.postMessage({ id: job.id });
      }
    } catch (e) {
      parentPort!.postMessage({ id: job.id, error: (e as Error).message });
    }
  });
}
