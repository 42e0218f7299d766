import path from 'node:path';
import { loadCorpus } from '../corpus/load';
import { tableOf } from '../vocabulary/whole';
import { decodeTable, encodeTable, type LexiconReading } from '../vocabulary/tableCodec';
import type { VocabularyTable } from '../vocabulary/table';
import { storeAt } from './current';
import { articleKey, lexiconKey, versionKey } from './keys';
import type { AnalysisStore, StoreScope } from './types';

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

/**
 * Counts the vocabulary of a corpus folder's current version from its stored analyses and stores the table (a
 * worker's job: it reads the whole corpus). Throws when an article has no stored analysis yet. Returns the version key.
 */
export async function storeVocabulary(corpusDir: string, storeRoot: string): Promise<string> {
  const corpus = loadCorpus(corpusDir);
  const store = storeAt(storeRoot);
  const scope = { corpus: path.basename(corpusDir), lexicon: lexiconKey(corpus.lexicon) };
  const keys = corpus.articles.map(articleKey);
  const version = versionKey(keys, scope.lexicon);
  if (hasVocabulary(store, scope, version)) return version;
  const analyses = store.read(scope, corpus.articles, keys);
  const missing = analyses.findIndex((a) => a === null);
  if (missing >= 0)
    throw new Error(
      `${scope.corpus}: article ${corpus.articles[missing].id} has no stored analysis, so its vocabulary waits for it`,
    );
  const { table, reading } = tableOf(corpus, analyses as NonNullable<(typeof analyses)[0]>[]);
  await store.putDerived(scope, VOCABULARY_KIND, version, encodeTable(table, reading));
  return version;
}
