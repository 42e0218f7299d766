import type { AnalysisOptions, Article, Corpus } from '../types';
import { articleLayout } from '../corpus/layout';
import { clusterStories, sharedStories, storyOfArticle, type Story } from '../stories/cluster';
import { membersOf } from '../view/model';
import { assembleExport, attributedGroups, exportRows, exportStats, type ExportRows } from './aggregate';
import type { ArticleAnalysis } from './article';
import type { AnalysisExport } from './exportTypes';
import { dateCounts, dateKept, hasDateRange, type DateCounts, type DateRange } from './filters';
import { extendMonthTallies, rangeTallies, type MonthTallies } from './monthTallies';
import { tallyByOutlet, type OutletTally } from './tallies';

/**
 * A view's slice of a corpus: the articles a date range and the "same stories only" mode keep, with their own
 * outlet tallies, so every statistic of a filtered view is computed from exactly the articles it counts.
 */
export interface ArticleSubset extends DateRange {
  /** Outlet or group ids compared on the stories all of them covered; null: every story and article. */
  shared: string[] | null;
}

/** The subset that keeps everything. */
export const WHOLE: ArticleSubset = { from: null, to: null, shared: null };

/** Whether a subset keeps every article. */
export function isWhole(s: ArticleSubset): boolean {
  return !hasDateRange(s) && s.shared === null;
}

/** A cache key of a subset (empty for the whole corpus). */
export function subsetKey(s: ArticleSubset): string {
  return isWhole(s) ? '' : `${s.from ?? ''}..${s.to ?? ''}|${s.shared?.join(',') ?? ''}`;
}

/** The articles a subset keeps, their tallies, and what it left out. */
export interface Slice {
  analyses: ArticleAnalysis[];
  byOutlet: Map<string, OutletTally>;
  dates: DateCounts;
  /** Under "same stories only": the stories every side covered, within the date range. */
  shared: { stories: number; articles: number } | null;
}

/** The stories of a corpus (text of every section), clustered once per corpus version by the caller. */
export function corpusStories(corpus: Corpus, analyses: ArticleAnalysis[]): Story[] {
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  return clusterStories(
    analyses.map((a) => {
      const meta = byId.get(a.id);
      return { id: a.id, outlet: a.outlet, title: meta?.title ?? a.id, date: meta?.date ?? null, text: a.text };
    }),
  );
}

/**
 * The stories of a corpus from its articles alone: the text each analysis holds is the article's layout text, so this
 * equals corpusStories without analysing or reading a stored analysis (a worker clusters a large version this way).
 */
export function corpusStoriesOfText(corpus: Pick<Corpus, 'articles'>): Story[] {
  return storiesOfTexts(corpus.articles, (i) => corpus.articles[i]);
}

/**
 * corpusStoriesOfText of articles given by their metadata, each one's text read by position (`articleAt`) each time
 * clustering reads it (four times), so no text need be held: a write-time job reads it from the article's file.
 */
export function storiesOfTexts(
  articles: readonly Pick<Article, 'id' | 'outlet' | 'title' | 'date'>[],
  articleAt: (i: number) => Article,
): Story[] {
  // The text is laid out each time clustering reads it rather than held beside the article's own segments: a second
  // copy of every text, 3.7 GB at 1,000,000 generated articles.
  return clusterStories(
    articles.map((a, i) => ({
      id: a.id,
      outlet: a.outlet,
      title: a.title,
      date: a.date,
      get text() {
        return articleLayout(articleAt(i)).text;
      },
    })),
  );
}

/**
 * Cuts a corpus's analyses down to a subset: first the date range, then (if asked) the stories all sides covered.
 * With the analyses' month index (same list), a date range alone sums its stored month tallies instead of tallying
 * every article in it again.
 */
