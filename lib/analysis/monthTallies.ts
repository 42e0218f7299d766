import type { Corpus } from '../types';
import type { ArticleAnalysis } from './article';
import { attributedGroups } from './aggregate';
import { dateKept, type DateRange } from './filters';
import { addToOutlet, mergeTallies, type OutletTally } from './tallies';

/**
 * One calendar month's dated articles: positions in the analyses, first and last date, and their per-outlet tallies,
 * made the first time a range covers the whole month (null until then).
 */
interface Month {
  byOutlet: Map<string, OutletTally> | null;
  positions: number[];
  first: string;
  last: string;
}

/**
 * Per-outlet tallies of each calendar month's articles, kept per corpus version, so a date range sums whole months
 * (tallies are additive) and tallies only the articles of the months it cuts. A month is tallied the first time a
 * range covers it whole, so the first range costs what tallying its articles costs and later ones reuse the months.
 */
export interface MonthTallies {
  /** How many analyses (from the start of the list) are indexed; a list that grew is extended, not rebuilt. */
  size: number;
  /** Each indexed analysis's date (null: undated), by position. */
  dates: (string | null)[];
  /** Months by `YYYY-MM`, in the order first seen. */
  months: Map<string, Month>;
  attributed: Set<string>;
}

/** An empty index for a corpus (its lexicon says which groups' labels are attributed to actors). */
export function emptyMonthTallies(corpus: Corpus): MonthTallies {
  return { size: 0, dates: [], months: new Map(), attributed: attributedGroups(corpus) };
}

/**
 * Adds the analyses the index has not seen (those past `size`) to their months; dates are read from the corpus's
 * articles by id. Returns the same index.
 */
export function extendMonthTallies(index: MonthTallies, corpus: Corpus, analyses: ArticleAnalysis[]): MonthTallies {
  if (analyses.length < index.size)
    throw new Error(
      `the month index holds ${index.size} analyses but the list has ${analyses.length}: build a new index for a list that shrank`,
    );
  if (analyses.length === index.size) return index;
  const dateOf = new Map(corpus.articles.map((a) => [a.id, a.date]));
  for (let i = index.size; i < analyses.length; i++) {
    const a = analyses[i];
    const date = dateOf.get(a.id) ?? null;
    index.dates.push(date);
    if (date === null) continue;
    const key = date.slice(0, 7);
    let m = index.months.get(key);
    if (!m) index.months.set(key, (m = { byOutlet: null, positions: [], first: date, last: date }));
    m.positions.push(i);
    if (date < m.first) m.first = date;
    if (date > m.last) m.last = date;
    // A month already tallied takes the new article in; one not yet tallied will count it when it is.
    if (m.byOutlet) addToOutlet(m.byOutlet, a, index.attributed);
  }
  index.size = analyses.length;
  return index;
}

/** The index of a corpus's analyses (dates and positions by month; month tallies are made when first used). */
export function monthTallies(corpus: Corpus, analyses: ArticleAnalysis[]): MonthTallies {
  return extendMonthTallies(emptyMonthTallies(corpus), corpus, analyses);
}

/**
 * The outlet tallies of the articles dated in a range: the tallies of every month whose articles all lie in the range
 * (made and kept in the index on first use), summed, plus a fresh tally of the in-range articles of the months the
 * range cuts. Equal to a fresh tally of the same articles (counts, sums and histograms; maps may list their keys in
 * another order).
 */
export function rangeTallies(
  index: MonthTallies,
  analyses: ArticleAnalysis[],
  range: DateRange,
): Map<string, OutletTally> {
  const whole = new Map<string, OutletTally[]>();
  const cut = new Map<string, OutletTally>();
  for (const m of index.months.values()) {
    const allIn = dateKept(m.first, range) && dateKept(m.last, range);
    if (allIn) {
      if (!m.byOutlet) {
        m.byOutlet = new Map();
        for (const i of m.positions) addToOutlet(m.byOutlet, analyses[i], index.attributed);
      }
      for (const [outlet, t] of m.byOutlet) {
        const list = whole.get(outlet);
        if (list) list.push(t);
        else whole.set(outlet, [t]);
      }
      continue;
    }
    // A month wholly outside the range adds nothing; one it cuts adds the articles it keeps.
    if (range.to !== null && m.first > range.to) continue;
    if (range.from !== null && m.last < range.from) continue;
    for (const i of m.positions) if (dateKept(index.dates[i], range)) addToOutlet(cut, analyses[i], index.attributed);
  }
  const out = new Map<string, OutletTally>();
  for (const outlet of new Set([...whole.keys(), ...cut.keys()])) {
    const parts = [...(whole.get(outlet) ?? []), ...(cut.has(outlet) ? [cut.get(outlet)!] : [])];
    out.set(outlet, mergeTallies(parts));
  }
  return out;
}
