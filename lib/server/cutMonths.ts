import type { DateRange } from '../analysis/filters';
import { cutPositions, type MonthTallies } from '../analysis/monthTallies';
import { addToOutlet, type OutletTally } from '../analysis/tallies';
import { LOAD_STEP } from '../corpus/load';
import type { ArticleAlone } from './bundles';
import { backgroundReads } from './backgroundSteps';

/**
 * Reads some articles of a corpus version (positions in its article order) with their stored analyses, LOAD_STEP at a
 * time; null, or a generator that returns null, when one cannot be read alone (articlesAt in bundles.ts).
 */
export type ReadArticles = (
  at: readonly number[],
  progress: { done: number },
) => Generator<void, ArticleAlone[] | null, void> | null;

// Per bundle, the cut tallies of its most recent ranges. Any range can be asked for; a cut tally is a few outlets'
// tallies, so a few dozen ranges cost little.
const cuts = backgroundReads<Map<string, OutletTally> | null>(
  'cutMonths',
  32,
  'the articles of the months a date range cuts',
);

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
  return cuts.answer(owner, key, corpus, (progress) => {
    if (!read([], { done: 0 })) return null;
    const at = cutPositions(months, range);
    return { total: at.length, steps: tallySteps(at, progress, months.attributed, read) };
  });
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
