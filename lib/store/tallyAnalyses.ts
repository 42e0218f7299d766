import type { ArticleAnalysis } from '../analysis/article';
import type { Article } from '../types';
import type { AnalysisStore, StoreScope } from './types';
import { articlesIn, type ListedCorpus } from './versionListing';

/**
 * Analyses the tallies job decodes at a time: it keeps of each only what its tallies, time cells, mention postings and
 * drill-down counts read, so it never holds every decoded analysis with its text at once (21 KB per article live
 * before, 20 GB at 1,000,000: bench/step-memory.ts).
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
 * The tally views of a version's analyses (corpus order, `keys` their article keys), read from the store `chunk` at a
 * time; `articles` are the version's articles, or a listed corpus whose texts are read a chunk at a time too. Throws
 * naming the first article with no stored analysis.
 */
export function readTallyAnalyses(
  store: AnalysisStore,
  scope: StoreScope,
  articles: readonly Article[] | ListedCorpus,
  keys: readonly string[],
  chunk = TALLY_READ_CHUNK,
): ArticleAnalysis[] {
  if (!Number.isInteger(chunk) || chunk < 1) throw new Error(`tally analyses: chunk ${chunk} must be 1 or more`);
  const out: ArticleAnalysis[] = new Array(keys.length);
  for (let from = 0; from < keys.length; from += chunk) {
    const to = Math.min(keys.length, from + chunk);
    const texts = 'articlesAt' in articles ? articlesIn(articles, from, to) : articles.slice(from, to);
    store.read(scope, texts, keys.slice(from, to)).forEach((a, k) => {
      if (!a)
        throw new Error(`${scope.corpus}: article ${texts[k].id} has no stored analysis, so its tallies wait for it`);
      out[from + k] = tallyView(a);
    });
  }
  return out;
}
