import { deserialize, serialize } from 'node:v8';
import type { LoadedCorpus } from '../corpus/load';
import type { Article } from '../types';
import { articleLayout } from '../corpus/layout';
import type { AnalysisStore, StoreScope } from './types';

/** The derived-data kind of a corpus folder's index (what a restart reads instead of every article file). */
export const CORPUS_INDEX = 'corpus-index';

/** An article without its text: what lists, catalogs, dates and captions read. */
export type ArticleMeta = Omit<Article, 'segments'>;

/** A loaded corpus without its articles' text: the manifest, lexicon, version, warnings and each article's metadata. */
export type CorpusMeta = Omit<LoadedCorpus, 'articles'> & { articles: ArticleMeta[] };

/**
 * What the first view after a restart reads, in one file, for a corpus folder whose files still have the sizes and
 * times they had (the key is the folder's fingerprint, lib/corpus/fingerprint.ts): the corpus without its text, and
 * the keys its stored analyses and tallies are found under.
 */
export interface CorpusIndex {
  meta: CorpusMeta;
  /** Each article's articleKey, in corpus order. */
  keys: string[];
  /** The version key (lib/store/keys.ts) and tallies key (lib/store/tallies.ts) of this version. */
  version: string;
  tallies: string;
  /**
   * The length of all articles' analysed text together (what decides where vocabulary and search answers are made),
   * so that needs no text read; absent in indexes stored before it was added.
   */
  chars?: number;
}

/** The length of all articles' analysed text together (the text each analysis holds: sections laid out in order). */
export function textCharsOf(corpus: Pick<LoadedCorpus, 'articles'>): number {
  let n = 0;
  for (const a of corpus.articles) n += articleLayout(a).text.length;
  return n;
}

/** The corpus without its articles' text. */
export function metaOf(corpus: LoadedCorpus): CorpusMeta {
  return { ...corpus, articles: corpus.articles.map(articleMetaOf) };
}

/** An article without its text (every other field, in one fixed order: the stored index's bytes depend on it). */
export function articleMetaOf(a: Article): ArticleMeta {
  return { id: a.id, outlet: a.outlet, title: a.title, date: a.date, url: a.url, raw: a.raw, note: a.note };
}

const positions = new WeakMap<CorpusMeta, Map<string, number>>();

/** An article's position in a corpus's metadata by its id (-1 when absent), from a map made once per metadata object. */
export function positionOf(meta: CorpusMeta, id: string): number {
  let at = positions.get(meta);
  if (!at) positions.set(meta, (at = new Map(meta.articles.map((a, i) => [a.id, i]))));
  return at.get(id) ?? -1;
}

/** The index stored for a folder fingerprint, or null when none is stored or it cannot be read. */
export function readCorpusIndex(store: AnalysisStore, scope: StoreScope, fingerprint: string): CorpusIndex | null {
  const bytes = store.readDerived(scope, CORPUS_INDEX, fingerprint);
  if (!bytes) return null;
  try {
    const index = deserialize(bytes) as CorpusIndex;
    return Array.isArray(index?.keys) && index.keys.length === index.meta?.articles?.length ? index : null;
  } catch {
    // Another Node version's serializer, or cut short: the next preparation writes it again.
    return null;
  }
}

/** Whether an index is stored for a folder fingerprint. */
export function hasCorpusIndex(store: AnalysisStore, scope: StoreScope, fingerprint: string): boolean {
  return store.hasDerived(scope, CORPUS_INDEX, fingerprint);
}

/** Stores a corpus folder's index under its fingerprint. */
export function putCorpusIndex(
  store: AnalysisStore,
  scope: StoreScope,
  fingerprint: string,
  index: CorpusIndex,
): Promise<void> {
  return store.putDerived(scope, CORPUS_INDEX, fingerprint, serialize(index));
}
