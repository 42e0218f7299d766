// Worker entry (worker_threads) for the vocabulary and search answers the store cannot give: it opens the corpus
// version as the server does (lib/server/bundles.ts, analyses read from the store), counts a view's vocabulary table or
// finds a search's occurrences, and sends the answer back in runWorker's start/record/done messages, so the thread that
// started it can stop it at its time budget. See lib/server/offThreadAnswers.ts.
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { encodeTable } from '../vocabulary/tableCodec';
import { lexiconReading } from '../vocabulary/answer';
import { bundleFor } from './bundles';
import type { AnswerJob } from './offThreadAnswers';
import { articleTexts, countedTable, occurrences } from './vocabulary';

// Only in a worker that offThreadAnswers.ts started: never on a thread that merely imports this file.
if (parentPort && (workerData as { framescopeAnswer?: boolean } | null)?.framescopeAnswer) {
  // This worker may read what the store lacks in memory, as tests and scripts do: it is off the request thread.
  process.env.FRAMESCOPE_BACKGROUND_ANALYSIS = '';
  parentPort.on('message', (job: AnswerJob) => {
    const post = (m: unknown, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
    post({ kind: 'start', index: 0 });
    try {
      answer(job, post);
    } catch (e) {
      post({ kind: 'record', index: 0, part: { error: (e as Error).message } });
    }
    post({ kind: 'done' });
  });
}

function answer(job: AnswerJob, post: (m: unknown, transfer?: ArrayBuffer[]) => void): void {
  const { bundle } = bundleFor(job.corpus, job.version);
  const fingerprint = `${path.basename(bundle.dir)}|${bundle.fingerprint}`;
  if (job.kind === 'table') {
    const table = countedTable(bundle, job.query);
    const bytes = encodeTable(table, lexiconReading(table, bundle.corpus.lexicon));
    post({ kind: 'record', index: 0, part: { fingerprint, bytes } });
  } else {
    const titles = new Map(bundle.corpus.articles.map((a) => [a.id, a.title]));
    const found = occurrences(
      articleTexts(bundle, job.query),
      bundle.corpus.outlets.map((o) => o.id),
      titles,
      job.members ? new Set(job.members) : null,
      job.finder,
    );
    post({ kind: 'record', index: 0, part: { fingerprint, found } });
  }
}
