import { availableParallelism, totalmem } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { compileEngine, type ArticleAnalysis } from '../analysis/article';
import type { Article, Lexicon } from '../types';
import type { AnalyseWorkerData, RecordJob, StoriesJob, TalliesJob, WorkerJob } from './analyseWorker';
import { unpackAnalyses, type PackedAnalyses } from './codec';
import { analyseBatch } from './analyseBatch';
import type { Counter, VocabularyCounts } from '../vocabulary/table';
import { storedTextCounter } from '../vocabulary/whole';
import { articleKey, lexiconKey } from './keys';
import { storeProvenance } from './provenanceJob';
import { storeTallies } from './talliesJob';
import { storeStories } from './storiesJob';
import { storeVocabulary } from './vocabularyJob';
import { recordVersion } from '../corpus/snapshots';
import { backgroundOnly } from './current';
import { isPreparing } from './preparations';
import { workerHeapMb } from './workerHeap';
import type { AnalysedBatch, AnalysisStore, StoreScope } from './types';

/** Articles per worker batch: one segment file each; small enough that progress moves and a crash loses little. */
export const BATCH = 250;

// The worker runs the TypeScript source through tsx's require hook, as `npm start` and `npm run import` do.
const WORKER = path.join(process.cwd(), 'lib', 'store', 'analyseWorker.ts');

type Reply = {
  id: number;
  error?: string;
  keys?: string[];
  packed?: PackedAnalyses;
  counts?: VocabularyCounts | null;
  version?: string;
};

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

