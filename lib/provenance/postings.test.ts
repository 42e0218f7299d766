import { describe, expect, test } from 'vitest';
import {
  distinctShingles,
  distinctShinglesInto,
  findKey,
  findKeyIn,
  holdersAt,
  keyDirectory,
  mergePostings,
  NO_POSTINGS,
  postingsOf,
} from './postings';

// Documents 0..3 with hand-picked shingle hashes; rank is the reverse of the index (document 3 is the earliest).
const SHINGLES = [
  Uint32Array.from([7, 5, 7]),
  Uint32Array.from([5, 9]),
  Uint32Array.from([9, 4000000000]),
  Uint32Array.from([5]),
];
const RANK_OF = Int32Array.from([3, 2, 1, 0]);
const BY_RANK = Int32Array.from([3, 2, 1, 0]);
const all = postingsOf([0, 1, 2, 3], (i) => SHINGLES[i], RANK_OF, BY_RANK);
const listOf = (p: typeof all, h: number) => {
  const k = findKey(p, h);
  return k < 0 ? null : [...holdersAt(p, k)];
};

describe('postings', () => {
  test('distinct shingles are sorted and unique', () => {
    expect([...distinctShingles(Uint32Array.from([9, 2, 9, 2, 1]))]).toEqual([1, 2, 9]);
  });

  test.each([
    // Hash 5 is held by documents 0, 1 and 3: earliest (document 3) first.
    [5, [3, 1, 0]],
    // Hash 7 twice in document 0 is listed once.
    [7, [0]],
    [9, [2, 1]],
    // The largest 32-bit hashes survive the float packing.
    [4000000000, [2]],
    [6, null],
  ])('holders of %i', (h, holders) => {
    expect(listOf(all, h)).toEqual(holders);
  });

  test.each([
    // From position 0 or from the position of an earlier hash (5 is at 0, 7 at 1, 9 at 2).
    [9, 0, 2],
    [9, 1, 2],
    [9, 2, 2],
    // Searching from past a hash's place does not find it.
    [5, 1, -1],
  ])('findKey(%i) from %i is %i', (h, from, at) => {
    expect(findKey(all, h, from)).toBe(at);
  });

  // Many keys over the whole 32-bit range (prefix buckets in use): every key, and hashes between them, found as a
  // scan of the list finds them.
  test.each([
    [50, 1],
    [5_000, 2],
    [70_000, 3],
  ])('findKey among %i keys (seed %i) equals a scan', (n, seed) => {
    let x = seed;
    const next = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0);
    const keys = Uint32Array.from(new Set(Array.from({ length: n }, next))).sort();
    const p = { keys, offsets: new Uint32Array(keys.length + 1), holders: new Uint32Array(0) };
    for (let i = 0; i < keys.length; i += 7) {
      expect(findKey(p, keys[i])).toBe(i);
      expect(findKey(p, keys[i], i)).toBe(i);
      expect(findKey(p, keys[i], i + 1)).toBe(-1);
      const between = keys[i] + 1;
      if (i + 1 >= keys.length || keys[i + 1] !== between) expect(findKey(p, between)).toBe(-1);
    }
    expect(findKey(p, 0xffffffff)).toBe(keys[keys.length - 1] === 0xffffffff ? keys.length - 1 : -1);
  });

  test.each([
    // Removing document 1 (a holder among the first two of hashes 5 and 9): every remaining holder of those is flagged.
    ['remove 1', [0, -1, 1, 2], [], [1, 1, 1]],
    // Removing document 0, the latest holder of 5 and sole holder of 7: the first two of 5 are unchanged, nobody flagged.
    ['remove 0', [-1, 0, 1, 2], [], [0, 0, 0]],
  ])('merge after %s (cap 2)', (_name, newOf, _added, flags) => {
    const rank = Int32Array.from([2, 1, 0]);
    const affected = new Uint8Array(3);
    const merged = mergePostings(all, Int32Array.from(newOf), NO_POSTINGS, rank, 2, affected);
    expect([...affected]).toEqual(flags);
    const byRank = Int32Array.from([2, 1, 0]);
    const kept = (newOf as number[]).flatMap((n, i) => (n < 0 ? [] : [[n, i]]));
    const fresh = postingsOf(
      kept.map(([n]) => n),
      (n) => SHINGLES[kept.find(([m]) => m === n)![1]],
      rank,
      byRank,
    );
    expect(merged).toEqual(fresh);
  });

  test('merging an added document keeps rank order and flags the holders whose first holders changed', () => {
    // Documents 0..3 keep their places; document 4 (hashes 5 and 8) is the earliest of all (rank 0).
    const rank = Int32Array.from([4, 3, 2, 1, 0]);
    const byRank = Int32Array.from([4, 3, 2, 1, 0]);
    const added = postingsOf([4], () => Uint32Array.from([5, 8]), rank, byRank);
    const affected = new Uint8Array(5);
    const merged = mergePostings(all, Int32Array.from([0, 1, 2, 3]), added, rank, 2, affected);
    expect(listOf(merged, 5)).toEqual([4, 3, 1, 0]);
    expect(listOf(merged, 8)).toEqual([4]);
    // Hash 5's first two became [4, 3]: its holders 0, 1, 3 and 4 are flagged; document 2 holds no changed shingle.
    expect([...affected]).toEqual([1, 1, 0, 1, 1]);
    const whole = postingsOf([0, 1, 2, 3, 4], (i) => (i === 4 ? Uint32Array.from([5, 8]) : SHINGLES[i]), rank, byRank);
    expect(merged).toEqual(whole);
  });

  test('refuses more documents than ranks can hold', () => {
    expect(() => postingsOf([], () => new Uint32Array(0), new Int32Array(0), new Int32Array(2 ** 21 + 1))).toThrow(
      'exceed the 2097152 one index can hold',
    );
  });
});

describe('reused buffers and a fetched directory', () => {
  test.each([
    [[9, 2, 9, 2, 1], 5, [1, 2, 9]],
    [[9, 2, 9, 2, 1], 8, [1, 2, 9]],
    [[4000000000, 3, 4000000000], 3, [3, 4000000000]],
    [[], 0, []],
  ])('distinct shingles of %j in a buffer of %i: %j, in that buffer', (shingles, size, expected) => {
    const out = new Uint32Array(size).fill(1);
    const got = distinctShinglesInto(Uint32Array.from(shingles), out);
    expect([...got]).toEqual(expected);
    expect(got.buffer).toBe(out.buffer);
  });

  test('refuses a buffer shorter than the shingles', () => {
    expect(() => distinctShinglesInto(Uint32Array.from([1, 2, 3]), new Uint32Array(2))).toThrow(
      '3 shingles do not fit in a buffer of 2',
    );
  });

  // The keys of `all` are 5, 7, 9 and 4000000000, at positions 0 to 3.
  test.each([
    [5, 0, 0],
    [9, 1, 2],
    [4000000000, 0, 3],
    [6, 0, -1],
  ])('findKeyIn finds %i from %i at %i', (h, from, at) => {
    expect(findKeyIn(all, keyDirectory(all), h, from)).toBe(at);
  });
});
