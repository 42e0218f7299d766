import type { AnalysisStore, StoreScope } from './types';

/** Whether, what and how one kind of derived data is stored under a key, as `derivedKind` makes them. */
export interface DerivedKind<T> {
  has(store: AnalysisStore, scope: StoreScope, key: string): boolean;
  read(store: AnalysisStore, scope: StoreScope, key: string): T | null;
  put(store: AnalysisStore, scope: StoreScope, key: string, value: T): Promise<void>;
}

/**
 * The has/read/put of one kind of derived data from its codec: a stored value that does not decode reads as null, so
 * the job that makes the kind makes it again (the decoder's error names the file by `where`).
 */
export function derivedKind<T>(
  kind: string,
  encode: (value: T) => Uint8Array,
  decode: (bytes: Uint8Array, where: string) => T,
): DerivedKind<T> {
  return {
    has: (store, scope, key) => store.hasDerived(scope, kind, key),
    read: (store, scope, key) => {
      const bytes = store.readDerived(scope, kind, key);
      if (!bytes) return null;
      try {
        return decode(bytes, `${scope.corpus}/${kind}-${key}`);
      } catch {
        return null;
      }
    },
    put: (store, scope, key, value) => store.putDerived(scope, kind, key, encode(value)),
  };
}
