// Worker entry (worker_threads) for a lexicon edit's preview: analyses every article with the edited lexicon and sends
// back the counts, as one item so that the thread that started it can stop it when it runs past its time budget. See
// lib/lexicon/countOffThread.ts and lib/corpus/offThread.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeArticle, compileEngine } from '../analysis/article';
import type { Article, Lexicon } from '../types';
import { countMentions } from './countChange';

/** A counting job: the corpus's articles and the lexicon to count them with. */
export interface CountJob {
  kind: 'lexicon-counts';
  articles: Article[];
  lexicon: Lexicon;
}

// Only in a worker that offThread.ts started: never on a thread that merely imports this file's types.
if (parentPort && (workerData as { framescope?: boolean } | null)?.framescope)
  parentPort.on('message', (job: CountJob) => {
    const post = (m: unknown) => parentPort!.postMessage(m);
    post({ kind: 'start', index: 0 });
    const engine = compileEngine(job.lexicon);
    const counts = countMentions(job.articles.map((a) => analyzeArticle(a, engine)));
    post({ kind: 'record', index: 0, part: [...counts] });
    post({ kind: 'done' });
  });
