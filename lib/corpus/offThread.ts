import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  articleHash,
  emptyPlan,
  mergePlan,
  planImport,
  type CorpusState,
  type ImportPlan,
  type PlanOptions,
} from '../importing/plan';
import type { ImportRecord } from '../importing/records';
import { compileEngine } from '../analysis/article';
import type { Article, Lexicon } from '../types';
import type { PlanJob, PreviewJob } from './planWorker';
import { previewOf, type PreviewPart } from './preview';

/** Limits of planning off the request thread (FRAMESCOPE_RECORD_BUDGET_MS, FRAMESCOPE_OFFTHREAD_BYTES override them). */
export function offThreadLimits(): { budgetMs: number; minBytes: number } {
  return {
    budgetMs: Math.max(1, Number(process.env.FRAMESCOPE_RECORD_BUDGET_MS) || 10_000),
    minBytes: Math.max(0, Number(process.env.FRAMESCOPE_OFFTHREAD_BYTES ?? 262_144)),
  };
}

type Message<P> = { kind: 'start'; index: number } | { kind: 'record'; index: number; part: P } | { kind: 'done' };

// The worker runs the TypeScript source through tsx's require hook, as `npm start` and `npm run import` do.
const WORKER = path.join(process.cwd(), 'lib', 'corpus', 'planWorker.ts');

/** How a worker run ended: all done, failed to start (plan here instead), or stopped at a record (time or crash). */
export type RunEnd = { stopped: null } | { stopped: number; why: 'time' | 'crash' };

/** How our worker threads start: a TypeScript file run under tsx, marked as one of ours. */
export const WORKER_OPTIONS = { execArgv: ['--require', 'tsx/cjs'], workerData: { framescope: true } };

/**
 * Runs one worker over records until it finishes, fails to start, or a record runs past the budget or crashes it; the
 * worker (this module's planWorker.ts unless `start` makes another) speaks the start/record/done messages.
 */
export async function runWorker<P>(
  job: PlanJob | PreviewJob | { kind: string },
  budgetMs: number,
  onPart: (index: number, part: P) => void,
  // A factory rather than a file name: the bundler resolves `new Worker(<constant>)` but reads a variable path as
  // "any file of the project" and fails the production build.
  start: () => Worker = startPlanWorker,
): Promise<RunEnd> {
  let worker: Worker;
  try {
    worker = start();
  } catch {
    return { stopped: null };
  }
  return (await runOn(worker, job, budgetMs, onPart, false)).end;
}

function startPlanWorker(): Worker {
  return new Worker(WORKER, WORKER_OPTIONS);
}

/**
 * Runs one job on a started worker (see runWorker). With `keep`, a worker that answered `done` is left running for the
 * next job (`alive`); any other end terminates it.
 */
function runOn<P>(
  worker: Worker,
  job: PlanJob | PreviewJob | { kind: string },
  budgetMs: number,
  onPart: (index: number, part: P) => void,
  keep: boolean,
): Promise<{ end: RunEnd; alive: boolean }> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let current: number | null = null;
    let settled = false;
    const finish = (end: RunEnd, done: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', died);
      worker.off('exit', died);
      const alive = keep && done;
      if (alive) worker.unref();
      else void worker.terminate();
      resolve({ end, alive });
    };
    const onMessage = (m: Message<P>) => {
      if (m.kind === 'start') {
        current = m.index;
        clearTimeout(timer);
        timer = setTimeout(() => finish({ stopped: m.index, why: 'time' }, false), budgetMs);
      } else if (m.kind === 'record') {
        clearTimeout(timer);
        current = null;
        onPart(m.index, m.part);
      } else finish({ stopped: null }, true);
    };
    // A worker that cannot load (no tsx, e.g. under `next dev`) falls back to planning here; one that dies inside a
    // record (out of memory) stops at that record, which is rejected, and a fresh worker goes on after it.
    const died = () => finish(current === null ? { stopped: null } : { stopped: current, why: 'crash' }, false);
    worker.on('message', onMessage);
    worker.on('error', died);
    worker.on('exit', died);
    // A kept worker does not hold the process open between jobs, only while it works on one.
    worker.ref();
    worker.postMessage(job);
  });
}

/**
 * The plan worker of a streamed import, kept from batch to batch: it keeps the content hashes of the articles stored
 * before (the corpus's and earlier batches'), so each batch sends it only the hashes added since (`added`), not the
 * whole corpus's again, and no new worker starts per batch.
 */
export interface PlanSession {
  /** Hashes the import added to its state (article hash, id) that the kept worker has not been sent yet. */
  added: [string, string][];
  /** The kept worker, when one is running. */
  worker: Worker | null;
  /** Makes a plan worker (the default starts planWorker.ts). */
  start: () => Worker;
  /** Stops the kept worker. */
  close(): Promise<void>;
}

/** A plan session with no worker yet (the first large batch starts it). */
export function planSession(start: () => Worker = startPlanWorker): PlanSession {
  const s: PlanSession = {
    added: [],
    worker: null,
    start,
    async close() {
      const w = s.worker;
      s.worker = null;
      await w?.terminate();
    },
  };
  return s;
}

