import path from 'node:path';
import { loadCorpus } from '../corpus/load';
import { corpusProvenance } from '../provenance/corpusProvenance';
import { hasProvenance, putProvenance } from './derived';
import { storeAt } from './current';
import { articleKey, lexiconKey, versionKey } from './keys';
import { compactProvenance } from './provenanceCodec';

/**
 * Computes the provenance of a corpus folder's current version from its stored analyses and stores it (a worker's
 * job: reuse detection reads the whole corpus). Throws when an article has no stored analysis yet.
 */
export async function storeProvenance(corpusDir: string, storeRoot: string): Promise<string> {
  const corpus = loadCorpus(corpusDir);
  const store = storeAt(storeRoot);
  const scope = { corpus: path.basename(corpusDir), lexicon: lexiconKey(corpus.lexicon) };
  const keys = corpus.articles.map(articleKey);
  const version = versionKey(keys, scope.lexicon);
  if (hasProvenance(store, scope, version)) return version;
  const analyses = store.read(scope, corpus.articles, keys);
  const missing = analyses.findIndex((a) => a === null);
  if (missing >= 0)
    throw new Error(
      `${scope.corpus}: article ${corpus.articles[missing].id} has no stored analysis, so provenance waits for it`,
    );
  const p = corpusProvenance(corpus, analyses as NonNullable<(typeof analyses)[0]>[]);
  await putProvenance(store, scope, version, compactProvenance(p));
  return version;
}