export function sliceOf(
  corpus: Corpus,
  analyses: ArticleAnalysis[],
  s: ArticleSubset,
  stories: () => Story[],
  index?: MonthTallies,
): Slice {
  if (index && s.shared === null && hasDateRange(s))
    return rangeSlice(extendMonthTallies(index, corpus, analyses), analyses, s);
  const dateOf = new Map(corpus.articles.map((a) => [a.id, a.date]));
  const dates = dateCounts(
    analyses.map((a) => dateOf.get(a.id) ?? null),
    s,
  );
  let kept = analyses.filter((a) => dateKept(dateOf.get(a.id) ?? null, s));
  let shared: Slice['shared'] = null;
  if (s.shared) {
    const outletOf = new Map(kept.map((a) => [a.id, a.outlet]));
    const inRange = stories().map((st) => ({ ...st, articles: st.articles.filter((id) => outletOf.has(id)) }));
    const sides = s.shared.map((id) => new Set(membersOf(corpus, id)));
    const common = sharedStories(inRange, sides, outletOf);
    const allSides = new Set(sides.flatMap((x) => [...x]));
    // The articles of the shared stories by the compared outlets; other outlets' articles stay in (the whole
    // corpus's prior reads them; nothing in this mode compares against them).
    const ids = new Set(common.flatMap((st) => st.articles));
    kept = kept.filter((a) => ids.has(a.id) || !allSides.has(a.outlet));
    shared = {
      stories: common.length,
      articles: kept.filter((a) => allSides.has(a.outlet)).length,
    };
  }
  return { analyses: kept, byOutlet: tallyByOutlet(kept, attributedGroups(corpus)), dates, shared };
}

function rangeSlice(index: MonthTallies, analyses: ArticleAnalysis[], range: DateRange): Slice {
  const dates = dateCounts(index.dates, range);
  const kept = analyses.filter((_, i) => dateKept(index.dates[i], range));
  return { analyses: kept, byOutlet: rangeTallies(index, analyses, range), dates, shared: null };
}

/** Rows made once, when either list is first read. */
export function lazyRows(make: () => ExportRows): ExportRows {
  let rows: ExportRows | undefined;
  return {
    get articles() {
      return (rows ??= make()).articles;
    },
    get mentions() {
      return (rows ??= make()).mentions;
    },
  };
}

/** The export of a slice: statistics from its tallies, rows (made when read) from its articles. */
export function sliceExport(corpus: Corpus, slice: Slice, o: AnalysisOptions): AnalysisExport {
  return assembleExport(
    exportStats(corpus, slice.byOutlet, o),
    lazyRows(() => exportRows(corpus, slice.analyses, o)),
  );
}

/**
 * The export with the time fields added: the date range and what it left out, the stories with counted articles
 * (their article lists cut to those), and each article row's story. Rows stay lazy.
 */
export function withTimeFields(
  ex: AnalysisExport,
  range: DateRange,
  dates: DateCounts,
  stories: () => Story[],
): AnalysisExport {
  let articles: AnalysisExport['articles'] | undefined;
  let storyRows: NonNullable<AnalysisExport['stories']> | undefined;
  const rows = () => {
    if (!articles) {
      const storyOf = storyOfArticle(stories());
      articles = ex.articles.map((a) => ({ ...a, story: storyOf.get(a.id) ?? null }));
    }
    return articles;
  };
  const out = Object.create(null) as AnalysisExport;
  for (const key of Object.keys(ex) as (keyof AnalysisExport)[]) {
    if (key === 'articles') Object.defineProperty(out, key, { get: rows, enumerable: true });
    else if (key === 'mentions') Object.defineProperty(out, key, { get: () => ex.mentions, enumerable: true });
    else Object.defineProperty(out, key, { value: ex[key], enumerable: true });
  }
  Object.defineProperty(out, 'dateRange', {
    value: { from: range.from, to: range.to, articles: dates.kept, outside: dates.outside, undated: dates.undated },
    enumerable: true,
  });
  Object.defineProperty(out, 'stories', {
    get: () => {
      if (!storyRows) {
        const kept = new Set(rows().map((a) => a.id));
        const dateOf = new Map(rows().map((a) => [a.id, a.date]));
        storyRows = stories().flatMap((s) => {
          const ids = s.articles.filter((id) => kept.has(id));
          if (!ids.length) return [];
          const ds = ids.map((id) => dateOf.get(id) ?? s.from).sort();
          return [{ id: s.id, label: s.label, from: ds[0], to: ds[ds.length - 1], articles: ids }];
        });
      }
      return storyRows;
    },
    enumerable: true,
  });
  return out;
}
