// Worker entry (worker_threads) for write-time analysis: analyses batches of articles and sends each batch back packed
// (one moved Int32Array and a string table), computes a corpus version's provenance, tallies or vocabulary table
// from stored analyses and stores them, or records a corpus folder's version as a snapshot. Started by
// lib/store/analyse.ts, one worker per core.
import { parentPort, workerData } from 'node:worker_threads';
import { compileEngine, type Engine } from '../analysis/article';
import type { Article, Lexicon } from '../types';
import { analyseBatch } from './analyseBatch';
import { storeProvenance } from './provenanceJob';
import { storeTallies } from './talliesJob';
import { recordVersion } from '../corpus/snapshots';
import { storeVocabulary } from './vocabularyJob';
import type { VocabularyCounts } from '../vocabulary/table';

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

/** A corpus folder whose current version's tallies (whole corpus, years, months) are made from the store and stored. */
export interface TalliesJob {
  kind: 'tallies';
  id: number;
  corpusDir: string;
  storeRoot: string;
}

/**
 * A corpus folder whose current version's vocabulary table is stored: merged from `counts` (made while analysing)
 * when they cover the version, else counted from the store.
 */
export interface VocabularyJob {
  kind: 'vocabulary';
  id: number;
  corpusDir: string;
  storeRoot: string;
  counts?: VocabularyCounts | null;
}

/** A corpus folder whose current version is recorded as a snapshot (the writer's last step, off its thread). */
export interface RecordJob {
  kind: 'record';
  id: number;
  corpusDir: string;
}

/** What the worker is started with (no lexicon: it records versions or makes derived data, never analyses). */
export interface AnalyseWorkerData {
  framescopeAnalyse: true;
  lexicon: Lexicon | null;
}

const data = workerData as AnalyseWorkerData | null;
// Only in a worker that analyse.ts started: never on a thread that merely imports this file's types.
if (parentPort && data?.framescopeAnalyse) {
  let engine: Engine | null = null;
  parentPort.on('message', async (job: AnalyseJob | ProvenanceJob | TalliesJob | VocabularyJob | RecordJob) => {
    try {
      if (job.kind === 'analyse') {
        if (!data.lexicon) throw new Error('this worker was started without a lexicon and cannot analyse');
        engine ??= compileEngine(data.lexicon);
        const { keys, packed, vocabulary } = analyseBatch(job.articles, engine);
        parentPort!.postMessage({ id: job.id, keys, packed, vocabulary }, [
          packed.ints.buffer,
          vocabulary.cells.buffer as ArrayBuffer,
          vocabulary.withGroup.buffer as ArrayBuffer,
        ]);
      } else if (job.kind === 'record') {
        parentPort!.postMessage({ id: job.id, version: (await recordVersion(job.corpusDir)).version });
      } else if (job.kind === 'tallies') {
        await storeTallies(job.corpusDir, job.storeRoot);
        parentPort!.postMessage({ id: job.id });
      } else if (job.kind === 'vocabulary') {
        await storeVocabulary(job.corpusDir, job.storeRoot, job.counts ?? null);
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
