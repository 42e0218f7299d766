// Worker entry (worker_threads) for the heavy steps of an import or upload: planning (cleaning) records and analysing
// preview articles, one item at a time, announcing each before it starts so that the thread that started the worker
// can stop an item that runs past its time budget. See lib/corpus/offThread.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { compileEngine } from '../analysis/article';
import { emptyPlan, mergePlan, planImport, type PlanOptions } from '../importing/plan';
import type { ImportRecord } from '../importing/records';
import { ContentHashes } from '../importing/contentHashes';
import type { Article, Lexicon } from '../types';
import { previewOf } from './preview';

/**
 * A planning job: the records, and what the corpus (and the records before these) already hold. A worker kept for the
 * next job (a streamed import's batches) keeps `hashes` and gets only those added since; `batch` holds the hashes of
 * this batch's records planned by a worker stopped earlier, and is forgotten with this job's own after it.
 */
export interface PlanJob {
  kind: 'plan';
  records: ImportRecord[];
  outlets: string[];
  groups: string[];
  hashes: [string, string][];
  batch: [string, string][];
  /** Records (index in `records`) a worker was stopped on earlier: rejected with this reason, not planned again. */
  skips: [number, string][];
  options: PlanOptions;
  names: string[];
}

/**
 * A plan worker sends its records' plans merged, a group at a time (one message per record cost about a quarter of its
 * time), and announces each record before planning it, so a record over the budget is still stopped by itself.
 */
export const PLAN_FLUSH = { records: 200, ms: 100 };

/** A preview job: articles to analyse with a lexicon. */
export interface PreviewJob {
  kind: 'preview';
  articles: Article[];
  lexicon: Lexicon;
}

// Only in a worker that offThread.ts started: never on a thread that merely imports this file's types.
// The stored articles' content hashes, kept from job to job (a whole corpus's need not be copied in for every batch).
const kept = new ContentHashes();

if (parentPort && (workerData as { framescope?: boolean } | null)?.framescope)
  parentPort.on('message', (job: PlanJob | PreviewJob) => {
    const post = (m: unknown) => parentPort!.postMessage(m);
    if (job.kind === 'plan') {
      for (const [hash, id] of job.hashes) kept.set(hash, id);
      const state = { outlets: new Set(job.outlets), groups: new Set(job.groups), hashes: kept };
      const names = new Set(job.names);
      // This batch's own hashes are the main thread's to keep or drop (it may still reject an article it planned).
      const batch: string[] = [];
      for (const [hash, id] of job.batch) {
        kept.set(hash, id);
        batch.push(hash);
      }
      const skips = new Map(job.skips);
      let held = emptyPlan();
      let count = 0;
      let since = Date.now();
      job.records.forEach((record, index) => {
        const skip = skips.get(index);
        if (skip !== undefined) held.rejected.push({ where: record.where, reason: skip });
        else {
          post({ kind: 'start', index });
          // Shared state: later records see this one's article and outlet, exactly as one planImport over the batch
          // would.
          const part = planImport([record], state, job.options, names, true);
          for (const o of part.newOutlets) state.outlets.add(o);
          for (const hash of part.hashes.values()) batch.push(hash);
          mergePlan(held, part);
        }
        // The plans of the records up to `index` (since the last message), in order.
        if (++count >= PLAN_FLUSH.records || Date.now() - since >= PLAN_FLUSH.ms || index === job.records.length - 1) {
          // The files' bytes are moved, not copied: each has its own buffer (see articleFileBytes).
          parentPort!.postMessage(
            { kind: 'record', index, part: held },
            [...held.files.values()].map((b) => b.buffer as ArrayBuffer),
          );
          held = emptyPlan();
          count = 0;
          since = Date.now();
        }
      });
      for (const hash of batch) kept.delete(hash);
    } else {
      const engine = compileEngine(job.lexicon);
      job.articles.forEach((article, index) => {
        post({ kind: 'start', index });
        post({ kind: 'record', index, part: previewOf(article, engine) });
      });
    }
    post({ kind: 'done' });
  });
