import { describe, expect, test } from 'vitest';
import { DEFAULT_REUSE } from '../provenance/reuseIndex';
import { decodeReuseIndex, encodeReuseIndex, type StoredReuseIndex } from './reuseIndexCodec';

const INDEX: StoredReuseIndex = {
  version: '0123456789abcdef',
  keys: ['k0', 'k1', 'k2'],
  dates: ['2016-01-01', null, '2016-02-01'],
  options: DEFAULT_REUSE,
  postings: {
    keys: Uint32Array.from([5, 4000000000]),
    offsets: Uint32Array.from([0, 2, 3]),
    holders: Uint32Array.from([0, 2, 1]),
  },
  candidates: [Int32Array.from([2]), new Int32Array(0), Int32Array.from([0, 1])],
  made: { mode: 'incremental', ms: 12, readMs: 5, writeMs: 3, recomputed: 2 },
};

describe('reuse index codec', () => {
  test.each([
    ['three articles', INDEX],
    [
      'no article',
      {
        ...INDEX,
        keys: [],
        dates: [],
        candidates: [],
        postings: { keys: new Uint32Array(0), offsets: new Uint32Array(1), holders: new Uint32Array(0) },
      },
    ],
  ])('%s reads back as written', (_name, index) => {
    const bytes = encodeReuseIndex(index);
    // Read from an odd offset, as a file's bytes may sit in a larger buffer.
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodeReuseIndex(shifted.subarray(1), 'x')).toEqual(index);
  });

  const good = encodeReuseIndex(INDEX);
  test.each([
    ['wrong magic', Buffer.from('XXXX0000'), 'wrong magic'],
    ['cut short', good.subarray(0, good.length - 4), 'arrays cut short'],
    ['header cut short', good.subarray(0, 20), 'header cut short'],
  ])('refuses bytes with %s', (_name, bytes, why) => {
    expect(() => decodeReuseIndex(bytes, 'f/reuse-index')).toThrow(
      `f/reuse-index: not a Framescope reuse index (${why}); delete it`,
    );
  });

  test('refuses an index whose keys and candidates differ in number', () => {
    expect(() => encodeReuseIndex({ ...INDEX, keys: ['k0'] })).toThrow(
      'a reuse index of 3 articles came with 1 keys and 3 dates',
    );
  });
});
