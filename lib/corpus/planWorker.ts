// Worker entry (worker_threads) for the heavy steps of an import or upload: planning (cleaning) records and analysing
// preview articles, one item at a time, announcing each before it starts so that the thread that started the worker
// can stop an item that runs past its time budget. See lib/corpus/offThread.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { compileEngine } from '../analysis/article';
import { planImport, type PlanOptions } from '../importing/plan';
import type { ImportRecord } from '../importing/records';
import type { Article, Lexicon } from '../types';
import { previewOf } from './preview';

/** A planning job: the records, and what the corpus (and the records before these) already hold. */
export interface PlanJob {
  kind: 'plan';
  records: ImportRecord[];
  outlets: string[];
  groups: string[];
  hashes: [string, string][];
  options: PlanOptions;
  names: string[];
}

/** A preview job: articles to analyse with a lexicon. */
export interface PreviewJob {
  kind: 'preview';
  articles: Article[];
  lexicon: Lexicon;
}

// Only in a worker that offThread.ts started: never on a thread that merely imports this file's types.
if (parentPort && (workerData as { framescope?: boolean } | null)?.framescope)
  parentPort.on('message', (job: PlanJob | PreviewJob) => {
    const post = (m: unknown) => parentPort!.postMessage(m);
    if (job.kind === 'plan') {
      const state = { outlets: new Set(job.outlets), groups: new Set(job.groups), hashes: new Map(job.hashes) };
      const names = new Set(job.names);
      job.records.forEach((record, index) => {
        post({ kind: 'start', index });
        // Shared state: later records see this one's article and outlet, exactly as one planImport over the batch would.
        const part = planImport([record], state, job.options, names, true);
        for (const o of part.newOutlets) state.outlets.add(o);
        post({ kind: 'record', index, part });
      });
    } else {
      const engine = compileEngine(job.lexicon);
      job.articles.forEach((article, index) => {
        post({ kind: 'start', index });
        post({ kind: 'record', index, part: previewOf(article, engine) });
      });
    }
    post({ kind: 'done' });
  });
