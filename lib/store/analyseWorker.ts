// Worker entry (worker_threads) for write-time analysis: analyses batches of articles and sends each batch back packed
// (one moved Int32Array and a string table), computes a corpus version's provenance, tallies or vocabulary table
// from stored analyses and stores them, or records a corpus folder's version as a snapshot. Started by
// lib/store/analyse.ts, one worker per core.
import { parentPort, workerData } from 'node:worker_threads';
import { compileEngine, type Engine } from '../analysis/article';
import type { Article, Lexicon } from '../types';
import { analyseBatch } from './analyseBatch';
import { storeProvenance } from './provenanceJob';
import { storeStories } from './storiesJob';
import { storeTallies } from './talliesJob';
import { recordVersion } from '../corpus/snapshots';
import { storeVocabulary } from './vocabularyJob';
import type { Counter, VocabularyCounts } from '../vocabulary/table';
import { storedTextCounter } from '../vocabulary/whole';

/** A batch to analyse with the worker's lexicon (and, unless `count` is false, to count into its vocabulary counts). */
export interface AnalyseJob {
  kind: 'analyse';
  id: number;
  articles: Article[];
  count?: boolean;
}

/** Asks for the vocabulary counts of every batch the worker analysed since the last ask (and forgets them). */
export interface CountsJob {
  kind: 'counts';
  id: number;
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
  /** False while another preparation of the corpus runs: the version is recorded, the store is not pruned. */
  prune?: boolean;
}

/** Every job the worker takes. */
/** A corpus folder whose current version's stories are clustered from its articles' text and stored. */
export interface StoriesJob {
  kind: 'stories';
  id: number;
  corpusDir: string;
  storeRoot: string;
}

export type WorkerJob = AnalyseJob | CountsJob | ProvenanceJob | TalliesJob | StoriesJob | VocabularyJob | RecordJob;

/** What the worker is started with (no lexicon: it records versions or makes derived data, never analyses). */
export interface AnalyseWorkerData {
  framescopeAnalyse: true;
  lexicon: Lexicon | null;
}

const data = workerData as AnalyseWorkerData | null;
// Only in a worker that analyse.ts started: never on a thread that merely imports this file's types.
if (parentPort && data?.framescopeAnalyse) {
  let engine: Engine | null = null;
  // The vocabulary of the batches analysed so far, kept between batches and sent when the writer asks.
  let counter: Counter | null = null;
  parentPort.on('message', async (job: WorkerJob) => {
    try {
      if (job.kind === 'analyse') {
        if (!data.lexicon) throw new Error('this worker was started without a lexicon and cannot analyse');
        engine ??= compileEngine(data.lexicon);
        if (job.count !== false) counter ??= storedTextCounter(data.lexicon.groups);
        const { keys, packed } = analyseBatch(job.articles, engine, job.count === false ? null : counter);
        parentPort!.postMessage({ id: job.id, keys, packed }, [packed.ints.buffer]);
      } else if (job.kind === 'counts') {
        const counts = counter && data.lexicon ? counter.counts(data.lexicon.groups.map((g) => g.id)) : null;
        counter = null;
        parentPort!.postMessage(
          { id: job.id, counts },
          counts ? [counts.cells.buffer as ArrayBuffer, counts.withGroup.buffer as ArrayBuffer] : [],
        );
      } else if (job.kind === 'record') {
        parentPort!.postMessage({
          id: job.id,
          version: (await recordVersion(job.corpusDir, job.prune !== false)).version,
        });
      } else if (job.kind === 'tallies') {
        await storeTallies(job.corpusDir, job.storeRoot);
        parentPort!.postMessage({ id: job.id });
      } else if (job.kind === 'stories') {
        await storeStories(job.corpusDir, job.storeRoot);
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
