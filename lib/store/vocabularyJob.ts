import { countsOfChunks, tableOfChunks, tableOfParts } from '../vocabulary/whole';
import { decodeTable, encodeTable, type LexiconReading } from '../vocabulary/tableCodec';
import type { VocabularyCounts, VocabularyTable } from '../vocabulary/table';
import type { ArticleAnalysis } from '../analysis/article';
import { storeAt } from './current';
import { articlesAt, articlesIn, versionListing, type JobCorpus } from './versionListing';
import type { AnalysisStore, StoreScope } from './types';
import { WordIndexBuilder } from '../vocabulary/searchIndex';
import { hasWordIndex, putWordLists, readWordIndex } from './wordIndexParts';
import { listsOfIndex, type WordLists } from '../vocabulary/indexParts';
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
 * Articles whose analyses are decoded at once while a table or word index is made from the store: a bound on memory
 * (about 13 KB per decoded generated analysis: 26 MB) that still reads each segment file of the store about once per
 * chunk, not once per article (corpus order is not the order analyses were stored in). It was 10,000 (130 MB held
 * while the word index was built at 20,000 articles).
 */
export const READ_CHUNK = 2_000;

/**
 * Stores the vocabulary table of a corpus folder's current version (a worker's job: it reads the whole corpus).
 * With `counts` made while analysing (lib/store/analyseBatch.ts) that cover exactly the version's articles, the table
 * is merged from them: no article is read or tokenised again. Otherwise it is counted from the stored analyses, read
 * `chunk` (READ_CHUNK) at a time, so only one chunk of decoded analyses is held (memory: the corpus without its text,
 * lib/store/versionListing.ts, plus the counter's bounded table, plus one chunk's texts and analyses). Then its word index (lib/vocabulary/searchIndex.ts), from the stored
 * analyses a chunk at a time, each part stored as soon as it is cut (lib/store/wordIndexParts.ts putWordLists). Each is skipped when stored. Throws when an article has no stored analysis yet. Returns the version
 * key.
 */
export async function storeVocabulary(
  corpusDir: string,
  storeRoot: string,
  counts: VocabularyCounts | null = null,
  chunk: number = READ_CHUNK,
): Promise<string> {
  // The version without its text (the stored index when the folder still matches it): texts are read a chunk at a time.
  const { corpus, keys, version, scope } = timedStageSync('vocabulary.list-corpus', () =>
    versionListing(corpusDir, storeRoot),
  );
  const store = storeAt(storeRoot);
  if (!hasVocabulary(store, scope, version)) {
    const made = timedStageSync('vocabulary.table', () => versionTable(store, scope, corpus, keys, counts, chunk));
    await store.putDerived(scope, VOCABULARY_KIND, version, encodeTable(made.table, made.reading));
    // The counts the next version's table adds to (none when they were lossy: that table is counted whole again).
    if (made.counts)
      await timedStage('vocabulary.store-counts', () => putLatestNgramCounts(store, scope, made.counts!));
  }
  // The word index from the latest stored one and the added articles' analyses when it can be; else from every analysis.
  if (!hasWordIndex(store, scope, version))
    await timedStage('vocabulary.word-index', async () => {
      await putWordLists(store, scope, version, versionWordLists(store, scope, corpus, keys, chunk));
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
  corpus: JobCorpus,
  keys: readonly string[],
  counts: VocabularyCounts | null,
  chunk: number = READ_CHUNK,
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
            storedChunks(store, scope, corpus, added, addedKeys, 'its vocabulary', chunk),
            addedKeys,
          );
    const made = tableOfParts(corpus, keys, [latest, addedCounts]);
    if (made) return made;
  }
  const whole = countsOfChunks(groups, storedChunks(store, scope, corpus, null, keys, 'its vocabulary', chunk), keys);
  const made = tableOfParts(corpus, keys, [whole]);
  if (made) return made;
  return {
    ...tableOfChunks(corpus, storedChunks(store, scope, corpus, null, keys, 'its vocabulary', chunk)),
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
  corpus: JobCorpus,
  keys: readonly string[],
  chunk: number = READ_CHUNK,
): WordIndex {
  return (
    updatedWordIndex(store, scope, corpus, keys, chunk) ?? wholeWordIndex(store, scope, corpus, keys, chunk).finish()
  );
}

/**
 * versionWordIndex as lists to store part by part (putWordLists): when made from every analysis, each word's postings
 * are let go of once its part is cut, never copied into one whole index beside the parts.
 */
export function versionWordLists(
  store: AnalysisStore,
  scope: StoreScope,
  corpus: JobCorpus,
  keys: readonly string[],
  chunk: number = READ_CHUNK,
): WordLists {
  const updated = updatedWordIndex(store, scope, corpus, keys, chunk);
  return updated ? listsOfIndex(updated) : wholeWordIndex(store, scope, corpus, keys, chunk).lists();
}

// The index from the latest stored one and the added articles, or null when it cannot be made that way.
function updatedWordIndex(
  store: AnalysisStore,
  scope: StoreScope,
  corpus: JobCorpus,
  keys: readonly string[],
  chunk: number = READ_CHUNK,
): WordIndex | null {
  const order = readIndexOrder(store, scope);
  const oldAt = order && previousAt(order.keys, keys);
  const prev = oldAt && readWordIndex(store, scope, order.version);
  if (!oldAt || !prev || prev.articles !== order.keys.length) return null;
  const added = [...oldAt.keys()].filter((i) => oldAt[i] < 0);
  const builder = new WordIndexBuilder();
  const addedKeys = added.map((i) => keys[i]);
  for (const read of storedChunks(store, scope, corpus, added, addedKeys, 'its word index', chunk))
    for (const a of read) builder.add(a);
  return updateWordIndex(prev, oldAt, builder.finish());
}

// Every stored analysis added to a builder, a chunk at a time, in corpus order.
function wholeWordIndex(
  store: AnalysisStore,
  scope: StoreScope,
  corpus: JobCorpus,
  keys: readonly string[],
  chunk: number = READ_CHUNK,
): WordIndexBuilder {
  const builder = new WordIndexBuilder();
  for (const read of storedChunks(store, scope, corpus, null, keys, 'its word index', chunk))
    for (const a of read) builder.add(a);
  return builder;
}

// The stored analyses of the articles at `positions` of the corpus (every article when null), `keys` their keys, in that
// order, `size` at a time: only one chunk's texts and decoded analyses are held.
function* storedChunks(
  store: AnalysisStore,
  scope: StoreScope,
  corpus: JobCorpus,
  positions: readonly number[] | null,
  keys: readonly string[],
  what: string,
  size: number,
): Generator<ArticleAnalysis[]> {
  if (!(Number.isInteger(size) && size >= 1))
    throw new Error(`analyses are read at least one article at a time (asked for ${size} per chunk)`);
  for (let from = 0; from < keys.length; from += size) {
    const chunk = positions
      ? articlesAt(corpus, positions.slice(from, from + size))
      : articlesIn(corpus, from, from + size);
    const analyses = store.read(scope, chunk, keys.slice(from, from + size));
    const missing = analyses.findIndex((a) => a === null);
    if (missing >= 0)
      throw new Error(`${scope.corpus}: article ${chunk[missing].id} has no stored analysis, so ${what} waits for it`);
    yield analyses as ArticleAnalysis[];
  }
}
