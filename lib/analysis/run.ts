import type { AnalysisOptions, Corpus } from '../types';
import { aggregate } from './aggregate';
import { analyzeArticle, compileEngine, type ArticleAnalysis } from './article';
import type { AnalysisExport } from './exportTypes';

/** Analyses every article of a corpus with one compiled matcher (option-independent work, done once). */
export function analyzeArticles(corpus: Corpus): ArticleAnalysis[] {
  const engine = compileEngine(corpus.lexicon);
  return corpus.articles.map((a) => analyzeArticle(a, engine));
}

/** Analyses a corpus and builds its export under the given options. */
export function analyzeCorpus(corpus: Corpus, options: AnalysisOptions): AnalysisExport {
  return aggregate(corpus, analyzeArticles(corpus), options);
}
