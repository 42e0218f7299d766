import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzeArticle, compileEngine } from '../analysis/article';
import type { Article, Lexicon } from '../types';
import type { AnalyseJob, AnalyseWorkerData, ProvenanceJob } from './analyseWorker';
import { createPacker, type PackedAnalyses } from './codec';
import { articleKey, lexiconKey } from './keys';
import { storeProvenance } from './provenanceJob';
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
  return (job: AnalyseJob | ProvenanceJob) =>
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

/**
 * Analyses articles on worker threads (one per core, `workers` overrides) in batches and stores each batch as it comes
 * back; `onProgress` hears how many articles are stored. Where no worker can start (e.g. `next dev` without tsx) the
 * batches are analysed on this thread. Resolves when every batch is stored.
 */
export async function analyseInto(
  store: AnalysisStore,
  corpus: string,
  articles: readonly Article[],
  lexicon: Lexicon,
  onProgress?: (done: number, total: number) => void,
  workers = availableParallelism(),
): Promise<number> {
  const scope = { corpus, lexicon: lexiconKey(lexicon) };
  const todo = missingArticles(store, scope, articles);
  const batches = batchesOf(todo, BATCH);
  let done = 0;
  const stored = async (b: AnalysedBatch) => {
    await store.put(scope, b);
    done += b.keys.length;
    onProgress?.(done, todo.length);
  };
  let next = 0;
  let id = 0;
  const lane = async (): Promise<void> => {
    const worker = startWorker(lexicon);
    if (!worker) {
      for (; next < batches.length;) await stored(analyseHere(batches[next++], lexicon));
      return;
    }
    const run = workerRunner(worker);
    let worked = false;
    try {
      while (next < batches.length) {
        const batch = batches[next++];
        let r: AnalysedBatch;
        try {
          const reply = await run({ kind: 'analyse', id: id++, articles: batch });
          r = { keys: reply.keys!, packed: reply.packed! };
        } catch (e) {
          // A worker that never answered could not load (no tsx hook): this lane goes on here. A worker that had
          // answered before failed on this batch, which is reported.
          if (worked) throw e;
          r = analyseHere(batch, lexicon);
        }
        worked = true;
        await stored(r);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, batches.length)) }, lane));
  return todo.length;
}

/** Computes and stores the provenance of a corpus folder's current version on a worker thread (here without one). */
export async function provenanceInto(corpusDir: string, storeRoot: string, lexicon: Lexicon): Promise<void> {
  const worker = startWorker(lexicon);
  if (!worker) {
    await storeProvenance(corpusDir, storeRoot);
    return;
  }
  try {
    await workerRunner(worker)({ kind: 'provenance', id: 0, corpusDir, storeRoot });
  } finally {
    await worker.terminate();
  }
}
