import path from 'node:path';
import type { Counter } from '../vocabulary/table';
import { storedTextCounter } from '../vocabulary/whole';
import {
  analyseInto,
  analysisPool,
  BATCH,
  provenanceInto,
  recordVersionOffThread,
  storiesInto,
  talliesInto,
  vocabularyInto,
  type AnalysisPool,
} from './analyse';
import { hasStories, storiesKey } from './storiesJob';
import type { Article, Lexicon } from '../types';
import { availableParallelism } from 'node:os';
import type { StoreScope } from './types';
import { versionListingSteps, type ListedCorpus } from './versionListing';
import { currentStore, STORE_ROOT } from './current';
import { hasProvenance } from './derived';
import { hasTallies, talliesKeyOf } from './tallies';
import { hasTimeCells } from './timeCells';
import { hasCorpusIndex } from './corpusIndex';
import { hasMentionPostings } from './mentionPostings';
import { hasDrillCounts } from './drillCounts';
import { hasSentenceKinds } from './sentenceKinds';
import { hasProvenanceSummary } from './provenanceSummary';
import { hasProvenancePages } from './provenancePages';
import { corpusFingerprintAsync } from '../corpus/fingerprint';
import { hasVocabulary, hasWordIndex } from './vocabularyJob';
import type { Progress } from './progress';
import { preparationOf, registry, type Preparation } from './preparations';
import { timedStage } from './stageTimes';

export { preparationOf, type Preparation };

/**
 * A view asked for a corpus that has no analysed version to show yet: says how far the analysis is, so a page can say
 * "analysing N of M articles" instead of hanging.
 */
export class AnalysingError extends Error {
  constructor(readonly progress: Progress) {
    super(
      progress.stage === 'provenance'
        ? `Corpus "${progress.corpus}": every article is analysed, and the provenance this view reads is still being computed; reload in a moment.`
        : progress.stage === 'stories'
          ? `Corpus "${progress.corpus}": every article is analysed, and the stories this view reads are still being found; reload in a moment.`
          : progress.stage === 'loading'
            ? `Corpus "${progress.corpus}": this view reads the version's article text and analyses, which are being read into memory (${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} articles); reload in a moment.`
            : `Corpus "${progress.corpus}" is being analysed: ${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} articles done. Its views appear when every article is analysed; reload in a moment.`,
    );
    this.name = 'AnalysingError';
  }
}

/**
 * Runs a preparation of a corpus that others can watch (progress on /manage, the analysing page); a second call for a
 * corpus that is being prepared waits for the running one and then runs. Resolves when `run` has; rejects as it does.
 */
export async function tracked(
  corpus: string,
  version: string,
  run: (p: Preparation) => Promise<void>,
): Promise<Preparation> {
  while (registry.get(corpus) && !registry.get(corpus)!.finished) await settled(corpus);
  const p: Preparation = { corpus, version, done: 0, total: 0, error: null, finished: false };
  registry.set(corpus, p);
  try {
    await run(p);
    return p;
  } catch (e) {
    p.error = (e as Error).message;
    throw e;
  } finally {
    p.finished = true;
  }
}

/**
 * Analyses a corpus's articles that the store lacks under a lexicon on workers, counting progress into `p` and, when
 * given, the analysed articles' vocabulary into `counted`.
 */
export async function analyseCorpus(
  p: Preparation,
  articles: readonly Article[],
  lexicon: Lexicon,
  onProgress?: (done: number, total: number) => void,
  pool?: AnalysisPool,
  counted?: Counter,
): Promise<void> {
  p.total = articles.length;
  await analyseInto(
    currentStore(),
    p.corpus,
    articles,
    lexicon,
    (done, total) => {
      p.done = articles.length - total + done;
      onProgress?.(done, total);
    },
    pool,
    counted,
  );
  p.done = p.total;
}

/**
 * Starts recording a corpus folder's version and making its missing analyses on worker threads, then its tallies and
 * provenance, unless that is already running (a failure is recorded in the preparation and logged). Never blocks the
 * caller.
 */
export function prepareInBackground(corpusDir: string, version: string): Preparation {
  const corpus = path.basename(corpusDir);
  const running = registry.get(corpus);
  if (running && !running.finished) return running;
  const p: Preparation = { corpus, version, done: 0, total: 0, error: null, finished: false };
  registry.set(corpus, p);
  // setImmediate: the request that noticed the change is answered before the corpus is read.
  setImmediate(() => {
    void (async () => {
      try {
        // A folder changed by hand becomes a kept version (on a worker), as a writer's change does.
        await recordVersionOffThread(corpusDir, true).catch((e: Error) =>
          console.error(`corpus ${corpus}: its version was not recorded (${e.message})`),
        );
        await completeCorpus(p, corpusDir);
      } catch (e) {
        p.error = (e as Error).message;
        console.error(`corpus ${corpus}: background analysis failed: ${p.error}`);
      } finally {
        p.finished = true;
      }
    })();
  });
  return p;
}

/**
 * Makes what the store lacks for a corpus folder's current version: the analyses of its articles (on workers), its
 * tallies with the folder's index (what a restart reads), then its vocabulary table and its provenance (each on a worker
 * of its own, unless stored). Does nothing else when all are stored. `counted`: vocabulary counts of articles analysed earlier in
 * the same run (a streamed import's batches); those analysed here are added to it. With `parallel` (the CLI, where no
 * request shares the cores) provenance runs beside the tallies, vocabulary and stories instead of after them; the
 * stored data is the same, and when both fail the tallies' error is thrown. The version is listed without its text
 * (lib/store/versionListing.ts); only the articles whose analysis is missing are read, `chunk` at a time.
 */
