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
export function runWorker<P>(
  job: PlanJob | PreviewJob | { kind: string },
  budgetMs: number,
  onPart: (index: number, part: P) => void,
  // A factory rather than a file name: the bundler resolves `new Worker(<constant>)` but reads a variable path as
  // "any file of the project" and fails the production build.
  start: () => Worker = () => new Worker(WORKER, WORKER_OPTIONS),
): Promise<RunEnd> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = start();
    } catch {
      resolve({ stopped: null });
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    let current: number | null = null;
    let settled = false;
    const finish = (r: RunEnd) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    worker.on('message', (m: Message<P>) => {
      if (m.kind === 'start') {
        current = m.index;
        clearTimeout(timer);
        timer = setTimeout(() => finish({ stopped: m.index, why: 'time' }), budgetMs);
      } else if (m.kind === 'record') {
        clearTimeout(timer);
        current = null;
        onPart(m.index, m.part);
      } else finish({ stopped: null });
    });
    // A worker that cannot load (no tsx, e.g. under `next dev`) falls back to planning here; one that dies inside a
    // record (out of memory) stops at that record, which is rejected, and a fresh worker goes on after it.
    const died = () => finish(current === null ? { stopped: null } : { stopped: current, why: 'crash' });
    worker.on('error', died);
    worker.on('exit', died);
    worker.postMessage(job);
  });
}

/**
 * Plans records like planImport, but in a worker thread when the batch is large (at least minBytes of text), so the
 * server keeps answering while it cleans; a record that takes longer than the budget is stopped and rejected with the
 * reason, and the records after it are planned by a fresh worker. Without a worker it plans here.
 */
export async function planOffThread(
  records: ImportRecord[],
  state: CorpusState,
  o: PlanOptions,
  names: Set<string>,
  limits = offThreadLimits(),
): Promise<ImportPlan> {
  let bytes = 0;
  for (const r of records) bytes += (r.text?.length ?? 0) + (r.title?.length ?? 0);
  if (bytes < limits.minBytes || records.length === 0) return planImport(records, state, o, names);
  const plan = emptyPlan();
  const outlets = new Set(state.outlets);
  const hashes = new Map(state.hashes);
  let next = 0;
  while (next < records.length) {
    const from = next;
    const job: PlanJob = {
      kind: 'plan',
      records: records.slice(from),
      outlets: [...outlets],
      groups: [...(state.groups ?? [])],
      hashes: [...hashes],
      options: o,
      names: [...names],
    };
    const r = await runWorker<ImportPlan>(job, limits.budgetMs, (index, part) => {
      mergePlan(plan, part);
      for (const a of part.articles) hashes.set(part.hashes.get(a.id) ?? articleHash(a), a.id);
      for (const x of part.newOutlets) outlets.add(x);
      next = from + index + 1;
    });
    if (r.stopped === null) {
      // Finished, or no worker: whatever is left is planned here.
      if (next < records.length)
        mergePlan(plan, planImport(records.slice(next), { outlets, groups: state.groups, hashes }, o, names));
      break;
    }
    const at = from + r.stopped;
    const reason =
      r.why === 'time'
        ? `took longer than ${limits.budgetMs / 1000} s to clean and check, so it was skipped (split it into smaller articles, or raise FRAMESCOPE_RECORD_BUDGET_MS)`
        : 'stopped the worker that was cleaning it (out of memory?), so it was skipped (split it into smaller articles)';
    plan.rejected.push({ where: records[at].where, reason });
    next = at + 1;
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
