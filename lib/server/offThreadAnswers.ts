import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runWorker } from '../corpus/offThread';
import type { Finder, TextQuery } from './vocabulary';

/**
 * Vocabulary tables and search answers made on a worker thread with a time budget, so that no request counts a corpus:
 * the first request of an answer starts its worker and is told "counting" (the proxy answers 503 with Retry-After);
 * later requests find it running, then ready. Answers are kept per corpus version (its fingerprint is in every key)
 * on globalThis, because the proxy and the pages are separate bundled copies of this module in one process. An answer
 * that runs past its budget is stopped and stays refused for FAILED_MS, with a message saying how to narrow it.
 */

/** What a worker is asked: a view's vocabulary table, or the occurrences of a term or search in a view's text. */
export type AnswerJob =
  | { kind: 'table'; corpus: string; version: string | null; query: TextQuery }
  | {
      kind: 'occurrences';
      corpus: string;
      version: string | null;
      query: TextQuery;
      members: string[] | null;
      finder: Finder;
    };

/** Where an answer is: ready, being made since a time (ms since the epoch), or refused with a reason. */
export type Answer<T> =
  { state: 'ready'; value: T } | { state: 'counting'; since: number } | { state: 'failed'; message: string };

/** Time budget of one answer (FRAMESCOPE_ANSWER_BUDGET_MS overrides it): 2 minutes, about 2× a 100k-article count. */
export function answerBudgetMs(): number {
  return Math.max(1, Number(process.env.FRAMESCOPE_ANSWER_BUDGET_MS) || 120_000);
}

/**
 * Characters of analysed text up to which an answer is made on the request thread all the same
 * (FRAMESCOPE_ANSWER_HERE_CHARS overrides it): 4 million, about 2.7× FA-KES (1.5 million), where counting takes well
 * under a second and a worker would spend longer opening the corpus than the answer takes. Larger corpora go to a
 * worker.
 */
export function answerHereChars(): number {
  const v = Number(process.env.FRAMESCOPE_ANSWER_HERE_CHARS);
  return Number.isFinite(v) && process.env.FRAMESCOPE_ANSWER_HERE_CHARS !== '' && v >= 0 ? v : 4_000_000;
}

/** How long a refused answer stays refused before a request may try again. */
export const FAILED_MS = 5 * 60_000;
const MAX_READY = 48;

type Entry =
  | { state: 'ready'; value: unknown }
  | { state: 'counting'; since: number }
  | { state: 'failed'; message: string; at: number };

/**
 * Answer workers running at once (FRAMESCOPE_ANSWER_WORKERS overrides it): 1, because each opens the whole corpus
 * version (its analyses in memory, as large as the server's); later answers wait their turn, still "counting", and
 * their budget starts when their worker does.
 */
export function answerWorkers(): number {
  return Math.max(1, Math.floor(Number(process.env.FRAMESCOPE_ANSWER_WORKERS)) || 1);
}

type Shared = { registry: Map<string, Entry>; running: number; queue: (() => void)[] };
const KEY = Symbol.for('framescope.offThreadAnswers');
const shared: Shared = ((globalThis as Record<symbol, unknown>)[KEY] ??= {
  registry: new Map(),
  running: 0,
  queue: [],
}) as Shared;
const registry = shared.registry;

// Runs a worker's job now, or when one of the running ones has finished.
function schedule(run: () => Promise<void>): void {
  const go = () => {
    shared.running++;
    void run().finally(() => {
      shared.running--;
      shared.queue.shift()?.();
    });
  };
  if (shared.running < answerWorkers()) go();
  else shared.queue.push(go);
}

const WORKER = path.join(process.cwd(), 'lib', 'server', 'answerWorker.ts');
const OPTIONS = { execArgv: ['--require', 'tsx/cjs'], workerData: { framescopeAnswer: true } };

function keep(key: string, e: Entry): void {
  registry.delete(key);
  registry.set(key, e);
  // Refusals are kept for FAILED_MS only, so the map holds no more of them than a few minutes of requests make.
  for (const [k, x] of registry) if (x.state === 'failed' && Date.now() - x.at >= FAILED_MS) registry.delete(k);
  if (e.state !== 'ready') return;
  const ready = [...registry].filter(([, x]) => x.state === 'ready');
  for (const [k] of ready.slice(0, Math.max(0, ready.length - MAX_READY))) registry.delete(k);
}

/** A worker's answer: the corpus version it read (fingerprint) and its part, or why it failed. */
export type WorkerPart = { fingerprint: string; error?: undefined; [field: string]: unknown } | { error: string };

/** How an answer is made: what the kept value is, how to make it without a worker, and why a stopped one was. */
export interface AnswerMaking<T> {
  /** The kept value from the worker's part. */
  decode: (part: Record<string, unknown>) => T;
  /** The answer made on this thread, when no worker can start. */
  here: () => T;
  /** Why an answer past its budget was stopped, and how to narrow it. */
  tooLong: (seconds: number) => string;
  budgetMs?: number;
  start?: () => Worker;
}

/** The answer under `keyOf(fingerprint)`: ready, or started on a worker (the job) and counting, or refused. */
export function answerOffThread<T>(
  fingerprint: string,
  keyOf: (fingerprint: string) => string,
  job: AnswerJob,
  how: AnswerMaking<T>,
): Answer<T> {
  const { decode, here, tooLong, budgetMs = answerBudgetMs(), start = () => new Worker(WORKER, OPTIONS) } = how;
  const key = keyOf(fingerprint);
  const e = registry.get(key);
  if (e?.state === 'ready') return { state: 'ready', value: e.value as T };
  if (e?.state === 'counting') return e;
  if (e?.state === 'failed' && Date.now() - e.at < FAILED_MS) return { state: 'failed', message: e.message };
  const since = Date.now();
  keep(key, { state: 'counting', since });
  let answered = false;
  schedule(() =>
    runWorker<WorkerPart>(
      job,
      budgetMs,
      (_, part) => {
        answered = true;
        if (typeof part.error === 'string') {
          keep(key, { state: 'failed', message: part.error, at: Date.now() });
          return;
        }
        // The corpus may have changed since the request: the answer is kept under the version the worker read.
        registry.delete(key);
        keep(keyOf(part.fingerprint as string), { state: 'ready', value: decode(part) });
      },
      start,
    ).then((end) => {
      if (end.stopped !== null)
        keep(key, {
          state: 'failed',
          message:
            end.why === 'time' ? tooLong(budgetMs / 1000) : 'stopped the worker that was making it (out of memory?)',
          at: Date.now(),
        });
      else if (!answered) keep(key, { state: 'ready', value: here() });
    }),
  );
  return { state: 'counting', since };
}

/** Forgets every kept answer (tests; running and queued workers still finish). */
export function forgetAnswers(): void {
  registry.clear();
}
