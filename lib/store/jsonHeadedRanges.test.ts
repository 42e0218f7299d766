import { describe, expect, test } from 'vitest';
import { decodeJsonHeaded, encodeJsonHeaded } from './jsonHeaded';
import { storedHead, storedHeadBytes, storedWords } from './jsonHeadedRanges';
import type { AnalysisStore } from './types';

const scope = { corpus: 'c', lexicon: '0123456789abcdef' };
const bad = (why: string) => new Error(`bad: ${why}`);

// A store holding one piece of derived data under (kind "k", key "v"), answering head and range reads from its bytes
// as the file store does (a range past the end is cut short), and counting the bytes it was asked for.
function holding(bytes: Uint8Array | null) {
  const asked = { bytes: 0 };
  const store = {
    derivedHead: (_s: unknown, kind: string, key: string, n: number) => {
      if (!bytes || kind !== 'k' || key !== 'v') return null;
      asked.bytes += Math.min(n, bytes.length);
      return { head: bytes.subarray(0, n), size: bytes.length };
    },
    derivedRange: (_s: unknown, kind: string, key: string, offset: number, length: number) => {
      if (!bytes || kind !== 'k' || key !== 'v') return null;
      asked.bytes += Math.max(0, Math.min(length, bytes.length - offset));
      return bytes.subarray(offset, offset + length);
    },
  } as unknown as AnalysisStore;
  return { store, asked };
}

const lists = [Uint32Array.of(1, 2, 3), Uint32Array.of(4_000_000_000), Uint32Array.of()];
const headers: [string, unknown, boolean][] = [
  ['an empty header, padded', {}, true],
  ['a header of a thousand ids, padded', { ids: Array.from({ length: 1000 }, (_, i) => `a${i}`) }, true],
  ['a header of odd length, not padded', { x: 'abc' }, false],
  ['a header with two-byte characters', { name: 'Daesh — داعش' }, true],
];

describe('stored tagged pieces read by range', () => {
  test.each(headers)('%s: the header and where the values start, as a whole decode gives them', (_, header, pad) => {
    const bytes = encodeJsonHeaded('TST1', header, lists, pad);
    const whole = decodeJsonHeaded(bytes, 'TST1', bad);
    const { store, asked } = holding(bytes);
    expect(storedHead(store, scope, 'k', 'v', 'TST1', bad)).toEqual({
      header: whole.header,
      after: whole.after,
      size: bytes.length,
    });
    // The values are not read: the tag and length, then the header.
    expect(asked.bytes).toBe(8 + whole.after);
    expect(Buffer.from(storedHeadBytes(store, scope, 'k', 'v')!.bytes)).toEqual(
      Buffer.from(bytes.subarray(0, whole.after)),
    );
  });

  test.each(headers)('%s: each list read by its offset equals the list written', (_, header, pad) => {
    const bytes = encodeJsonHeaded('TST1', header, lists, pad);
    const { after } = decodeJsonHeaded(bytes, 'TST1', bad);
    const { store } = holding(bytes);
    let at = after;
    for (const list of lists) {
      expect(storedWords(store, scope, 'k', 'v', at, list.length)).toEqual(list);
      at += list.byteLength;
    }
    // One word past the end: the piece holds fewer bytes there (replaced since its header was read).
    expect(storedWords(store, scope, 'k', 'v', at - 4, 2)).toBeNull();
  });

  test.each([
    ['nothing stored', null, null],
    ['another tag', encodeJsonHeaded('XXX1', {}, []), 'bad: it does not start with TST1'],
    [
      'a header cut short',
      encodeJsonHeaded('TST1', { ids: ['a', 'b'] }, []).subarray(0, 12),
      'bad: its header is cut short',
    ],
  ] as const)('%s', (_, bytes, error) => {
    const { store } = holding(bytes);
    if (error) expect(() => storedHead(store, scope, 'k', 'v', 'TST1', bad)).toThrow(error);
    else {
      expect(storedHead(store, scope, 'k', 'v', 'TST1', bad)).toBeNull();
      expect(storedWords(store, scope, 'k', 'v', 8, 1)).toBeNull();
    }
  });
});
