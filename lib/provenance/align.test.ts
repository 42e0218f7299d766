import { describe, expect, test } from 'vitest';
import { alignShingles, extendEdges, similarityOf, stretchesOf } from './align';
import { shinglesOf, wordsOf } from './words';

const opts = { n: 3, minWords: 6, maxGap: 6 };
const sh = (text: string) => shinglesOf(wordsOf(text).hashes, opts.n);

describe('alignShingles', () => {
  test.each([
    // 10 words, identical: one passage, one run covering all 10.
    ['a b c d e f g h i j', 'a b c d e f g h i j', [[0, 10, 0, 10, 10]]],
    // Word 5 changed: one passage over both sides, 9 of 10 words in runs.
    ['a b c d e f g h i j', 'a b c d X f g h i j', [[0, 10, 0, 10, 9]]],
    // A word inserted on the second side: the passage spans 10 and 11 words.
    ['a b c d e f g h i j', 'a b c d e Y f g h i j', [[0, 10, 0, 11, 10]]],
    // Only 5 shared words: shorter than minWords.
    ['a b c d e', 'x a b c d e y', []],
    // Two halves swapped: two passages.
    [
      'a b c d e f g h i j k l',
      'g h i j k l a b c d e f',
      [
        [0, 6, 6, 12, 6],
        [6, 12, 0, 6, 6],
      ],
    ],
  ])('%s ~ %s', (a, b, expected) => {
    const got = alignShingles(sh(a), sh(b), opts).map((p) => [p.aStart, p.aEnd, p.bStart, p.bEnd, p.matched]);
    expect(got).toEqual(expected);
  });

  test('stretches tile a passage with its one edit', () => {
    const [p] = alignShingles(sh('a b c d e f g h i j'), sh('a b c d X f g h i j'), opts);
    expect(stretchesOf(p)).toEqual([
      { same: true, a0: 0, a1: 4, b0: 0, b1: 4 },
      { same: false, a0: 4, a1: 5, b0: 4, b1: 5 },
      { same: true, a0: 5, a1: 10, b0: 5, b1: 10 },
    ]);
    // 9 of 10 words in runs, over the longer side's 10.
    expect(similarityOf(p)).toBeCloseTo(0.9, 10);
  });
});

describe('extendEdges', () => {
  const words = (t: string) => wordsOf(t).hashes;
  test.each([
    // The edit is in the second word, before the first shared shingle: the passage grows back to the start.
    ['a X c d e f g h i j', 'a Y c d e f g h i j', [0, 10, 9]],
    // An edit in the last-but-one word.
    ['a b c d e f g h X j', 'a b c d e f g h Y j', [0, 10, 9]],
    // Different words before the passage with no equal words beyond them: nothing is added.
    ['P Q c d e f g h i j', 'R S c d e f g h i j', [2, 10, 8]],
  ])('%s ~ %s', (a, b, [start, end, matched]) => {
    const [p] = alignShingles(sh(a), sh(b), { ...opts, minWords: 5 });
    const e = extendEdges(p, words(a), words(b));
    expect([e.aStart, e.aEnd, e.matched]).toEqual([start, end, matched]);
  });
});
