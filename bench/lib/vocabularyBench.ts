import { analyzeArticle, compileEngine, type ArticleAnalysis } from '../../lib/analysis/article';
import { DEFAULT_OPTIONS } from '../../lib/analysis/aggregate';
import type { Article, Lexicon } from '../../lib/types';
import { keepLexiconReading, lexiconReading, vocabularyAnswer } from '../../lib/vocabulary/answer';
import { DEFAULT_SCORE } from '../../lib/vocabulary/score';
import { countVocabulary, DEFAULT_LIMITS, type VocabularyTable } from '../../lib/vocabulary/table';
import { decodeTable, encodeTable } from '../../lib/vocabulary/tableCodec';
import { articleTextsOf } from '../../lib/vocabulary/texts';
import { countInto, storedTextCounter } from '../../lib/vocabulary/whole';

/** The vocabulary table of analysed articles under the default filters (all voices and sections, all text). */
export function benchTable(analyses: readonly ArticleAnalysis[], lexicon: Lexicon, outlets: string[]): VocabularyTable {
  return countVocabulary(
    articleTextsOf(analyses, lexicon.groups, null, DEFAULT_OPTIONS),
    outlets,
    lexicon.groups.map((g) => g.id),
    DEFAULT_LIMITS,
  );
}

/** How much counting adds to the engine's time, in percent (rounded to one decimal). */
export function addedPct(vocabularyMs: number, engineMs: number): number {
  return Math.round((vocabularyMs / engineMs) * 1000) / 10;
}

/** An uncached explorer answer: the first outlet against the rest, every n-gram scored; returns the rows scored. */
export function explorerAnswer(table: VocabularyTable, lexicon: Lexicon): number {
  const [a, ...rest] = table.outlets;
  return vocabularyAnswer(lexicon, table, [a], rest, DEFAULT_SCORE, null).rows.length;
}

/** The bytes the store keeps for a table (derived data "vocabulary"): the table and its lexicon reading, as a worker writes them. */
export function storedBytes(table: VocabularyTable, lexicon: Lexicon): Uint8Array {
  return encodeTable(table, lexiconReading(table, lexicon));
}

/**
 * An uncached explorer answer through the stored table, as the server makes it: the bytes decoded (a fresh table, so
 * nothing is cached), then the first outlet scored against the rest; returns the rows scored.
 */
export function storedExplorerAnswer(bytes: Uint8Array, lexicon: Lexicon): number {
  const stored = decodeTable(bytes);
  if (!stored) throw new Error('the stored vocabulary table could not be decoded');
  if (stored.reading) keepLexiconReading(stored.table, stored.reading);
  return explorerAnswer(stored.table, lexicon);
}

/**
 * The analysis worker's pass over the same articles twice, in batches as it gets them: analysing only, then analysing
 * and counting each batch's vocabulary in the same pass into the worker's counter (lib/store/analyseBatch.ts, packing
 * left out of both) and handing the counts over at the end, one thread, after a warm-up of each; returns the
 * milliseconds of each pass and the n-grams the second counted.
 */
export function countingCost(
  articles: readonly Article[],
  lexicon: Lexicon,
  batch = 250,
): { analyseMs: number; countedMs: number; ngrams: number } {
  const engine = compileEngine(lexicon);
  const pass = (list: readonly Article[], count: boolean) => {
    const counter = count ? storedTextCounter(lexicon.groups) : null;
    const t = performance.now();
    for (let i = 0; i < list.length; i += batch) {
      const part = list.slice(i, i + batch);
      const analyses = part.map((a) => analyzeArticle(a, engine));
      if (counter)
        countInto(
          counter,
          analyses,
          part.map((a) => a.id),
          lexicon.groups,
        );
    }
    const counts = counter?.counts(lexicon.groups.map((g) => g.id));
    return { ms: performance.now() - t, ngrams: counts ? counts.n.reduce((s, x) => s + x, 0) : 0 };
  };
  const warm = articles.slice(0, Math.min(200, articles.length));
  pass(warm, false);
  pass(warm, true);
  const analyse = pass(articles, false);
  const counted = pass(articles, true);
  return { analyseMs: analyse.ms, countedMs: counted.ms, ngrams: counted.ngrams };
}
