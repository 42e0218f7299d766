import { decodeWordIndex, type WordIndex } from '../vocabulary/searchIndex';
import {
  decodeWordIndexHead,
  decodeWordPart,
  encodeWordIndexHead,
  isWordIndexHead,
  joinWordIndex,
  listsOfIndex,
  partsOfPattern,
  wholeSearchable,
  wordIndexParts,
  WORD_PART_BYTES,
  type SearchableIndex,
  type WordIndexPart,
  type WordLists,
} from '../vocabulary/indexParts';
import type { AnalysisStore, StoreScope } from './types';

/**
 * The kind of derived data holding a corpus version's word index (lib/vocabulary/searchIndex.ts): under the version
 * key its head (lib/vocabulary/indexParts.ts), written last, under `<version>-w<k>` part k. A store made before parts
 * holds the whole index under the version key; it is still read.
 */
export const WORD_INDEX_KIND = 'word-index';

/** The key of a version's word index part `k`. */
export const wordPartKey = (version: string, k: number) => `${version}-w${k}`;

/** Decoded parts kept across searches, least recently used dropped first once they pass `maxBytes` (stored size). */
export class PartCache {
  private parts = new Map<string, { part: WordIndexPart; bytes: number }>();
  private total = 0;
  constructor(readonly maxBytes: number) {}

  /** The part under `key`, made most recently used, or undefined. */
  get(key: string): WordIndexPart | undefined {
    const hit = this.parts.get(key);
    if (!hit) return undefined;
    this.parts.delete(key);
    this.parts.set(key, hit);
    return hit.part;
  }

  /** Keeps a part, dropping the least recently used others while the total passes the bound. */
  set(key: string, part: WordIndexPart, bytes: number): void {
    const old = this.parts.get(key);
    if (old) this.total -= old.bytes;
    this.parts.delete(key);
    this.parts.set(key, { part, bytes });
    this.total += bytes;
    for (const [k, v] of this.parts) {
      if (this.total <= this.maxBytes || k === key) break;
      this.parts.delete(k);
      this.total -= v.bytes;
    }
  }

  /** The stored bytes of the parts kept. */
  get bytes(): number {
    return this.total;
  }
}

/** Bytes of decoded word index parts the server keeps (about 64 parts of WORD_PART_BYTES). */
export const PART_CACHE_BYTES = 64 * WORD_PART_BYTES;

// One cache for the proxy's and the pages' copies of this module.
const SHARED = Symbol.for('framescope.wordIndexParts');
const shared = ((globalThis as Record<symbol, unknown>)[SHARED] ??= new PartCache(PART_CACHE_BYTES)) as PartCache;

/**
 * Whether a corpus version's word index is stored in parts: its head (written after every part) and part 0 (every
 * parted index has one). An index stored whole before parts is not: the watcher's preparation makes it again in parts,
 * and searches read the whole one meanwhile.
 */
export function hasWordIndex(store: AnalysisStore, scope: StoreScope, version: string): boolean {
  return (
    store.hasDerived(scope, WORD_INDEX_KIND, version) &&
    store.hasDerived(scope, WORD_INDEX_KIND, wordPartKey(version, 0))
  );
}

/** Stores a version's word index: every part, then the head that says they are all there. */
export function putWordIndex(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
  ix: WordIndex,
  partBytes: number = WORD_PART_BYTES,
): Promise<void> {
  return putWordLists(store, scope, version, listsOfIndex(ix), partBytes);
}

/**
 * putWordIndex from lists taken word by word (WordIndexBuilder.lists): each part is stored as soon as it is cut and
 * then let go, so neither the whole postings nor every part is held at once. The same bytes as putWordIndex.
 */
export async function putWordLists(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
  lists: WordLists,
  partBytes: number = WORD_PART_BYTES,
): Promise<void> {
  const steps = wordIndexParts(lists, partBytes);
  for (let k = 0, r = steps.next(); ; k++, r = steps.next()) {
    if (r.done) return store.putDerived(scope, WORD_INDEX_KIND, version, encodeWordIndexHead(r.value));
    await store.putDerived(scope, WORD_INDEX_KIND, wordPartKey(version, k), r.value);
  }
}

/**
 * A version's word index as a search reads it: the head read now, each part read and decoded on first use and kept in
 * `cache`. Null when none is stored, its head (or a whole index stored before parts) cannot be read, or a part is
 * missing (the search is then answered from the text, as before). A part that cannot be decoded throws naming it.
 */
export function openWordIndex(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
  cache: PartCache = shared,
): SearchableIndex | null {
  const where = `${scope.corpus}/${WORD_INDEX_KIND}-${version}`;
  const bytes = store.readDerived(scope, WORD_INDEX_KIND, version);
  if (!bytes) return null;
  try {
    if (!isWordIndexHead(bytes)) return wholeSearchable(decodeWordIndex(bytes, where));
    const head = decodeWordIndexHead(bytes, where);
    for (let k = 0; k < head.sizes.length; k++)
      if (!store.hasDerived(scope, WORD_INDEX_KIND, wordPartKey(version, k))) return null;
    const prefix = `${scope.corpus}/${scope.lexicon}/${version}/`;
    const part = (k: number): WordIndexPart => {
      const hit = cache.get(prefix + k);
      if (hit) return hit;
      const name = `${where}-w${k}`;
      const read = store.readDerived(scope, WORD_INDEX_KIND, wordPartKey(version, k));
      if (!read) throw new Error(`${name}: this word index part is missing; the server makes the index again`);
      if (read.length !== head.sizes[k])
        throw new Error(`${name}: holds ${read.length} bytes where its head names ${head.sizes[k]}; delete the index`);
      const decoded = decodeWordPart(read, name);
      cache.set(prefix + k, decoded, read.length);
      return decoded;
    };
    return {
      articles: head.articles,
      inScope: head.inScope,
      partsFor: (pattern) => partsOfPattern(head, pattern).map(part),
      partReads: (pattern) => partsOfPattern(head, pattern).map((k) => () => part(k)),
    };
  } catch {
    return null;
  }
}

/** A version's whole stored word index (every part read), or null when none is stored or it cannot be read. */
export function readWordIndex(store: AnalysisStore, scope: StoreScope, version: string): WordIndex | null {
  const where = `${scope.corpus}/${WORD_INDEX_KIND}-${version}`;
  const bytes = store.readDerived(scope, WORD_INDEX_KIND, version);
  if (!bytes) return null;
  try {
    if (!isWordIndexHead(bytes)) return decodeWordIndex(bytes, where);
    const head = decodeWordIndexHead(bytes, where);
    const parts = head.sizes.map((_, k) => {
      const read = store.readDerived(scope, WORD_INDEX_KIND, wordPartKey(version, k));
      if (!read) throw new Error(`${where}-w${k} is missing`);
      return decodeWordPart(read, `${where}-w${k}`);
    });
    return joinWordIndex(head, parts);
  } catch {
    return null;
  }
}
