import path from 'node:path';
import { loadCorpus } from '../corpus/load';
import { fileStore } from './files';
import { articleKey, lexiconKey, versionKey } from './keys';
import { hasTallies, makeTallies, putTallies, talliesKeyOf } from './tallies';

/**
 * Makes and stores the tallies of a corpus folder's current version from its stored analyses (a worker's job: it reads
 * the whole corpus). Returns the tallies key; throws when an article has no stored analysis yet.
 */
export async function storeTallies(corpusDir: string, storeRoot: string): Promise<string> {
  const corpus = loadCorpus(corpusDir);
  const store = fileStore(storeRoot);
  const scope = { corpus: path.basename(corpusDir), lexicon: lexiconKey(corpus.lexicon) };
  const keys = corpus.articles.map(articleKey);
  const key = talliesKeyOf(corpus, versionKey(keys, scope.lexicon));
  if (hasTallies(store, scope, key)) return key;
  const analyses = store.read(scope, corpus.articles, keys);
  const missing = analyses.findIndex((a) => a === null);
  if (missing >= 0)
    throw new Error(
      `${scope.corpus}: article ${corpus.articles[missing].id} has no stored analysis, so its tallies wait for it`,
    );
  await putTallies(store, scope, key, makeTallies(corpus, analyses as NonNullable<(typeof analyses)[0]>[]));
  return key;
}
