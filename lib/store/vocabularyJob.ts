import path from 'node:path';
import { loadCorpus } from '../corpus/load';
import { tableOfChunks, tableOfCounts } from '../vocabulary/whole';
import { decodeTable, encodeTable, type LexiconReading } from '../vocabulary/tableCodec';
import type { VocabularyCounts, VocabularyTable } from '../vocabulary/table';
import type { ArticleAnalysis } from '../analysis/article';
import type { Corpus } from '../types';
import { storeAt } from './current';
import { articleKey, lexiconKey, versionKey } from './keys';
import type { AnalysisStore, StoreScope } from './types';
import { WordIndexBuilder } from '../vocabulary/searchIndex';
import { hasWordIndex, putWordIndex } from './wordIndexParts';

/** The kind of derived data holding a corpus version's vocabulary table (lib/vocabulary/whole.ts: STORED_TEXT). */
export const VOCABULARY_KIND = 'vocabulary';

/** A corpus version's stored vocabulary table with its lexicon reading, or null when none is stored or readable. */
export function readVocabulary(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
): { table: VocabularyTable; reading: LexiconReading | null } | null {
  const bytes = store.readDerived(scope, VOCABULARY_KIND, version);
  return bytes ? decodeTable(bytes) : null;
}

/** Whether a corpus version's vocabulary table is stored. */
export function hasVocabulary(store: AnalysisStore, scope: StoreScope, version: string): boolean {
  return store.hasDerived(scope, VOCABULARY_KIND, version);
}

export { hasWordIndex, readWordIndex, WORD_INDEX_KIND } from './wordIndexParts';

/**
 * Articles whose analyses are decoded at once while a table is counted from the store: a bound on memory (about 400 MB
 * of decoded analyses) that still reads each segment file of the store once per chunk, not once per article (corpus
 * order is not the order analyses were stored in).
 */
export const READ_CHUNK = 10_000;

/**
 * Stores the vocabulary table of a corpus folder's current version (a worker's job: it reads the whole corpus).
 * With `counts` made while analysing (lib/store/analyseBatch.ts) that cover exactly the version's articles, the table
 * is merged from them: no article is read or tokenised again. Otherwise it is counted from the stored analyses, read
 * READ_CHUNK at a time, so only one chunk of decoded analyses is held (memory: the corpus's text, plus the counter's
 * bounded table, plus one chunk). Then its word index (lib/vocabulary/searchIndex.ts), from the stored analyses a
 * chunk at a time, stored in parts (lib/store/wordIndexParts.ts). Each is skipped when stored. Throws when an article has no stored analysis yet. Returns the version
 * key.
 */
export async function storeVocabulary(
  corpusDir: string,
  storeRoot: string,
  counts: VocabularyCounts | null = null,
): Promise<string> {
  const corpus = loadCorpus(corpusDir);
  const store = storeAt(storeRoot);
  const scope = { corpus: path.basename(corpusDir), lexicon: lexiconKey(corpus.lexicon) };
  const keys = corpus.articles.map(articleKey);
  const version = versionKey(keys, scope.lexicon);
  if (!hasVocabulary(store, scope, version)) {
    const { table, reading } =
      (counts && tableOfCounts(corpus, keys, counts)) ??
      tableOfChunks(corpus, storedChunks(store, scope, corpus, keys, 'its vocabulary'));
    await store.putDerived(scope, VOCABULARY_KIND, version, encodeTable(table, reading));
  }
  // The word index reads every analysis again, a chunk at a time: the counts made while analysing hold no positions.
  if (!hasWordIndex(store, scope, version)) {
    const builder = new WordIndexBuilder();
    for (const chunk of storedChunks(store, scope, corpus, keys, 'its word index'))
      for (const a of chunk) builder.add(a);
    await putWordIndex(store, scope, version, builder.finish());
  }
  return version;
}

function* storedChunks(
  store: AnalysisStore,
  scope: StoreScope,
  corpus: Corpus,
  keys: readonly string[],
  what: string,
): Generator<ArticleAnalysis[]> {
  for (let from = 0; from < keys.length; from += READ_CHUNK) {
    const articles = corpus.articles.slice(from, from + READ_CHUNK);
    const analyses = store.read(scope, articles, keys.slice(from, from + READ_CHUNK));
    const missing = analyses.findIndex((a) => a === null);
    if (missing >= 0)
      throw new Error(
        `${scope.corpus}: article ${articles[missing].id} has no stored analysis, so ${what} waits for it`,
      );
    yield analyses as ArticleAnalysis[];
  }
}
