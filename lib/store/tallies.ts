import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { ArticleAnalysis } from '../analysis/article';
import { fillMonthTallies, monthTallies, type MonthTallies } from '../analysis/monthTallies';
import { tallyByOutlet, type OutletTally } from '../analysis/tallies';
import type { Corpus } from '../types';
import type { AnalysisStore, StoreScope } from './types';

/** The derived-data kind of a corpus version's tallies (lib/store/derived.ts names the others). */
export const TALLIES = 'tallies';

/**
 * What the first view and every date range of one corpus version read instead of tallying its articles: the
 * per-outlet tallies of the whole corpus and of every calendar year and month (all made, none left for a request).
 */
export interface StoredTallies {
  byOutlet: Map<string, OutletTally>;
  months: MonthTallies;
}

/**
 * The key of a version's tallies: its version key (article keys in order, lexicon, engine) and every article's date,
 * since a changed date keeps the analysis (and the version key) but moves the article to another month.
 */
export function talliesKey(version: string, dates: readonly (string | null)[]): string {
  const h = createHash('sha1').update(`${version}\0`);
  for (const d of dates) h.update(`${d ?? '-'}\0`);
  return h.digest('hex').slice(0, 16);
}

/** The tallies key of a corpus version (its articles' dates, in corpus order). */
export function talliesKeyOf(corpus: Pick<Corpus, 'articles'>, version: string): string {
  return talliesKey(
    version,
    corpus.articles.map((a) => a.date),
  );
}

/** Makes a version's tallies from its analyses (in corpus order): the whole corpus and every year and month. */
export function makeTallies(corpus: Corpus, analyses: ArticleAnalysis[]): StoredTallies {
  const months = fillMonthTallies(monthTallies(corpus, analyses), analyses);
  return { byOutlet: tallyByOutlet(analyses, months.attributed), months };
}

/** The stored tallies under a key, or null when none are stored or they cannot be read (made again then). */
export function readTallies(store: AnalysisStore, scope: StoreScope, key: string): StoredTallies | null {
  const bytes = store.readDerived(scope, TALLIES, key);
  if (!bytes) return null;
  try {
    const t = deserialize(bytes) as StoredTallies;
    return t && t.byOutlet instanceof Map && t.months?.years instanceof Map ? t : null;
  } catch {
    // Another Node version's serializer, or cut short: the next preparation makes them again.
    return null;
  }
}

/** Whether a version's tallies are stored. */
export function hasTallies(store: AnalysisStore, scope: StoreScope, key: string): boolean {
  return store.hasDerived(scope, TALLIES, key);
}

/** Stores a version's tallies whole. */
export function putTallies(store: AnalysisStore, scope: StoreScope, key: string, t: StoredTallies): Promise<void> {
  return store.putDerived(scope, TALLIES, key, serialize(t));
}
