import type { ArticleAnalysis } from '../analysis/article';
import type { Article } from '../types';
import type { AnalysisStore, StoreScope } from './types';
import { articlesIn, type ListedCorpus } from './versionListing';

/**
 * Analyses the tallies job decodes at a time: it folds each chunk's tally views into its makers and drops them, so it
 * never holds every analysis (21 KB per article live with their text, 9.2 KB as tally views: bench/step-memory.ts).
 */
export const TALLY_READ_CHUNK = 5000;

/**
 * An analysis as the tallies job's makers read it: its text, segments, quotes and actor hits, and its mentions' matched
 * text and actor cue, left empty (none of them reads these; lib/store/tallyAnalyses.test.ts checks the stored bytes).
 */
export function tallyView(a: ArticleAnalysis): ArticleAnalysis {
  return {
    ...a,
    text: '',
    segments: [],
    quotes: [],
    actorHits: [],
    mentions: a.mentions.map((m) => ({ ...m, text: '', actorCue: null })),
  };
}

/**
 * Reads a version's analyses (corpus order, `keys` their article keys) from the store `chunk` at a time and gives each
 * chunk's tally views to `visit` with the position of its first article, then drops them: what the tallies job folds
 * into its makers, so it never holds every analysis. `articles` are the version's articles, or a listed corpus whose
 * texts are read a chunk at a time too. Throws naming the first article with no stored analysis.
 */
export function eachTallyChunk(
  store: AnalysisStore,
  scope: StoreScope,
  articles: readonly Article[] | ListedCorpus,
  keys: readonly string[],
  visit: (views: ArticleAnalysis[], from: number) => void,
  chunk = TALLY_READ_CHUNK,
): void {
  if (!Number.isInteger(chunk) || chunk < 1) throw new Error(`tally analyses: chunk ${chunk} must be 1 or more`);
  for (let from = 0; from < keys.length; from += chunk) {
    const to = Math.min(keys.length, from + chunk);
    const texts = 'articlesAt' in articles ? articlesIn(articles, from, to) : articles.slice(from, to);
    const views = store.read(scope, texts, keys.slice(from, to)).map((a, k) => {
      if (!a)
        throw new Error(`${scope.corpus}: article ${texts[k].id} has no stored analysis, so its tallies wait for it`);
      return tallyView(a);
    });
    visit(views, from);
  }
}

/**
 * The tally views of a version's analyses, all at once (eachTallyChunk's chunks joined): for tests and callers that
 * need the whole list; throws as eachTallyChunk does.
 */
export function readTallyAnalyses(
  store: AnalysisStore,
  scope: StoreScope,
  articles: readonly Article[] | ListedCorpus,
  keys: readonly string[],
  chunk = TALLY_READ_CHUNK,
): ArticleAnalysis[] {
  const out: ArticleAnalysis[] = new Array(keys.length);
  eachTallyChunk(store, scope, articles, keys, (views, from) => views.forEach((v, k) => (out[from + k] = v)), chunk);
  return out;
}
