import { serialize } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { Counter } from '../vocabulary/table';
import { addedPositions, decodeNgramCounts, encodeNgramCounts } from './ngramCounts';

describe('addedPositions', () => {
  test.each([
    ['nothing added', ['a', 'b'], ['a', 'b'], []],
    ['one added at the end', ['a', 'b'], ['a', 'b', 'c'], [2]],
    ['added in the middle and at the start', ['a', 'b'], ['x', 'a', 'y', 'b'], [0, 2]],
    ['reordered, one added', ['a', 'b'], ['b', 'z', 'a'], [1]],
    ['from no counts at all', [], ['a', 'b'], [0, 1]],
    ['one counted article removed', ['a', 'b', 'c'], ['a', 'c', 'd'], null],
    ['a counted key twice', ['a', 'a'], ['a', 'b'], null],
    ['a new key twice', ['a'], ['a', 'b', 'b'], null],
  ])('%s', (_name, counted, keys, expected) => {
    expect(addedPositions(counted, keys)).toEqual(expected);
  });
});

// Counts of two hand-made articles: "rebels fought rebels" (outlet o1) and "militants fought" (outlet o2).
function sample() {
  const c = new Counter([], 1, 1000);
  const text = (t: string, outlet: string) => ({
    outlet,
    text: t,
    sentences: [{ start: 0, end: t.length, section: 'body' }],
    skip: [],
    mentions: [],
    tokens: t.split(' ').length,
  });
  c.count(text('rebels fought rebels', 'o1'), false);
  c.count(text('militants fought', 'o2'), false);
  c.keys.push('k1', 'k2');
  return c.counts(['g']);
}

describe('encodeNgramCounts / decodeNgramCounts', () => {
  test('counts read back equal', () => {
    const counts = sample();
    // Read by hand: the words rebels, fought, militants; tokens 3 (o1) and 2 (o2).
    expect(counts.words).toEqual(['rebels', 'fought', 'militants']);
    expect(counts.tokens).toEqual([3, 2]);
    expect(decodeNgramCounts(encodeNgramCounts(counts), 'x')).toEqual(counts);
  });

  test.each([
    ['bytes that are no serialisation', new Uint8Array([1, 2, 3]), /^x: not readable as n-gram counts \(it does not/],
    ['another format', serialize({ format: 2, counts: {} }), /\(its format is 2, not 1\)/],
    ['counts without their cells', serialize({ format: 1, counts: { ...sample(), cells: [] } }), /wrong type/],
    [
      'cells that do not line up',
      serialize({ format: 1, counts: { ...sample(), cells: new Int32Array(3) } }),
      /do not line up/,
    ],
  ])('%s is refused, naming where it was', (_name, bytes, message) => {
    expect(() => decodeNgramCounts(bytes, 'x')).toThrow(message);
  });
});
