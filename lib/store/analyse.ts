import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzeArticle, compileEngine } from '../analysis/article';
import type { Article, Lexicon } from '../types';
import type { AnalyseJob, AnalyseWorkerData, ProvenanceJob, VocabularyJob } from './analyseWorker';
import { createPacker, type PackedAnalyses } from './codec';
import { articleKey, lexiconKey } from './keys';
import { storeProvenance } from './provenanceJob';
import { storeVocabulary } from './vocabularyJob';
import type { AnalysedBatch, AnalysisStore, StoreScope } from './types';

/** Articles per worker batch: one segment file each; small enough that progress moves and a crash loses little. */
export const BATCH = 250;

// The worker runs the TypeScript source through tsx's require hook, as `npm start` and `npm run import` do.
const WORKER = path.join(process.cwd(), 'lib', 'store', 'analyseWorker.ts');

type Reply = { id: number; error?: string; keys?: string[]; packed?: PackedAnalyses };

/** Splits a list into consecutive batches of at most `size`. */
export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The articles that have no stored analysis in the scope, each key once (in input order). */
export function missingArticles(store: AnalysisStore, scope: StoreScope, articles: readonly Article[]): Article[] {
  const keys = articles.map(articleKey);
  const stored = store.stored(scope, keys);
  const seen = new Set<string>();
  return articles.filter((_, i) => {
    const k = keys[i];
    if (stored.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function startWorker(lexicon: Lexicon): Worker | null {
  try {
    const workerData: AnalyseWorkerData = { framescopeAnalyse: true, lexicon };
    return new Worker(WORKER, { execArgv: ['--require', 'tsx/cjs'], workerData });
  } catch {
    return null;
  }
}

/** Runs jobs on a worker, one at a time; rejects if the worker dies or cannot start. */
function workerRunner(worker: Worker) {
  const waiting = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  const fail = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (r: Reply) => {
    const w = waiting.get(r.id);
    waiting.delete(r.id);
    if (r.error) w?.reject(new Error(r.error));
    else w?.resolve(r);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the analysis worker stopped (exit code ${code})`)));
  return (job: AnalyseJob | ProvenanceJob | VocabularyJob) =>
    new Promise<Reply>((resolve, reject) => {
      waiting.set(job.id, { resolve, reject });
      worker.postMessage(job);
    });
}

function analyseHere(articles: Article[], lexicon: Lexicon): AnalysedBatch {
  const engine = compileEngine(lexicon);
  const packer = createPacker();
  for (const a of articles) packer.add(analyzeArticle(a, engine));
  return { keys: articles.map(articleKey), packed: packer.finish() };
}

/** Worker threads that analyse batches under one lexicon, kept between batches (a worker takes a second to start). */
export interface AnalysisPool {
  lexicon: Lexicon;
  /** Analyses one batch on the next free worker (here, where no worker can start). */
  run(batch: Article[]): Promise<AnalysedBatch>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/** A pool of `size` analysis workers (one per core by default), started when first needed. */
export function analysisPool(lexicon: Lexicon, size = availableParallelism()): AnalysisPool {
  type Lane = { worker: Worker | null; run: ReturnType<typeof workerRunner> | null; worked: boolean };
  const lanes: Lane[] = [];
  const idle: Lane[] = [];
  const waiting: ((lane: Lane) => void)[] = [];
  let id = 0;
  const acquire = (): Promise<Lane> => {
    const free = idle.pop();
    if (free) return Promise.resolve(free);
    if (lanes.length < Math.max(1, size)) {
      const worker = startWorker(lexicon);
      const lane: Lane = { worker, run: worker ? workerRunner(worker) : null, worked: false };
      lanes.push(lane);
      return Promise.resolve(lane);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (lane: Lane) => {
    const next = waiting.shift();
    if (next) next(lane);
    else idle.push(lane);
  };
  return {
    lexicon,
    async run(batch) {
      const lane = await acquire();
      try {
        if (!lane.run) return analyseHere(batch, lexicon);
        try {
          const reply = await lane.run({ kind: 'analyse', id: id++, articles: batch });
          lane.worked = true;
          return { keys: reply.keys!, packed: reply.packed! };
        } catch (e) {
          // A worker that never answered could not load (no tsx hook): this lane goes on here. A worker that had
          // answered before failed on this batch, which is reported.
          if (lane.worked) throw e;
          lane.run = null;
          void lane.worker?.terminate();
          return analyseHere(batch, lexicon);
        }
      } finally {
        release(lane);
      }
    },
    async close() {
      await Promise.all(lanes.map((l) => l.worker?.terminate()));
    },
  };
}

/**
 * Analyses the articles the store lacks on worker threads (one per core, or the given pool's) in batches and stores each
 * batch as it comes back; `onProgress` hears how many of them are stored. Resolves with how many were analysed.
 */
export async function analyseInto(
  store: AnalysisStore,
  corpus: string,
  articles: readonly Article[],
  lexicon: Lexicon,
  onProgress?: (done: number, total: number) => void,
  pool: AnalysisPool | number = availableParallelism(),
): Promise<number> {
  const scope = { corpus, lexicon: lexiconKey(lexicon) };
  const todo = missingArticles(store, scope, articles);
  if (todo.length === 0) return 0;
  const batches = batchesOf(todo, BATCH);
  const own = typeof pool === 'number' ? analysisPool(lexicon, Math.min(pool, batches.length)) : null;
  const workers = own ?? (pool as AnalysisPool);
  if (workers.lexicon !== lexicon && lexiconKey(workers.lexicon) !== scope.lexicon)
    throw new Error('the analysis pool was started with another lexicon than the one the analyses are stored under');
  let done = 0;
  try {
    await Promise.all(
      batches.map(async (batch) => {
        const b = await workers.run(batch);
        await store.put(scope, b);
        done += b.keys.length;
        onProgress?.(done, todo.length);
      }),
    );
  } finally {
    await own?.close();
  }
  return todo.length;
}

/**
 * Computes and stores the provenance of a corpus folder's current version on a worker thread (here without one), then
 * its vocabulary table (lib/store/vocabularyJob.ts) on the same worker; each is skipped when already stored.
 */
export async function provenanceInto(corpusDir: string, storeRoot: string, lexicon: Lexicon): Promise<void> {
  const worker = startWorker(lexicon);
  if (!worker) {
    await storeProvenance(corpusDir, storeRoot);
    await storeVocabulary(corpusDir, storeRoot);
    return;
  }
  try {
    const run = workerRunner(worker);
    await run({ kind: 'provenance', id: 0, corpusDir, storeRoot });
    await run({ kind: 'vocabulary', id: 1, corpusDir, storeRoot });
  } finally {
    await worker.terminate();
  }
}
