import { decodeJsonHeaded } from './jsonHeaded';
import type { AnalysisStore, StoreScope } from './types';

/** The parsed JSON header of a stored tagged piece (lib/store/jsonHeaded.ts), where its values start, and its size. */
export interface StoredHead {
  header: unknown;
  after: number;
  size: number;
}

/**
 * The header of a stored tagged piece of derived data, read without its values (two reads of its start), or null when
 * none is stored; throws `bad(why)` when it does not start with the tag and a whole JSON header.
 */
export function storedHead(
  store: AnalysisStore,
  scope: StoreScope,
  kind: string,
  key: string,
  tag: string,
  bad: (why: string) => Error,
): StoredHead | null {
  const raw = storedHeadBytes(store, scope, kind, key);
  if (!raw) return null;
  const { header, after } = decodeJsonHeaded(raw.bytes, tag, bad);
  return { header, after, size: raw.size };
}

/**
 * The first bytes of a stored tagged piece up to the end of its header (the tag, the header's length, the JSON), not
 * parsed, and the piece's size; null when none is stored. What a reader compares with an expected header instead of
 * parsing one of a million ids.
 */
export function storedHeadBytes(
  store: AnalysisStore,
  scope: StoreScope,
  kind: string,
  key: string,
): { bytes: Uint8Array; size: number } | null {
  const start = store.derivedHead(scope, kind, key, 8);
  if (!start) return null;
  const b = start.head;
  const length = b.length < 8 ? 0 : Buffer.from(b.buffer, b.byteOffset, 8).readUInt32LE(4);
  const head = length > 0 && 8 + length <= start.size ? store.derivedHead(scope, kind, key, 8 + length) : start;
  return head && { bytes: head.head, size: head.size };
}

/**
 * `count` u32 (little-endian) values of a stored piece from byte `offset`, in their own aligned array; null when the
 * piece is gone or holds fewer bytes there (replaced or pruned since its header was read).
 */
export function storedWords(
  store: AnalysisStore,
  scope: StoreScope,
  kind: string,
  key: string,
  offset: number,
  count: number,
): Uint32Array | null {
  const bytes = store.derivedRange(scope, kind, key, offset, count * 4);
  if (!bytes || bytes.length !== count * 4) return null;
  const words = new Uint32Array(count);
  new Uint8Array(words.buffer).set(bytes);
  return words;
}
