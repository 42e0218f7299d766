import { deserialize, serialize } from 'node:v8';
import type { StoredProvenance } from './provenanceCodec';
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

/** The stored provenance of one corpus version (by versionKey), or null when none is stored or it is unreadable. */
export function readProvenance(store: AnalysisStore, scope: StoreScope, version: string): StoredProvenance | null {
  const bytes = store.readDerived(scope, 'provenance', version);
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
  return store.hasDerived(scope, 'provenance', version);
}

/** Stores a corpus version's provenance. */
export function putProvenance(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
  provenance: StoredProvenance,
): Promise<void> {
  return store.putDerived(scope, 'provenance', version, serialize(provenance));
}
