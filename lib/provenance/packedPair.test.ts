import { describe, expect, test } from 'vitest';
import type { Passage } from './align';
import { movedPair, packedLength, packPair } from './packedPair';

const passage = (aStart: number, bStart: number, runs: [number, number, number][]): Passage => ({
  aStart,
  aEnd: aStart + 20,
  bStart,
  bEnd: bStart + 20,
  anchors: runs.map(([a, b, len]) => ({ a, b, len })),
  matched: runs.reduce((n, r) => n + r[2], 0),
});

describe('packed pairs', () => {
  test.each([
    ['no passage', []],
    ['one passage, one run', [passage(0, 5, [[0, 5, 20]])]],
    [
      'two passages, runs around edits',
      [
        passage(3, 40, [
          [3, 40, 8],
          [12, 49, 11],
        ]),
        passage(100, 0, [[100, 0, 20]]),
      ],
    ],
  ])('%s: read back as the same passages, with the same fields in the same order', (_name, passages) => {
    const pair = packPair(7, 2, passages);
    expect(pair.passages).toEqual(passages);
    expect(JSON.stringify(pair)).toBe(JSON.stringify({ a: 7, b: 2, passages }));
    expect(Object.keys(pair)).toEqual(['a', 'b', 'passages']);
  });

  test.each([
    // 1 count + 6 fields, by hand: a passage without anchors.
    [[{ ...passage(0, 0, []) }], 7],
    // 1 + (6 + 3·2) + (6 + 3·1) = 22, by hand.
    [
      [
        passage(0, 0, [
          [0, 0, 5],
          [7, 7, 13],
        ]),
        passage(30, 30, [[30, 30, 20]]),
      ],
      22,
    ],
  ])('packed length of %j is %i integers', (passages, n) => {
    expect(packedLength(passages)).toBe(n);
  });

  test('a moved pair keeps its passages under new indices; a plain pair is packed when moved', () => {
    const passages = [passage(1, 2, [[1, 2, 20]])];
    const packed = packPair(0, 1, passages);
    expect(movedPair(packed, 5, 9)).toEqual({ a: 5, b: 9, passages });
    expect(movedPair({ a: 0, b: 1, passages }, 3, 4)).toEqual({ a: 3, b: 4, passages });
    // Each read makes its own list, so a caller may change what it got without changing the pair.
    const got = packed.passages;
    got[0].aStart = 99;
    expect(packed.passages[0].aStart).toBe(1);
  });

  test.each([
    ['a negative start', -1],
    ['a fraction', 2.5],
    ['a position past 2^32 - 1', 2 ** 32 + 5],
    ['minus zero', -0],
  ])('%s is kept as given (the pair stays objects)', (_name, v) => {
    const passages = [{ ...passage(0, 0, [[0, 0, 20]]), aStart: v }];
    const pair = packPair(0, 1, passages);
    expect(pair.passages).toBe(passages);
    expect(Object.is(pair.passages[0].aStart, v)).toBe(true);
  });

  test('more pairs than one chunk holds read back whole', () => {
    // 200,000 pairs of 10 integers each pass the 2^20-integer chunk: later pairs sit in a new chunk.
    const pairs = Array.from({ length: 200_000 }, (_, i) => packPair(i, i + 1, [passage(i, i + 1, [[i, i + 1, 20]])]));
    for (const i of [0, 104_857, 104_858, 199_999]) expect(pairs[i].passages[0].aStart).toBe(i);
  });
});
