import { deserialize, serialize } from 'node:v8';
import type { StoredProvenance } from './provenanceCodec';
import { decodeReuseIndex, encodeReuseIndex, type StoredReuseIndex } from './reuseIndexCodec';
import type { AnalysisStore, StoreScope } from './types';

const NAME_PART = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The file (or row) name of one piece of derived data; kinds and keys are short lowercase names so that no key can
 * reach outside the store's folder.
 */
export function derivedName(kind: string, key: string): string {
  if (!NAME_PART.test(kind)) throw new Error(`derived data kind "${kind}" is not a short lowercase name`);
  if (!NAME_PART.test(key)) throw new Error(`derived data key "${key}" is not a short lowercase name`);
  return `${kind}-${key}.bin`;
}

// v2: reuse detection became a function of the set of articles (lib/provenance/reuseIndex.ts), so provenance stored
// by the earlier, order-dependent one is not read and is made again once.
const PROVENANCE = 'provenance-v2';

/** The kind of derived data holding the reuse index the next version's provenance is made from. */
export const REUSE_INDEX = 'reuse-index';

// One reuse index per corpus and lexicon, the latest made: it names its version, and any later version is made from it.
const LATEST = 'latest';

/** The stored provenance of one corpus version (by versionKey), or null when none is stored or it is unreadable. */
export function readProvenance(store: AnalysisStore, scope: StoreScope, version: string): StoredProvenance | null {
  const bytes = store.readDerived(scope, PROVENANCE, version);
  if (!bytes) return null;
  try {
    return deserialize(bytes) as StoredProvenance;
  } catch {
    // Written by another Node version's serializer, or cut short: made again by the next preparation.
    return null;
  }
}

/** Whether a corpus version's provenance is stored. */
export function hasProvenance(store: AnalysisStore, scope: StoreScope, version: string): boolean {
  return store.hasDerived(scope, PROVENANCE, version);
}

/** Stores a corpus version's provenance. */
export function putProvenance(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
  provenance: StoredProvenance,
): Promise<void> {
  return store.putDerived(scope, PROVENANCE, version, serialize(provenance));
}

/** The latest stored reuse index of a corpus under a lexicon, or null when none is stored or it is unreadable. */
export function readReuseIndex(store: AnalysisStore, scope: StoreScope): StoredReuseIndex | null {
  const bytes = store.readDerived(scope, REUSE_INDEX, LATEST);
  if (!bytes) return null;
  try {
    return decodeReuseIndex(bytes, `${scope.corpus}/${REUSE_INDEX}`);
  } catch {
    // Cut short or of another format: the next version's provenance is made whole, and a new index stored.
    return null;
  }
}

/** Stores a corpus's reuse index, replacing the previous one (so the store keeps one per corpus and lexicon). */
export function putReuseIndex(store: AnalysisStore, scope: StoreScope, index: StoredReuseIndex): Promise<void> {
  return store.putDerived(scope, REUSE_INDEX, LATEST, encodeReuseIndex(index));
}
