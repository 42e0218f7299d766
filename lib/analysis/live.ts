import { InputError } from '../errors';
import type { AnalysisOptions, Article, Corpus } from '../types';
import {
  articleRows,
  assembleExport,
  attributedGroups,
  exportStats,
  type ArticleRow,
  type ExportRows,
} from './aggregate';
import { analyzeArticle, compileEngine, type ArticleAnalysis, type Engine } from './article';
import type { AnalysisExport, MentionRow } from './exportTypes';
import { addToOutlet, tallyByOutlet, type OutletTally } from './tallies';

/**
 * A corpus kept analysed as it grows: per-article analyses, additive per-outlet tallies and, for each option
 * set asked for so far, the export's rows. Adding an article costs its own analysis plus the statistics,
 * which are read off the tallies, never the whole corpus.
 */
export interface LiveCorpus {
  corpus: Corpus;
  engine: Engine;
  analyses: ArticleAnalysis[];
  attributed: Set<string>;
  byOutlet: Map<string, OutletTally>;
  /** Rows built so far, one set per voice and scope, with the options they were built under. */
  rows: Map<string, RowSet>;
  ids: Set<string>;
}

/**
 * One option set's rows, kept per article and only ever appended to (built when an export's rows are first
 * read): an export reads the first n articles' rows, which later additions never change, so it copies nothing.
 */
interface RowSet {
  options: AnalysisOptions;
  articles: ArticleRow[];
  mentions: MentionRow[][];
}

const rowsKey = (o: AnalysisOptions) => `${o.voice}/${o.scope}`;

function sameArticle(a: Article, b: Article): boolean {
  return (
    a.outlet === b.outlet &&
    a.segments.length === b.segments.length &&
    a.segments.every((s, i) => s.section === b.segments[i].section && s.text === b.segments[i].text)
  );
}

/**
 * Analyses a corpus, reusing the analyses of a previous state for articles whose outlet and text are unchanged
 * when the lexicon is the same (a new version after an upload re-analyses only the new articles).
 */
export function liveCorpus(corpus: Corpus, previous?: LiveCorpus): LiveCorpus {
  const reuse =
    previous && JSON.stringify(previous.corpus.lexicon) === JSON.stringify(corpus.lexicon) ? previous : undefined;
  const engine = reuse?.engine ?? compileEngine(corpus.lexicon);
  const before = new Map(
    reuse ? reuse.corpus.articles.map((a, i) => [a.id, { article: a, analysis: reuse.analyses[i] }]) : [],
  );
  const analyses = corpus.articles.map((a) => {
    const old = before.get(a.id);
    return old && sameArticle(old.article, a) ? old.analysis : analyzeArticle(a, engine);
  });
  return liveOf(corpus, analyses, engine);
}

/**
 * A live corpus from analyses made elsewhere (worker threads), with their outlet tallies when those were summed there
 * too.
 */
export function liveOf(
  corpus: Corpus,
  analyses: ArticleAnalysis[],
  engine = compileEngine(corpus.lexicon),
  byOutlet?: Map<string, OutletTally>,
): LiveCorpus {
  const attributed = attributedGroups(corpus);
  return {
    corpus,
    engine,
    analyses,
    attributed,
    byOutlet: byOutlet ?? tallyByOutlet(analyses, attributed),
    rows: new Map(),
    ids: new Set(corpus.articles.map((a) => a.id)),
  };
}

/**
 * Analyses new articles and adds them to the live corpus (its tallies and every row set built so far); returns their
 * analyses.
 */
export function addArticles(live: LiveCorpus, articles: Article[], version: string): ArticleAnalysis[] {
  const ids = new Set<string>();
  const outlets = new Set(live.corpus.outlets.map((o) => o.id));
  for (const a of articles) {
    if (live.ids.has(a.id) || ids.has(a.id))
      throw new InputError(
        `article ${a.id}`,
        'an article with this id is already in the corpus',
        'give the new article another id',
      );
    if (!outlets.has(a.outlet))
      throw new InputError(`article ${a.id}`, `outlet "${a.outlet}" is not in the corpus`, 'add the outlet first');
    ids.add(a.id);
  }
  for (const id of ids) live.ids.add(id);
  live.corpus = { ...live.corpus, articles: [...live.corpus.articles, ...articles], version };
  const added = articles.map((a) => analyzeArticle(a, live.engine));
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const a of added) {
    live.analyses.push(a);
    addToOutlet(live.byOutlet, a, live.attributed);
    for (const set of live.rows.values()) appendTo(set, a, byId.get(a.id));
  }
  return added;
}

function appendTo(set: RowSet, a: ArticleAnalysis, source: Article | undefined): void {
  const r = articleRows(a, source, set.options);
  set.articles.push(r.article);
  set.mentions.push(r.mentions);
}

function rowSet(live: LiveCorpus, o: AnalysisOptions): RowSet {
  let set = live.rows.get(rowsKey(o));
  if (!set) {
    set = { options: o, articles: [], mentions: [] };
    const byId = new Map(live.corpus.articles.map((x) => [x.id, x]));
    for (const a of live.analyses) appendTo(set, a, byId.get(a.id));
    live.rows.set(rowsKey(o), set);
  }
  return set;
}

/**
 * The rows of the first n articles under the options, made (once) when first read; later additions never change them.
 */
function rowsUpTo(live: LiveCorpus, o: AnalysisOptions, n: number): ExportRows {
  let articles: ArticleRow[] | undefined;
  let mentions: MentionRow[] | undefined;
  return {
    get articles() {
      return (articles ??= rowSet(live, o).articles.slice(0, n));
    },
    get mentions() {
      if (!mentions) {
        const set = rowSet(live, o);
        mentions = [];
        for (let i = 0; i < n; i++) for (const m of set.mentions[i]) mentions.push(m);
      }
      return mentions;
    },
  };
}

/**
 * The export of the live corpus under the options: statistics from the tallies; the per-article and per-mention
 * rows are listed when first read (a download or an article list, not a chart), as they stood when the export was made.
 */
export function liveExport(live: LiveCorpus, o: AnalysisOptions): AnalysisExport {
  return assembleExport(exportStats(live.corpus, live.byOutlet, o), rowsUpTo(live, o, live.analyses.length));
}