function startWorker(lexicon: Lexicon | null): Worker | null {
  // Outside the try: a bad FRAMESCOPE_WORKER_HEAP_MB is the user's to fix, not a reason to work on this thread. A process
  // started with --max-old-space-size gives its workers that heap instead (Node's rule).
  const resourceLimits = { maxOldGenerationSizeMb: workerHeapMb(process.env.FRAMESCOPE_WORKER_HEAP_MB, totalmem()) };
  try {
    const workerData: AnalyseWorkerData = { framescopeAnalyse: true, lexicon };
    return new Worker(WORKER, { execArgv: ['--require', 'tsx/cjs'], workerData, resourceLimits });
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
  return (job: WorkerJob) =>
    new Promise<Reply>((resolve, reject) => {
      waiting.set(job.id, { resolve, reject });
      worker.postMessage(job);
    });
}

/** Worker threads that analyse batches under one lexicon, kept between batches (a worker takes a second to start). */
export interface AnalysisPool {
  lexicon: Lexicon;
  /**
   * Analyses one batch on the next free worker (here, where no worker can start); unless the pool was made without
   * counting, the worker also counts the batch's vocabulary and keeps the counts until `collect`.
   */
  run(batch: Article[]): Promise<AnalysedBatch>;
  /**
   * The vocabulary counts of every batch run since the last collect, merged into one counter (and forgotten by the
   * workers); null when they are incomplete (a worker failed or stopped) or the pool does not count.
   */
  collect(): Promise<Counter | null>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/**
 * Batches a worker holds at once: with two, its next batch is already waiting when it finishes one, so a thread busy
 * elsewhere (an import committing the batch before) does not leave it idle until that thread can send the next.
 */
export const LANE_DEPTH = 2;

/**
 * Which lane takes the next batch, given how many batches each holds: a new lane while fewer than `size` run, else the
 * least busy one with room below `depth` (the first of equals), else null (the batch waits for one to finish).
 */
export function pickLane(busy: readonly number[], size: number, depth = LANE_DEPTH): number | 'new' | null {
  if (busy.length < Math.max(1, size)) return 'new';
  let best: number | null = null;
  busy.forEach((b, i) => {
    if (b < depth && (best === null || b < busy[best])) best = i;
  });
  return best;
}

/** A pool of `size` analysis workers (one per core by default), started when first needed. */
export function analysisPool(lexicon: Lexicon, size = availableParallelism(), count = true): AnalysisPool {
  type Lane = { worker: Worker | null; run: ReturnType<typeof workerRunner> | null; worked: boolean; busy: number };
  const lanes: Lane[] = [];
  // Batches analysed on this thread (no worker could start) are counted here; `whole` is false once counts were lost.
  let here: Counter | null = null;
  let whole = true;
  let engine: ReturnType<typeof compileEngine> | null = null;
  const analyseHere = (articles: Article[]) => {
    engine ??= compileEngine(lexicon);
    if (count) here ??= storedTextCounter(lexicon.groups);
    return analyseBatch(articles, engine, count ? here : null);
  };
  const waiting: ((lane: Lane) => void)[] = [];
  let id = 0;
  const acquire = (): Promise<Lane> => {
    const pick = pickLane(
      lanes.map((l) => l.busy),
      size,
    );
    if (pick === null) return new Promise((resolve) => waiting.push(resolve));
    let lane: Lane;
    if (pick === 'new') {
      const worker = startWorker(lexicon);
      lane = { worker, run: worker ? workerRunner(worker) : null, worked: false, busy: 0 };
      lanes.push(lane);
    } else lane = lanes[pick];
    lane.busy++;
    return Promise.resolve(lane);
  };
  const release = (lane: Lane) => {
    const next = waiting.shift();
    if (next) next(lane);
    else lane.busy--;
  };
  return {
    lexicon,
    async run(batch) {
      const lane = await acquire();
      try {
        if (!lane.run) return analyseHere(batch);
        try {
          const reply = await lane.run({ kind: 'analyse', id: id++, articles: batch, count });
          lane.worked = true;
          return { keys: reply.keys!, packed: reply.packed! };
        } catch (e) {
          // A worker that never answered could not load (no tsx hook): this lane goes on here. A worker that had
          // answered before failed on this batch, which is reported (and the counts it held are lost).
          if (lane.worked) {
            whole = false;
            throw e;
          }
          lane.run = null;
          void lane.worker?.terminate();
          return analyseHere(batch);
        }
      } finally {
        release(lane);
      }
    },
    async collect() {
      if (!count) return null;
      const merged = storedTextCounter(lexicon.groups);
      try {
        for (const lane of lanes) {
          if (!lane.run || !lane.worked) continue;
          const reply = await lane.run({ kind: 'counts', id: id++ });
          if (reply.counts) merged.merge(reply.counts);
        }
      } catch {
        whole = false;
      }
      if (here) merged.merge(here.counts(lexicon.groups.map((g) => g.id)));
      here = null;
      const ok = whole;
      whole = true;
      return ok ? merged : null;
    },
    async close() {
      await Promise.all(lanes.map((l) => l.worker?.terminate()));
    },
  };
}

/**
 * Analyses the articles the store lacks on worker threads (one per core, or the given pool's) in batches and stores each
 * batch as it comes back; `onProgress` hears how many of them are stored. `counted`, when given, gets the vocabulary
 * counts of the articles analysed (made by the workers in the same pass) from a pool made here (a caller's pool keeps
 * them until the caller collects them); it is marked lossy, so that no table is made from it, when they were lost.
 * Resolves with how many were analysed.
 */
export async function analyseInto(
  store: AnalysisStore,
  corpus: string,
  articles: readonly Article[],
  lexicon: Lexicon,
  onProgress?: (done: number, total: number) => void,
  pool: AnalysisPool | number = availableParallelism(),
  counted?: Counter,
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
    if (own && counted) {
      const made = await own.collect();
      if (made) counted.merge(made.counts(lexicon.groups.map((g) => g.id)));
      else counted.lossy = true;
    }
  } finally {
    await own?.close();
  }
  return todo.length;
}

/**
 * Stores the vocabulary table of a corpus folder's current version (lib/store/vocabularyJob.ts) on a fresh worker thread
 * of its own (here without one), skipped when already stored. `counted`: the vocabulary counts made while analysing this
 * run's articles (the table is merged from them when they cover the version, else counted from the stored analyses).
 * Its own worker, not provenance's: at 100,000 articles the worker that had just made the provenance held a heap of
 * several GB, and the table, made after it in that heap, had not finished after 23 minutes. With `also.stories`, the
 * version's stories are made next on the same worker (storiesInto's job).
 */
export async function vocabularyInto(
  corpusDir: string,
  storeRoot: string,
  lexicon: Lexicon,
  counted: Counter | null = null,
  also: { stories: boolean } = { stories: false },
): Promise<void> {
  const counts =
    counted && counted.keys.length > 0 && !counted.lossy ? counted.counts(lexicon.groups.map((g) => g.id)) : null;
  const worker = startWorker(null);
  if (!worker) {
    await storeVocabulary(corpusDir, storeRoot, counts);
    if (also.stories) await storeStories(corpusDir, storeRoot);
    return;
  }
  try {
    const run = workerRunner(worker);
    await run({ kind: 'vocabulary', id: 0, corpusDir, storeRoot, counts });
    // The stories on the same worker when asked: one worker's start-up (its TypeScript compiled again) less per write,
    // which twelve concurrent uploads pay twelve times.
    if (also.stories) await run({ kind: 'stories', id: 1, corpusDir, storeRoot });
  } finally {
    await worker.terminate();
  }
}

/**
 * Computes and stores the provenance of a corpus folder's current version on a worker thread of its own (here without
 * one), skipped when already stored. The version's vocabulary table is vocabularyInto's, called first: it takes seconds,
 * where provenance can take many minutes, and a failed provenance leaves the table stored.
 */
export async function provenanceInto(corpusDir: string, storeRoot: string): Promise<void> {
  const worker = startWorker(null);
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

/**
 * Makes and stores the tallies (whole corpus, years, months) of a corpus folder's current version, so no view tallies
 * articles: on a worker thread in the production server, here elsewhere.
 */
export async function talliesInto(corpusDir: string, storeRoot: string, lexicon: Lexicon): Promise<void> {
  if (!(await onServerWorker(lexicon, { kind: 'tallies', id: 0, corpusDir, storeRoot }, false)))
    await storeTallies(corpusDir, storeRoot);
}

/**
 * Clusters and stores the stories of a corpus folder's current version (lib/store/storiesJob.ts): on a worker thread in
 * the production server, here elsewhere. Skipped when stored.
 */
export async function storiesInto(corpusDir: string, storeRoot: string): Promise<void> {
  // No lexicon for the worker: stories read only the articles' text.
  if (!(await onServerWorker(null, { kind: 'stories', id: 0, corpusDir, storeRoot }, false)))
    await storeStories(corpusDir, storeRoot);
}

/**
 * Records a corpus folder's current version as a snapshot and resolves with the version: in the production server on a
 * worker thread, so loading every article and writing the snapshot does not hold up its other requests; elsewhere (the
 * CLI, tests) here. While a preparation of the corpus runs in this process (a lexicon save's analyses, a background
 * preparation) the new version does not prune the store: that preparation's segments may belong to no kept version
 * yet, and a prune would take them once older than the grace period. The next version recorded prunes.
 */
export async function recordVersionOffThread(
  corpusDir: string,
  prune = !isPreparing(path.basename(corpusDir)),
): Promise<string> {
  // A full disk, a busy lock, or a worker that could not load: tried again here, where the error keeps its type (the
  // callers answer 507 or 503 by it).
  const reply = await onServerWorker(null, { kind: 'record', id: 0, corpusDir, prune }, true);
  return reply?.version ?? (await recordVersion(corpusDir, prune)).version;
}

/**
 * Runs one job on a fresh worker in the production server and resolves with its reply, or with null when the caller
 * runs it on its own thread instead: outside the server (the CLI, tests: nothing else waits for the thread, and a
 * worker would only add its start-up), without a worker, or, with `failHere`, after the worker failed.
 */
async function onServerWorker(
  lexicon: Lexicon | null,
  job: TalliesJob | StoriesJob | RecordJob,
  failHere: boolean,
): Promise<Reply | null> {
  const worker = backgroundOnly() ? startWorker(lexicon) : null;
  if (!worker) return null;
  try {
    return await workerRunner(worker)(job);
  } catch (e) {
    if (failHere) return null;
    throw e;
  } finally {
    await worker.terminate();
  }
}

/**
 * Analyses articles on worker threads and keeps the analyses in memory, by article key, without storing them: for a
 * reader that must not write (a pinned old version the store lacks). `onProgress` hears how many are done.
 */
export async function analyseToMemory(
  articles: readonly Article[],
  lexicon: Lexicon,
  onProgress?: (done: number, total: number) => void,
  size = availableParallelism(),
): Promise<Map<string, ArticleAnalysis>> {
  const out = new Map<string, ArticleAnalysis>();
  const batches = batchesOf(articles, BATCH);
  if (batches.length === 0) return out;
  // Nothing is stored, so no vocabulary table is made from these: the workers do not count.
  const pool = analysisPool(lexicon, Math.min(size, batches.length), false);
  try {
    await Promise.all(
      batches.map(async (batch) => {
        const b = await pool.run(batch);
        unpackAnalyses(b.packed, batch).forEach((a, i) => out.set(b.keys[i], a));
        onProgress?.(out.size, articles.length);
      }),
    );
  } finally {
    await pool.close();
  }
  return out;
}
