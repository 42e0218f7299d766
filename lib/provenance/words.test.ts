import { describe, expect, test } from 'vitest';
import { shinglesOf, wordsOf } from './words';

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
