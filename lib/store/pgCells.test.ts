import { describe, expect, test } from 'vitest';
import { shareIntervals } from '../stats/cluster';
import { periodsBetween } from '../time/bin';
import { makeTimeCells } from '../time/cells';
import { cellAnalysis } from '../time/testCells';
import { cellRows, seriesOfSums } from './pgCells';
import type { TimeSumRow } from './pgCellsQueries';

// Three articles, read off cellAnalysis (title 10 own tokens, body 100 of which 60 own):
//   A: outlet x, 2020-01-01, isis twice (own, body), daesh once (quoted, body);
//   B: outlet x, 2020-01-01, no mention;
//   C: outlet y, 2020-01-02, daesh once (own, title).
// Cells: 0 = (2020-01-01, x) with A and B, 1 = (2020-01-02, y) with C.
const cells = makeTimeCells(
  [
    {
      analysis: cellAnalysis('x', [
        ['is', 'isis'],
        ['is', 'isis'],
        ['is', 'daesh', 'quoted'],
      ]),
      date: '2020-01-01',
    },
    { analysis: cellAnalysis('x', []), date: '2020-01-01' },
    { analysis: cellAnalysis('y', [['is', 'daesh', 'own', 'title']]), date: '2020-01-02' },
    // Undated: in no cell.
    { analysis: cellAnalysis('y', [['is', 'isis']]), date: null },
  ],
  [{ id: 'is', variants: ['isis', 'daesh'] }],
);
const rows = cellRows(cells);

describe('cellRows', () => {
  test('one row per cell: outlet, day, articles and tokens per option', () => {
    expect(rows.cells).toEqual({
      cell: [0, 1],
      outlet: ['x', 'y'],
      day: ['2020-01-01', '2020-01-02'],
      articles: [2, 1],
      // Per option (all/all, all/body, own/all, own/body): A and B 110, 100, 70, 60 each; C the same alone.
      tokens: [
        [220, 110],
        [200, 100],
        [140, 70],
        [120, 60],
      ],
    });
  });

  test.each([
    // all words, whole article: A's isis 2 and daesh 1 in cell 0 (products 2*2, 2*1, 1*1); C's daesh in cell 1.
    [
      0,
      [
        [0, 1],
        [1, 1],
      ],
      [
        [0, 0, 2],
        [0, 1, 1],
        [1, 1, 1],
      ],
      [
        [0, 0, 0, 4],
        [0, 0, 1, 2],
        [0, 1, 1, 1],
        [1, 1, 1, 1],
      ],
    ],
    // all words, body: C's title mention left out.
    [
      1,
      [[0, 1]],
      [
        [0, 0, 2],
        [0, 1, 1],
      ],
      [
        [0, 0, 0, 4],
        [0, 0, 1, 2],
        [0, 1, 1, 1],
      ],
    ],
    // own words, whole article: A's quoted daesh left out.
    [
      2,
      [
        [0, 1],
        [1, 1],
      ],
      [
        [0, 0, 2],
        [1, 1, 1],
      ],
      [
        [0, 0, 0, 4],
        [1, 1, 1, 1],
      ],
    ],
    // own words, body: A's isis only.
    [3, [[0, 1]], [[0, 0, 2]], [[0, 0, 0, 4]]],
  ])('option %i: group cells [cell, articles], counts [cell, variant, n], products [cell, i, j, sum]', (v, g, n, p) => {
    const at = (xs: number[], i: number) => xs[i];
    const pick = <T extends { view: number[] }>(t: T, cols: (keyof T)[]) =>
      t.view.flatMap((view, i) => (view === v ? [cols.map((c) => at(t[c] as number[], i))] : []));
    expect(pick(rows.groupCells, ['cell', 'articles'])).toEqual(g);
    expect(pick(rows.counts, ['cell', 'variant', 'n'])).toEqual(n);
    expect(pick(rows.products, ['cell', 'i', 'j', 's'])).toEqual(p);
  });
});

describe('seriesOfSums', () => {
  const sum = (kind: TimeSumRow['kind'], i: number, j: number, x: number, y = 0): TimeSumRow => ({
    kind,
    entity: 'x',
    start: '2020-01-01',
    i,
    j,
    x,
    y,
  });
  // Cell 0's sums as SQL returns them for option 0 (read off the table above), and an empty second month.
  const sums = [sum(0, 0, 0, 2, 220), sum(1, 0, 0, 1), sum(2, 0, 0, 2), sum(2, 1, 0, 1), sum(3, 0, 0, 4)];
  const periods = periodsBetween('2020-01-01', '2020-02-01', 'month');
  test.each([
    // Without the off-diagonal product, then with it (mirrored to products[1][0]).
    [
      'diagonal only',
      sums,
      [
        [4, 0],
        [0, 0],
      ],
    ],
    [
      'with (0, 1)',
      [...sums, sum(3, 0, 1, 2), sum(3, 1, 1, 1)],
      [
        [4, 2],
        [2, 1],
      ],
    ],
  ])('%s', (_, given, products) => {
    const out = seriesOfSums(given, periods, 'month', {
      variants: ['isis', 'daesh'],
      entities: [{ id: 'x', members: new Set(['x']) }],
    });
    const ci = shareIntervals({ counts: [2, 1], products, articles: 1 });
    expect(out.map((r) => [r.period, r.variant, r.count, r.groupTotal, r.articles, r.groupArticles, r.tokens])).toEqual(
      [
        ['2020-01', 'isis', 2, 3, 2, 1, 220],
        ['2020-01', 'daesh', 1, 3, 2, 1, 220],
        ['2020-02', 'isis', 0, 0, 0, 0, 0],
        ['2020-02', 'daesh', 0, 0, 0, 0, 0],
      ],
    );
    expect(out[0].shareLow).toBeGreaterThan(0);
    expect(out[0].shareLow).toBe(ci[0]?.low);
    expect(out[1].shareHigh).toBe(ci[1]?.high);
    // 3 mentions per 220 tokens, per 1,000.
    expect(out[0].per1k).toBeCloseTo((3 / 220) * 1000, 12);
  });
});
