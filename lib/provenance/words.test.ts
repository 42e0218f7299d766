import { describe, expect, test } from 'vitest';
import { shinglesInto, shinglesOf, wordsOf } from './words';

describe('wordsOf', () => {
  test.each([
    [
      'Hello, world!',
      [
        [0, 5],
        [7, 12],
      ],
    ],
    [
      "the country's north",
      [
        [0, 3],
        [4, 13],
        [14, 19],
      ],
    ],
    [
      'U.S.-backed',
      [
        [0, 1],
        [2, 3],
        [5, 11],
      ],
    ],
    ['', []],
  ])('%s', (text, spans) => {
    const w = wordsOf(text);
    expect([...w.starts].map((s, i) => [s, w.ends[i]])).toEqual(spans);
  });

  test.each([
    ['Daesh', 'daesh', true],
    ["country's", 'countrys', true],
    ['IS', 'it', false],
  ])('%s and %s hash alike: %s', (a, b, same) => {
    expect(wordsOf(a).hashes[0] === wordsOf(b).hashes[0]).toBe(same);
  });
});

describe('shinglesOf', () => {
  test.each([
    ['a b c d', 2, 3],
    ['a b', 3, 0],
  ])('%s in %i-word shingles: %i', (text, n, count) => {
    expect(shinglesOf(wordsOf(text).hashes, n)).toHaveLength(count);
  });

  test('equal runs hash alike, shifted runs do not', () => {
    const s = shinglesOf(wordsOf('a b c a b c').hashes, 3);
    expect(s[0]).toBe(s[3]);
    expect(s[0]).not.toBe(s[1]);
  });
});

describe('shinglesInto', () => {
  test.each([
    ['a b c d e f g', 3, 9],
    ['a b c d e f g', 5, 5],
    ['a b', 3, 4],
    ['', 1, 0],
  ])('%s in %i-word shingles into a buffer of %i: the shingles of shinglesOf', (text, n, size) => {
    const words = wordsOf(text).hashes;
    const out = new Uint32Array(size).fill(7);
    const got = shinglesInto(words, n, out);
    expect(got.buffer).toBe(out.buffer);
    expect([...got]).toEqual([...shinglesOf(words, n)]);
  });

  test('refuses a buffer too small for the shingles', () => {
    expect(() => shinglesInto(wordsOf('a b c d e').hashes, 2, new Uint32Array(3))).toThrow(
      '4 shingles do not fit in a buffer of 3',
    );
  });
});

// The shingle loop for any n, as it was before 5-word shingles were written out: the reference they must equal.
function referenceShingles(words: Uint32Array, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + n <= words.length; i++) {
    let h = 0x9e3779b1;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ words[i + k], 0x85ebca6b) ^ (h >>> 13);
    out.push(h >>> 0);
  }
  return out;
}

describe('shingles equal the reference loop', () => {
  test.each([
    [1, 5, 600],
    [2, 5, 5],
    [3, 5, 4],
    [4, 3, 300],
    [5, 1, 50],
  ])('seed %i, %i-word shingles of %i words', (seed, n, length) => {
    // Word hashes over the whole 32-bit range (a multiplicative sequence), so the high bits are exercised.
    const words = Uint32Array.from({ length }, (_, i) => Math.imul(seed * 7919 + i, 2654435761) >>> 0);
    expect([...shinglesOf(words, n)]).toEqual(referenceShingles(words, n));
  });
});
