import type { ArticleAnalysis } from '../../lib/analysis/article';
import { DEFAULT_OPTIONS } from '../../lib/analysis/aggregate';
import type { Lexicon } from '../../lib/types';
import { vocabularyAnswer } from '../../lib/vocabulary/answer';
import { DEFAULT_SCORE } from '../../lib/vocabulary/score';
import { countVocabulary, DEFAULT_LIMITS, type VocabularyTable } from '../../lib/vocabulary/table';
import { articleTextsOf } from '../../lib/vocabulary/texts';

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
