import type { DateRange } from '../analysis/filters';
import { cutPositions, type MonthTallies } from '../analysis/monthTallies';
import { addToOutlet, type OutletTally } from '../analysis/tallies';
import { LOAD_STEP } from '../corpus/load';
import { AnalysingError } from '../store/prepare';
import type { ArticleAlone } from './bundles';
import { drillHereArticles } from './drillLimit';

/**
 * Reads some articles of a corpus version (positions in its article order) with their stored analyses, LOAD_STEP at a
 * time; null, or a generator that returns null, when one cannot be read alone (articlesAt in bundles.ts).
 */
export type ReadArticles = (
  at: readonly number[],
  progress: { done: number },
) => Generator<void, ArticleAlone[] | null, void> | null;

interface CutRead {
  progress: { done: number };
  total: number;
  /** The cut months' tally; null when an article could not be read alone; undefined while being read. */
  tally: Map<string, OutletTally> | null | undefined;
  error: Error | null;
}

// Per bundle, the cut tallies of its most recent ranges, on globalThis: the proxy's and the pages' copies of this module
// must find the same read (the one the proxy started is the one the page then finds done).
const CUTS = Symbol.for('framescope.cutMonths');
const reads = ((globalThis as Record<symbol, unknown>)[CUTS] ??= new WeakMap()) as WeakMap<
  object,
  Map<string, CutRead>
>;
// Any range can be asked for; a cut tally is a few outlets' tallies, so a few dozen ranges cost little.
const MAX_CUTS = 32;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The tally of the articles a date range keeps in the months it cuts (cutPositions: what rangeTallies adds to the
 * stored whole years and months), read from those articles alone, never the whole text: at once for up to
 * drillHereArticles() articles, else in the background in steps (throws an AnalysingError at the loading stage,
 * counting those articles, until they are read). Kept per `owner` (a bundle) and range. Null when the articles cannot
 * be read alone (a bundle not read from the folder's index, an article edited since): then the whole text is read.
 */
export function cutMonthTallies(
  owner: object,
  corpus: string,
  months: MonthTallies,
  range: DateRange,
  read: ReadArticles,
): ReadonlyMap<string, OutletTally> | null {
  const key = `${range.from ?? ''}/${range.to ?? ''}`;
  let cache = reads.get(owner);
  if (!cache) reads.set(owner, (cache = new Map()));
  const hit = cache.get(key);
  if (hit?.tally !== undefined) return hit.tally;
  if (hit?.error) {
    // Told once; the next view that asks reads again (the folder may have been mended meanwhile).
    cache.delete(key);
    throw hit.error;
  }
  if (hit) throw new AnalysingError({ corpus, done: hit.progress.done, total: hit.total, stage: 'loading' });
  if (!read([], { done: 0 })) return null;
  const at = cutPositions(months, range);
  const entry: CutRead = { progress: { done: 0 }, total: at.length, tally: undefined, error: null };
  const steps = tallySteps(at, entry.progress, months.attributed, read);
  if (cache.size >= MAX_CUTS) cache.delete(cache.keys().next().value!);
  cache.set(key, entry);
  if (at.length <= drillHereArticles()) {
    try {
      for (let r = steps.next(); ; r = steps.next()) if (r.done) return (entry.tally = r.value);
    } catch (e) {
      cache.delete(key);
      throw e;
    }
  }
  void (async () => {
    try {
      // setImmediate: the request that asked is answered (with the loading page) before the first step runs.
      for (let r = (await yieldToLoop(), steps.next()); ; r = steps.next()) {
        if (r.done) {
          entry.tally = r.value;
          break;
        }
        await yieldToLoop();
      }
    } catch (e) {
      entry.error = e as Error;
      console.error(
        `corpus ${corpus}: the articles of the months a date range cuts were not read: ${entry.error.message}`,
      );
    }
  })();
  throw new AnalysingError({ corpus, done: 0, total: at.length, stage: 'loading' });
}

// Tallies the articles LOAD_STEP at a time, in the order given (rangeTallies' order, so sums add up as its own would),
// keeping only the tally: a large cut never holds its analyses at once.
function* tallySteps(
  at: readonly number[],
  progress: { done: number },
  attributed: Set<string>,
  read: ReadArticles,
): Generator<void, Map<string, OutletTally> | null, void> {
  const tally = new Map<string, OutletTally>();
  for (let s = 0; s < at.length; s += LOAD_STEP) {
    if (s > 0) yield;
    const part = at.slice(s, s + LOAD_STEP);
    const steps = read(part, { done: 0 });
    // One LOAD_STEP of articles: read in one step.
    const got = steps && (yield* steps);
    if (!got) return null;
    for (const r of got) addToOutlet(tally, r.analysis, attributed);
    progress.done += part.length;
  }
  return tally;
}
