/** Counting a corpus with an edited lexicon in a worker thread, with a time budget (the heavy half of a preview). */
import path from 'node:path';
import { analyzeArticle, compileEngine } from '../analysis/article';
import { Worker } from 'node:worker_threads';
import { runWorker, WORKER_OPTIONS } from '../corpus/offThread';
import type { Article, Lexicon } from '../types';
import { countMentions, type CountCell, type Counts } from './countChange';
import type { CountJob } from './previewWorker';

/** Time a lexicon preview may take (FRAMESCOPE_LEXICON_PREVIEW_MS overrides it). */
export function previewBudgetMs(): number {
  return Math.max(1, Number(process.env.FRAMESCOPE_LEXICON_PREVIEW_MS) || 30_000);
}

/** Why a preview could not be computed: it ran past its budget, its worker died, or another preview is running. */
export class PreviewStopped extends Error {
  constructor(
    readonly why: 'time' | 'crash' | 'busy',
    budgetMs: number,
  ) {
    super(
      why === 'time'
        ? `The preview took longer than ${budgetMs / 1000} s and was stopped. Save without a preview, or raise FRAMESCOPE_LEXICON_PREVIEW_MS.`
        : why === 'crash'
          ? 'The preview stopped its worker (out of memory?). Save without a preview, or try a smaller edit.'
          : 'Another preview is being counted. Try again in a few seconds.',
    );
    this.name = 'PreviewStopped';
  }
}

const WORKER = path.join(process.cwd(), 'lib', 'lexicon', 'previewWorker.ts');

// Each preview's worker holds a copy of the corpus's articles: one at a time keeps memory and cores bounded.
let running = false;

/**
 * The counts of `articles` under `lexicon`, computed in a worker thread within the budget (throws PreviewStopped past
 * it, or while another preview runs); where no worker can start (no tsx, e.g. `next dev`) they are computed here.
 */
export async function countOffThread(
  articles: Article[],
  lexicon: Lexicon,
  budgetMs = previewBudgetMs(),
): Promise<Counts> {
  if (running) throw new PreviewStopped('busy', budgetMs);
  running = true;
  try {
    let counts: Counts | null = null;
    const job: CountJob = { kind: 'lexicon-counts', articles, lexicon };
    const end = await runWorker<[string, CountCell][]>(
      job,
      budgetMs,
      (_i, part) => (counts = new Map(part)),
      () => new Worker(WORKER, WORKER_OPTIONS),
    );
    if (end.stopped !== null) throw new PreviewStopped(end.why, budgetMs);
    if (counts) return counts;
    const engine = compileEngine(lexicon);
    return countMentions(articles.map((a) => analyzeArticle(a, engine)));
  } finally {
    running = false;
  }
}