/**
 * Plans records like planImport, but in a worker thread when the batch is large (at least minBytes of text), so the
 * server keeps answering while it cleans; a record that takes longer than the budget is stopped and rejected with the
 * reason, and the records after it are planned by a fresh worker. Without a worker it plans here. With a session, the
 * worker is kept for the next batch (the caller adds the hashes it keeps of this batch to `session.added`).
 */
export async function planOffThread(
  records: ImportRecord[],
  state: CorpusState,
  o: PlanOptions,
  names: Set<string>,
  limits = offThreadLimits(),
  session: PlanSession | null = null,
): Promise<ImportPlan> {
  let bytes = 0;
  for (const r of records) bytes += (r.text?.length ?? 0) + (r.title?.length ?? 0);
  if (bytes < limits.minBytes || records.length === 0) return planImport(records, state, o, names);
  const plan = emptyPlan();
  const outlets = new Set(state.outlets);
  // This batch's articles planned so far (hash, id): a fresh worker after a stop is given them with the state's.
  const batch: [string, string][] = [];
  const start = session?.start ?? startPlanWorker;
  // Records a worker was stopped on (index → why): rejected in their place by the workers after, never planned again.
  const skipped = new Map<number, string>();
  // The first record whose plan has not come back (a worker sends them a group at a time: see PLAN_FLUSH).
  let next = 0;
  while (next < records.length) {
    const from = next;
    let worker = session?.worker ?? null;
    const fresh = !worker;
    if (!worker) {
      try {
        worker = start();
      } catch {
        break;
      }
    }
    const job: PlanJob = {
      kind: 'plan',
      records: records.slice(from),
      outlets: [...outlets],
      groups: [...(state.groups ?? [])],
      // A fresh worker holds nothing: the whole state; a kept one: what was added since its last batch.
      hashes: fresh ? [...state.hashes] : session!.added,
      batch: [...batch],
      skips: [...skipped].filter(([i]) => i >= from).map(([i, why]) => [i - from, why]),
      options: o,
      names: [...names],
    };
    if (session) session.added = [];
    const r = await runOn<ImportPlan>(
      worker,
      job,
      limits.budgetMs,
      (index, part) => {
        mergePlan(plan, part);
        for (const a of part.articles) batch.push([part.hashes.get(a.id) ?? articleHash(a), a.id]);
        for (const x of part.newOutlets) outlets.add(x);
        next = from + index + 1;
      },
      session !== null,
    );
    if (session) {
      session.worker = r.alive ? worker : null;
      // A kept worker that exits between batches (out of memory) is replaced by a fresh one at the next batch.
      if (r.alive && fresh) worker.once('exit', () => session.worker === worker && (session.worker = null));
    }
    // Finished, or the worker stopped outside a record (it could not load): whatever is left is planned here.
    if (r.end.stopped === null) break;
    // The records before it whose plans had not come back yet are planned again by the next worker.
    skipped.set(
      from + r.end.stopped,
      r.end.why === 'time'
        ? `took longer than ${limits.budgetMs / 1000} s to clean and check, so it was skipped (split it into smaller articles, or raise FRAMESCOPE_RECORD_BUDGET_MS)`
        : 'stopped the worker that was cleaning it (out of memory?), so it was skipped (split it into smaller articles)',
    );
  }
  if (next < records.length) {
    const hashes = new Map(state.hashes);
    for (const [hash, id] of batch) hashes.set(hash, id);
    const here = { outlets, groups: state.groups, hashes };
    // Planned in runs between the skipped records, each rejected in its place (as a worker does).
    let run: ImportRecord[] = [];
    const planRun = () => {
      const part = planImport(run, here, o, names, true);
      mergePlan(plan, part);
      for (const x of part.newOutlets) outlets.add(x);
      run = [];
    };
    for (let i = next; i < records.length; i++) {
      const why = skipped.get(i);
      if (why === undefined) run.push(records[i]);
      else {
        planRun();
        plan.rejected.push({ where: records[i].where, reason: why });
      }
    }
    planRun();
  }
  return plan;
}

/** One preview: the analysed text and mentions, or why the article was not analysed. */
export type Preview = PreviewPart | { skipped: string };

/**
 * Analyses articles for an upload preview, in a worker when their text is large (the same budget per article as
 * planning); an article over the budget gets a reason instead of a preview. Without a worker it analyses here.
 */
export async function previewOffThread(
  articles: Article[],
  lexicon: Lexicon,
  limits = offThreadLimits(),
): Promise<Preview[]> {
  let bytes = 0;
  for (const a of articles) for (const s of a.segments) bytes += s.text.length;
  const out: (Preview | undefined)[] = new Array(articles.length);
  let next = 0;
  while (bytes >= limits.minBytes && next < articles.length) {
    const from = next;
    const r = await runWorker<PreviewPart>(
      { kind: 'preview', articles: articles.slice(from), lexicon },
      limits.budgetMs,
      (index, part) => {
        out[from + index] = part;
        next = from + index + 1;
      },
    );
    if (r.stopped === null) break;
    out[from + r.stopped] = { skipped: `too long to preview within ${limits.budgetMs / 1000} s` };
    next = from + r.stopped + 1;
  }
  if (next < articles.length) {
    const engine = compileEngine(lexicon);
    for (let i = next; i < articles.length; i++) out[i] = previewOf(articles[i], engine);
  }
  return out as Preview[];
}
