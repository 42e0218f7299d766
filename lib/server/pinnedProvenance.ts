// Starts the workers that make a pinned old version's provenance, or a large version's stories the store lacks
// (lib/server/provenanceWorker.ts), one at a time and
// each within a time budget: at 100,000 articles one takes about 20 minutes and a few GB, so links to several old
// versions opened at once must not start one worker each, and a worker that never answers must not hold its slot.
import { totalmem } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { WORKER_OPTIONS } from '../corpus/offThread';
import { workerHeapMb } from '../store/workerHeap';
import type { Story } from '../stories/cluster';
import {
  PROVENANCE_WORKER_DATA,
  type PinnedProvenanceJob,
  type PinnedProvenanceReply,
  type PinnedStoriesJob,
  type PinnedStoriesReply,
} from './provenanceWorker';

/** Limits of pinned-provenance workers (FRAMESCOPE_PINNED_PROVENANCE_WORKERS, FRAMESCOPE_PINNED_PROVENANCE_BUDGET_MS). */
export function pinnedProvenanceLimits(): { workers: number; budgetMs: number } {
  const workers = Math.floor(Number(process.env.FRAMESCOPE_PINNED_PROVENANCE_WORKERS));
  const budgetMs = Number(process.env.FRAMESCOPE_PINNED_PROVENANCE_BUDGET_MS);
  return {
    workers: Number.isFinite(workers) && workers >= 1 ? workers : 1,
    budgetMs: Number.isFinite(budgetMs) && budgetMs > 0 ? budgetMs : 60 * 60_000,
  };
}

/** A queue that runs at most `limit()` of its tasks at once, the others in the order they came. */
export interface Slots {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now and tasks waiting. */
  readonly running: number;
  readonly waiting: number;
}

/** Makes a queue that runs at most `limit()` tasks at once (read at each start, so a changed limit applies next). */
export function slots(limit: () => number): Slots {
  const queue: (() => void)[] = [];
  let running = 0;
  const next = () => {
    while (running < limit() && queue.length) {
      running++;
      queue.shift()!();
    }
  };
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push(() => {
          task()
            .then(resolve, reject)
            .finally(() => {
              running--;
              next();
            });
        });
        next();
      });
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
  };
}

// One queue per process: the production server, Next's bundled copy of this module and the proxy share it.
const KEY = Symbol.for('framescope.pinnedProvenanceSlots');
const shared: Slots = ((globalThis as Record<symbol, unknown>)[KEY] ??= slots(
  () => pinnedProvenanceLimits().workers,
)) as Slots;

const PROVENANCE_WORKER = path.join(process.cwd(), 'lib', 'server', 'provenanceWorker.ts');

// A fresh worker of lib/server/provenanceWorker.ts.
const startDefault = () =>
  new Worker(PROVENANCE_WORKER, {
    ...WORKER_OPTIONS,
    workerData: PROVENANCE_WORKER_DATA,
    resourceLimits: { maxOldGenerationSizeMb: workerHeapMb(process.env.FRAMESCOPE_WORKER_HEAP_MB, totalmem()) },
  });

/**
 * Makes a pinned version's encoded provenance on a fresh worker, once a slot is free; rejects with what went wrong,
 * naming the version (`where`), when the worker fails, stops, cannot start, or runs past the budget (then it is ended).
 */
export function provenanceOnWorker(
  job: PinnedProvenanceJob,
  where: string,
  // A factory, as lib/corpus/offThread.ts runWorker takes: tests start a worker of their own.
  start: () => Worker = startDefault,
  queue: Slots = shared,
): Promise<Uint8Array> {
  return queue.run(() =>
    onWorker(job, [job.packed.ints.buffer as ArrayBuffer], where, 'provenance', start, (r: PinnedProvenanceReply) =>
      'bytes' in r ? r.bytes : new Error(`${where}: its provenance could not be made: ${r.error}`),
    ),
  );
}

/**
 * Clusters a large version's stories on a fresh worker from its snapshot (the store lacks them: a pinned old version,
 * or one prepared before stories were stored), in the same queue and budget as provenance.
 */
export function storiesOnWorker(
  job: PinnedStoriesJob,
  where: string,
  start: () => Worker = startDefault,
  queue: Slots = shared,
): Promise<Story[]> {
  return queue.run(() =>
    onWorker(job, [], where, 'stories', start, (r: PinnedStoriesReply) =>
      'stories' in r ? r.stories : new Error(`${where}: its stories could not be made: ${r.error}`),
    ),
  );
}

function onWorker<R, T>(
  job: unknown,
  transfer: ArrayBuffer[],
  where: string,
  what: string,
  start: () => Worker,
  read: (reply: R) => T | Error,
): Promise<T> {
  const budgetMs = pinnedProvenanceLimits().budgetMs;
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = start();
    } catch (e) {
      reject(new Error(`${where}: the worker that makes its ${what} could not start: ${(e as Error).message}`));
      return;
    }
    let settled = false;
    const end = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      finish();
    };
    const budget =
      budgetMs < 60_000 ? `${Math.round(budgetMs / 100) / 10}-second` : `${Math.round(budgetMs / 6_000) / 10}-minute`;
    const timer = setTimeout(
      () =>
        end(() =>
          reject(
            new Error(
              `${where}: its ${what} took longer than the ${budget} budget and was stopped; open the current version, or raise FRAMESCOPE_PINNED_PROVENANCE_BUDGET_MS`,
            ),
          ),
        ),
      budgetMs,
    );
    worker.once('message', (r: R) =>
      end(() => {
        const got = read(r);
        if (got instanceof Error) reject(got);
        else resolve(got);
      }),
    );
    worker.once('error', (e) => end(() => reject(new Error(`${where}: its ${what} worker failed: ${e.message}`))));
    worker.once('exit', (code) =>
      end(() => reject(new Error(`${where}: its ${what} worker stopped (exit code ${code}) before answering`))),
    );
    worker.postMessage(job, transfer);
  });
}
