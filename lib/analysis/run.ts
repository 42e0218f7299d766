import type { AnalysisOptions, Corpus } from '../types';
import { aggregate } from './aggregate';
import { analyzeArticle, compileEngine, type ArticleAnalysis } from './article';
import type { AnalysisExport } from './exportTypes';
import type { DateRange } from './filters';
import { corpusStories, sliceExport, sliceOf, withTimeFields } from './slice';

/** Analyses every article of a corpus with one compiled matcher (option-independent work, done once). */
export function analyzeArticles(corpus: Corpus): ArticleAnalysis[] {
  const engine = compileEngine(corpus.lexicon);
  return corpus.articles.map((a) => analyzeArticle(a, engine));
}

/** Analyses a corpus and builds its export under the given options. */
export function analyzeCorpus(corpus: Corpus, options: AnalysisOptions): AnalysisExport {
  return aggregate(corpus, analyzeArticles(corpus), options);
}

/**
 * The CLI's export: the articles dated in a range (all when it is open), with the date range, what it left out and
 * the stories, as the dashboard's export has them.
 */
export function analyzeCorpusIn(corpus: Corpus, options: AnalysisOptions, range: DateRange): AnalysisExport {
  const analyses = analyzeArticles(corpus);
  const subset = { ...range, shared: null };
  const slice = sliceOf(corpus, analyses, subset, () => corpusStories(corpus, analyses));
  return withTimeFields(sliceExport(corpus, slice, options), range, slice.dates, () => corpusStories(corpus, analyses));
}
