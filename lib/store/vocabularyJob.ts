import path from 'node:path';
import { loadCorpus } from '../corpus/load';
import { countsOfChunks, tableOfChunks, tableOfParts } from '../vocabulary/whole';
import { decodeTable, encodeTable, type LexiconReading } from '../vocabulary/tableCodec';
import type { VocabularyCounts, VocabularyTable } from '../vocabulary/table';
import type { ArticleAnalysis } from '../analysis/article';
import type { Article, Corpus } from '../types';
import { storeAt } from './current';
import { articleKey, lexiconKey, versionKey } from './keys';
import type { AnalysisStore, StoreScope } from './types';
import { WordIndexBuilder } from '../vocabulary/searchIndex';
import { hasWordIndex, putWordIndex, readWordIndex } from './wordIndexParts';
import { timedStage, timedStageSync } from './stageTimes';
import {
  addedPositions,
  previousAt,
  putIndexOrder,
  putLatestNgramCounts,
  readIndexOrder,
  readLatestNgramCounts,
} from './ngramCounts';
import { updateWordIndex } from '../vocabulary/indexUpdate';
import type { WordIndex } from '../vocabulary/searchIndex';

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
  const corpus = timedStageSync('vocabulary.load-corpus', () => loadCorpus(corpusDir));
  const store = storeAt(storeRoot);
  const scope = { corpus: path.basename(corpusDir), lexicon: lexiconKey(corpus.lexicon) };
  const keys = corpus.articles.map(articleKey);
  const version = versionKey(keys, scope.lexicon);
  if (!hasVocabulary(store, scope, version)) {
    const made = timedStageSync('vocabulary.table', () => versionTable(store, scope, corpus, keys, counts));
    await store.putDerived(scope, VOCABULARY_KIND, version, encodeTable(made.table, made.reading));
    // The counts the next version's table adds to (none when they were lossy: that table is counted whole again).
    if (made.counts)
      await timedStage('vocabulary.store-counts', () => putLatestNgramCounts(store, scope, made.counts!));
  }
  // The word index from the latest stored one and the added articles' analyses when it can be; else from every analysis.
  if (!hasWordIndex(store, scope, version))
    await timedStage('vocabulary.word-index', async () => {
      await putWordIndex(store, scope, version, versionWordIndex(store, scope, corpus, keys));
      await putIndexOrder(store, scope, { version, keys, dates: corpus.articles.map((a) => a.date) });
    });
  return version;
}

/**
 * A version's vocabulary table, made the cheapest exact way: from `counts` made while analysing when they cover the
 * version; else from the corpus's latest stored n-gram counts plus the counts of the articles the version adds to them
 * (the added articles' analyses read, no other), when the version keeps every counted article; else counted from every
 * stored analysis. With the whole counts the table was made from (null when only a lossy count was possible: it cannot
 * be added to exactly, and is made the way it always was).
 */
export function versionTable(
  store: AnalysisStore,
  scope: StoreScope,
  corpus: Corpus,
  keys: readonly string[],
  counts: VocabularyCounts | null,
): { table: VocabularyTable; reading: LexiconReading | null; counts: VocabularyCounts | null } {
  const groups = corpus.lexicon.groups;
  const fromRun = counts && tableOfParts(corpus, keys, [counts]);
  if (fromRun) return fromRun;
  const latest = readLatestNgramCounts(store, scope);
  const added = latest && addedPositions(latest.keys, keys);
  if (latest && added) {
    const addedKeys = added.map((i) => keys[i]);
    // The run's own counts stand for the added articles when they are exactly those (an import of new articles).
    const addedCounts =
      counts && addedPositions(counts.keys, addedKeys)?.length === 0
        ? counts
        : countsOfChunks(
            groups,
            storedChunks(
              store,
              scope,
              added.map((i) => corpus.articles[i]),
              addedKeys,
              'its vocabulary',
            ),
            addedKeys,
          );
    const made = tableOfParts(corpus, keys, [latest, addedCounts]);
    if (made) return made;
  }
  const whole = countsOfChunks(groups, storedChunks(store, scope, corpus.articles, keys, 'its vocabulary'), keys);
  const made = tableOfParts(corpus, keys, [whole]);
  if (made) return made;
  return {
    ...tableOfChunks(corpus, storedChunks(store, scope, corpus.articles, keys, 'its vocabulary')),
    counts: null,
  };
}

/**
 * A version's word index, made the cheapest exact way: from the latest version whose index is stored (its order record)
 * plus the index of the articles this version adds, read alone (lib/vocabulary/indexUpdate.ts), when that version's
 * kept articles keep their order here; else from every stored analysis, a chunk at a time.
 */
export function versionWordIndex(
  store: AnalysisStore,
  scope: StoreScope,
  corpus: Corpus,
  keys: readonly string[],
): WordIndex {
  const order = readIndexOrder(store, scope);
  const oldAt = order && previousAt(order.keys, keys);
  const prev = oldAt && readWordIndex(store, scope, order.version);
  if (oldAt && prev && prev.articles === order.keys.length) {
    const added = [...oldAt.keys()].filter((i) => oldAt[i] < 0);
    const builder = new WordIndexBuilder();
    const addedKeys = added.map((i) => keys[i]);
    for (const chunk of storedChunks(
      store,
      scope,
      added.map((i) => corpus.articles[i]),
      addedKeys,
      'its word index',
    ))
      for (const a of chunk) builder.add(a);
    const made = updateWordIndex(prev, oldAt, builder.finish());
    if (made) return made;
  }
  const builder = new WordIndexBuilder();
  for (const chunk of storedChunks(store, scope, corpus.articles, keys, 'its word index'))
    for (const a of chunk) builder.add(a);
  return builder.finish();
}

function* storedChunks(
  store: AnalysisStore,
  scope: StoreScope,
  articles: readonly Article[],
  keys: readonly string[],
  what: string,
): Generator<ArticleAnalysis[]> {
  for (let from = 0; from < keys.length; from += READ_CHUNK) {
    const chunk = articles.slice(from, from + READ_CHUNK);
    const analyses = store.read(scope, chunk, keys.slice(from, from + READ_CHUNK));
    const missing = analyses.findIndex((a) => a === null);
    if (missing >= 0)
      throw new Error(`${scope.corpus}: article ${chunk[missing].id} has no stored analysis, so ${what} waits for it`);
    yield analyses as ArticleAnalysis[];
  }
}
