import type { Article, Corpus } from '../types';

/** What the month index reads of a corpus: its lexicon and each article's id and date (never its text). */
export type DatedCorpus = Pick<Corpus, 'lexicon'> & { articles: readonly Pick<Article, 'id' | 'date'>[] };
import type { ArticleAnalysis } from './article';
import { attributedGroups } from './aggregate';
import { dateKept, type DateRange } from './filters';
import { addToOutlet, mergeTallies, type OutletTally } from './tallies';

/**
 * A calendar year's or month's dated articles: positions in the analyses, first and last date, and their per-outlet
 * tallies, made the first time a range covers the whole block (null until then).
 */
interface Block {
  byOutlet: Map<string, OutletTally> | null;
  positions: number[];
  first: string;
  last: string;
}

/** A year with its months (`YYYY-MM`). */
interface Year extends Block {
  months: Map<string, Block>;
}

/**
 * Per-outlet tallies of each calendar year's and month's articles, kept per corpus version, so a date range sums the
 * whole years and months it covers (tallies are additive) and tallies only the articles of the months it cuts. A
 * block is tallied the first time a range covers it whole: the first range costs about what tallying its articles
 * costs, later ones reuse the blocks.
 */
export interface MonthTallies {
  /** How many analyses (from the start of the list) are indexed; a list that grew is extended, not rebuilt. */
  size: number;
  /** Each indexed analysis's date (null: undated), by position. */
  dates: (string | null)[];
  /** Years by `YYYY`, in the order first seen. */
  years: Map<string, Year>;
  attributed: Set<string>;
}

/** An empty index for a corpus (its lexicon says which groups' labels are attributed to actors). */
export function emptyMonthTallies(corpus: Pick<Corpus, 'lexicon'>): MonthTallies {
  return { size: 0, dates: [], years: new Map(), attributed: attributedGroups(corpus) };
}

function place(block: Block, i: number, date: string, a: ArticleAnalysis, attributed: Set<string>): void {
  block.positions.push(i);
  if (date < block.first) block.first = date;
  if (date > block.last) block.last = date;
  // A block already tallied takes the new article in; one not yet tallied will count it when it is.
  if (block.byOutlet) addToOutlet(block.byOutlet, a, attributed);
}

/**
 * Adds the analyses the index has not seen (those past `size`) to their year and month; dates are read from the
 * corpus's articles by id. Returns the same index.
 */
export function extendMonthTallies(
  index: MonthTallies,
  corpus: DatedCorpus,
  analyses: ArticleAnalysis[],
): MonthTallies {
  if (analyses.length < index.size)
    throw new Error(
      `the month index holds ${index.size} analyses but the list has ${analyses.length}: build a new index for a list that shrank`,
    );
  if (analyses.length === index.size) return index;
  const dateOf = new Map(corpus.articles.map((a) => [a.id, a.date]));
  for (let i = index.size; i < analyses.length; i++)
    placeNext(index, analyses[i], dateOf.get(analyses[i].id) ?? null, false);
  return index;
}

// Adds one analysis at position `size` to its year and month; a block it opens is tallied from the start when `tallied`.
function placeNext(index: MonthTallies, a: ArticleAnalysis, date: string | null, tallied: boolean): void {
  const i = index.size++;
  index.dates.push(date);
  if (date === null) return;
  const opened = () => (tallied ? new Map<string, OutletTally>() : null);
  let year = index.years.get(date.slice(0, 4));
  if (!year)
    index.years.set(
      date.slice(0, 4),
      (year = { byOutlet: opened(), positions: [], first: date, last: date, months: new Map() }),
    );
  let month = year.months.get(date.slice(0, 7));
  if (!month)
    year.months.set(date.slice(0, 7), (month = { byOutlet: opened(), positions: [], first: date, last: date }));
  place(year, i, date, a, index.attributed);
  place(month, i, date, a, index.attributed);
}

/**
 * Adds the next analyses (positions from `size` on), with their dates in the same order, to their years and months,
 * tallying each block as they come: the index monthTallies then fillMonthTallies make of the whole list, made a chunk at a
 * time by a write-time job that never holds every analysis. Start from emptyMonthTallies; an index with blocks not yet
 * tallied is refused (they would need the earlier analyses again). Returns the same index.
 */
export function addTalliedMonths(
  index: MonthTallies,
  analyses: readonly ArticleAnalysis[],
  dates: readonly (string | null)[],
): MonthTallies {
  if (dates.length !== analyses.length)
    throw new Error(`tallied months: ${analyses.length} analyses were given with ${dates.length} dates`);
  for (const year of index.years.values())
    if (!year.byOutlet || [...year.months.values()].some((m) => !m.byOutlet))
      throw new Error('tallied months: the index has blocks not tallied yet; fill it first (fillMonthTallies)');
  analyses.forEach((a, k) => placeNext(index, a, dates[k], true));
  return index;
}