export async function completeCorpus(
  p: Preparation,
  corpusDir: string,
  counted?: Counter,
  { parallel = false, chunk = MISSING_CHUNK }: { parallel?: boolean; chunk?: number } = {},
): Promise<void> {
  // The version without its text (at 1,000,000 articles the text alone is about 4 GB): only the articles whose
  // analysis is missing are read, a chunk at a time.
  const listing = await timedStage('list-corpus', () => inSteps(versionListingSteps(corpusDir, STORE_ROOT)));
  const { corpus: c, keys, version } = listing;
  p.stage = 'analyses';
  const vocabulary = counted ?? storedTextCounter(c.lexicon.groups);
  const scope = { corpus: p.corpus, lexicon: listing.scope.lexicon };
  await timedStage('analyses', () => analyseMissing(p, c, keys, scope, vocabulary, chunk));
  const store = currentStore();
  const dates = c.articles.map((a) => a.date);
  const tallied = async () => {
    p.stage = 'tallies';
    if (
      !hasTallies(store, scope, talliesKeyOf(c, version)) ||
      !hasMentionPostings(store, scope, version) ||
      !hasDrillCounts(store, scope, version) ||
      !hasTimeCells(store, scope, talliesKeyOf(c, version)) ||
      !hasCorpusIndex(store, scope, await corpusFingerprintAsync(corpusDir))
    )
      await timedStage('tallies-job', () => talliesInto(corpusDir, STORE_ROOT, c.lexicon));
    // From here views that need no provenance serve this version (lib/server/bundles.ts). The vocabulary table is made
    // first (seconds), so that the explorer's table does not wait behind the rest; then the stories (about 85 s at
    // 100,000 articles: views that read them wait), then, unless it runs beside them, provenance (its views wait).
    p.stage = 'provenance';
    const stories = !hasStories(store, scope, storiesKey(version, dates));
    if (!hasVocabulary(store, scope, version) || !hasWordIndex(store, scope, version))
      await timedStage('vocabulary-job', () =>
        vocabularyInto(corpusDir, STORE_ROOT, c.lexicon, vocabulary, { stories }),
      );
    else if (stories) await timedStage('stories-job', () => storiesInto(corpusDir, STORE_ROOT));
  };
  const provenance = async () => {
    if (
      !hasProvenance(store, scope, version) ||
      !hasSentenceKinds(store, scope, version) ||
      !hasProvenanceSummary(store, scope, version) ||
      !hasProvenancePages(store, scope, version)
    )
      await timedStage('provenance-job', () => provenanceInto(corpusDir, STORE_ROOT));
  };
  if (!parallel) {
    await tallied();
    await provenance();
    return;
  }
  // Both run to their end even when one fails, so a failed provenance still leaves the tallies and table stored.
  const [t, v] = await Promise.allSettled([tallied(), provenance()]);
  if (t.status === 'rejected') throw t.reason;
  if (v.status === 'rejected') throw v.reason;
}

// Articles read and analysed at a time when a version's analyses are missing (a hand edit, a new lexicon): the
// preparation's `chunk` unless a test asks for another.
const MISSING_CHUNK = 5000;

// Analyses the listed articles whose analysis the store lacks, their texts read a chunk at a time, on one pool of
// workers; progress counts the stored ones as done, as analyseCorpus does.
async function analyseMissing(
  p: Preparation,
  corpus: ListedCorpus,
  keys: readonly string[],
  scope: StoreScope,
  counted: Counter,
  chunk: number,
): Promise<void> {
  const store = currentStore();
  const stored = store.stored(scope, keys);
  const seen = new Set<string>();
  const missing: number[] = [];
  keys.forEach((k, i) => {
    if (stored.has(k) || seen.has(k)) return;
    seen.add(k);
    missing.push(i);
  });
  p.total = keys.length;
  p.done = keys.length - missing.length;
  if (missing.length === 0) return;
  const pool = analysisPool(corpus.lexicon, Math.min(availableParallelism(), Math.ceil(missing.length / BATCH)));
  try {
    for (let from = 0; from < missing.length; from += chunk) {
      const base = p.done;
      const articles = corpus.articlesAt(missing.slice(from, from + chunk));
      await analyseInto(store, p.corpus, articles, corpus.lexicon, (done) => (p.done = base + done), pool);
      p.done = base + articles.length;
    }
    const made = await pool.collect();
    if (made) counted.merge(made.counts(corpus.lexicon.groups.map((g) => g.id)));
    else counted.lossy = true;
  } finally {
    await pool.close();
  }
}

// Runs a generator's steps to its end, giving the event loop back between them.
async function inSteps<T>(steps: Generator<number, T, void>): Promise<T> {
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Whether an error is an AnalysingError (also one thrown by another bundled copy of this module). */
export function isAnalysing(e: unknown): e is AnalysingError {
  return e instanceof Error && e.name === 'AnalysingError' && 'progress' in e;
}

/** Resolves when the corpus's running preparation (if any) has finished. */
export async function settled(corpus: string): Promise<Preparation | undefined> {
  while (registry.get(corpus) && !registry.get(corpus)!.finished) await new Promise((r) => setTimeout(r, 20));
  return registry.get(corpus);
}
