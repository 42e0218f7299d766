import { describe, expect, test } from 'vitest';
import { labelledStories, pairScores } from './evaluate';

describe('pairScores', () => {
  // Worked by hand: gold {a,b,c} has 3 pairs (ab, ac, bc) and {d,e} 1 pair: 4 in all.
  const gold = [
    ['a', 'b', 'c'],
    ['d', 'e'],
  ];
  test.each<[string, string[][], [number, number, number | null, number | null]]>([
    ['perfect', gold, [4, 4, 1, 1]],
    ['nothing predicted', [], [0, 0, null, 0]],
    // {a,b}: ab right; {d,x}: dx touches a labelled article and is wrong. 1 of 2 right, 1 of 4 found.
    [
      'a partial story and a wrong join',
      [
        ['a', 'b'],
        ['d', 'x'],
      ],
      [2, 1, 0.5, 0.25],
    ],
    // {a,b,c,d,e} predicts 10 pairs, of which the 4 gold ones are right.
    ['everything merged', [['a', 'b', 'c', 'd', 'e']], [10, 4, 0.4, 1]],
    // Pairs of unlabelled articles are not judged.
    [
      'unlabelled pairs are not counted',
      [
        ['x', 'y'],
        ['a', 'c'],
      ],
      [1, 1, 1, 0.25],
    ],
  ])('%s', (_, predicted, [pp, correct, precision, recall]) => {
    expect(pairScores(predicted, gold)).toEqual({
      goldPairs: 4,
      predictedPairs: pp,
      correctPairs: correct,
      precision,
      recall,
    });
  });

  test('an article in two labelled stories is refused', () => {
    expect(() =>
      pairScores(
        [],
        [
          ['a', 'b'],
          ['b', 'c'],
        ],
      ),
    ).toThrow(/"b" is in two labelled stories/);
  });
});

describe('labelledStories', () => {
  test.each<[string, string, { title: string; articles: string[] }[]]>([
    [
      'headings start stories; backticked ids under them are their articles',
      '# Title\nintro `ahram-1a` not counted\n## One\n- `ahram-1a` text\n- `nna-2b`, also `nna-2b`\n## Two\n`trt-3c`\n',
      [
        { title: 'One', articles: ['ahram-1a', 'nna-2b'] },
        { title: 'Two', articles: ['trt-3c'] },
      ],
    ],
    ['a heading with no ids is no story', '## Empty\nnothing here\n', []],
    [
      'another heading level ends the story',
      '## S\n`ahram-1a`\n# Notes\n`nna-2b`\n### Sub\n`trt-3c`\n',
      [{ title: 'S', articles: ['ahram-1a'] }],
    ],
    [
      'code that is not an id is skipped',
      '## S\n`npm test` and `x` and `sputnik-0be5`\n',
      [{ title: 'S', articles: ['sputnik-0be5'] }],
    ],
  ])('%s', (_, md, expected) => expect(labelledStories(md)).toEqual(expected));
});
