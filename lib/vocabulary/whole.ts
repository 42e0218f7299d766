import type { ArticleAnalysis } from '../analysis/article';
import type { Filters } from '../analysis/filters';
import type { CorpusProvenance } from '../provenance/model';
import type { Corpus } from '../types';
import { lexiconReading } from './answer';
import { countVocabulary, DEFAULT_LIMITS, type VocabularyTable } from './table';
import type { LexiconReading } from './tableCodec';
import { articleTextsOf } from './texts';

/**
 * The text the store keeps a vocabulary table for: every voice, every section, all text, every article (the explorer's
 * default view). Other filters read other text and are counted when asked (lib/server/vocabulary.ts).
 */
export const STORED_TEXT: Required<Filters> = { voice: 'all', scope: 'all', provenance: 'all' };

/** Whether a view's filters read exactly the text the store keeps a table for (with no article subset). */
export function isStoredText(f: Filters): boolean {
  return f.voice === STORED_TEXT.voice && f.scope === STORED_TEXT.scope && (f.provenance ?? 'all') === 'all';
}

/**
 * The vocabulary table of a corpus's analyses (in corpus order) under the given filters, counted as a view counts it,
 * with its lexicon reading; `provenance` is needed only for a provenance filter.
 */
export function tableOf(
  corpus: Corpus,
  analyses: readonly ArticleAnalysis[],
  f: Filters = STORED_TEXT,
  provenance: CorpusProvenance | null = null,
): { table: VocabularyTable; reading: LexiconReading } {
  const table = countVocabulary(
    articleTextsOf(analyses, corpus.lexicon.groups, provenance, f),
    corpus.outlets.map((o) => o.id),
    corpus.lexicon.groups.map((g) => g.id),
    DEFAULT_LIMITS,
  );
  return { table, reading: lexiconReading(table, corpus.lexicon) };
}