/** The index of a corpus's analyses (dates and positions by year and month; tallies are made when first used). */
export function monthTallies(corpus: DatedCorpus, analyses: ArticleAnalysis[]): MonthTallies {
  return extendMonthTallies(emptyMonthTallies(corpus), corpus, analyses);
}

/**
 * Tallies every year and month of the index that is not tallied yet (what the write-time worker stores, so no range
 * tallies a block on a request). Returns the same index.
 */
export function fillMonthTallies(index: MonthTallies, analyses: ArticleAnalysis[]): MonthTallies {
  if (analyses.length !== index.size)
    throw new Error(`the month index holds ${index.size} analyses but ${analyses.length} were given: extend it first`);
  for (const year of index.years.values()) {
    tallyBlock(year, analyses, index.attributed);
    for (const month of year.months.values()) tallyBlock(month, analyses, index.attributed);
  }
  return index;
}

function tallyBlock(b: Block, analyses: ArticleAnalysis[], attributed: Set<string>): void {
  if (b.byOutlet) return;
  b.byOutlet = new Map();
  for (const i of b.positions) addToOutlet(b.byOutlet, analyses[i], attributed);
}

// Walks the blocks a range touches in one fixed order: `whole` gets each year, then month, whose articles all lie in the
// range; `cut` each kept position of the months it cuts (ascending within a month). rangeTallies and cutPositions both
// walk this way, so a cut tally made from cutPositions adds its articles in the order rangeTallies would.
function walk(index: MonthTallies, range: DateRange, whole: (b: Block) => void, cut: (i: number) => void): void {
  const inside = (b: Block) => dateKept(b.first, range) && dateKept(b.last, range);
  const outside = (b: Block) =>
    (range.to !== null && b.first > range.to) || (range.from !== null && b.last < range.from);
  for (const year of index.years.values()) {
    if (outside(year)) continue;
    if (inside(year)) {
      whole(year);
      continue;
    }
    for (const month of year.months.values()) {
      if (outside(month)) continue;
      if (inside(month)) whole(month);
      // A month the range cuts adds the articles it keeps.
      else for (const i of month.positions) if (dateKept(index.dates[i], range)) cut(i);
    }
  }
}

/**
 * The positions of the articles a range keeps in the months it cuts (those neither wholly in nor out of it), in the
 * order rangeTallies adds them: all a cut tally passed to it must be made from, so a server reads only these articles.
 */
export function cutPositions(index: MonthTallies, range: DateRange): number[] {
  const out: number[] = [];
  walk(
    index,
    range,
    () => {},
    (i) => out.push(i),
  );
  return out;
}

/**
 * The outlet tallies of the articles dated in a range: the tallies of every year, then every month, whose articles
 * all lie in the range (made and kept in the index on first use), summed, plus a fresh tally of the in-range articles
 * of the months the range cuts. Equal to a fresh tally of the same articles (counts, sums and histograms; maps may
 * list their keys in another order). `cutTally`, when given, is that fresh tally of the cut months' articles
 * (cutPositions, added in that order) made by the caller from those articles alone; it is read, never changed.
 */
export function rangeTallies(
  index: MonthTallies,
  analysesOrLoad: ArticleAnalysis[] | (() => ArticleAnalysis[]),
  range: DateRange,
  cutTally?: ReadonlyMap<string, OutletTally>,
): Map<string, OutletTally> {
  // A function is called only if a block must be tallied or a month is cut without a cut tally: stored blocks of whole
  // years and months need no analysis at all (the first view after a restart has none loaded).
  let list: ArticleAnalysis[] | null = typeof analysesOrLoad === 'function' ? null : analysesOrLoad;
  const analyses = () => (list ??= (analysesOrLoad as () => ArticleAnalysis[])());
  const whole = new Map<string, OutletTally[]>();
  const cut = new Map<string, OutletTally>();
  const take = (b: Block) => {
    if (!b.byOutlet) tallyBlock(b, analyses(), index.attributed);
    for (const [outlet, t] of b.byOutlet!) {
      const list = whole.get(outlet);
      if (list) list.push(t);
      else whole.set(outlet, [t]);
    }
  };
  walk(index, range, take, cutTally ? () => {} : (i) => addToOutlet(cut, analyses()[i], index.attributed));
  const cuts: ReadonlyMap<string, OutletTally> = cutTally ?? cut;
  const out = new Map<string, OutletTally>();
  for (const outlet of new Set([...whole.keys(), ...cuts.keys()])) {
    const parts = [...(whole.get(outlet) ?? []), ...(cuts.has(outlet) ? [cuts.get(outlet)!] : [])];
    out.set(outlet, mergeTallies(parts));
  }
  return out;
}
