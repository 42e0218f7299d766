import { describe, expect, test } from 'vitest';
import type { TimeRow } from '../time/series';
import {
  cellShare,
  intervalText,
  isSparse,
  pointTitle,
  rateTitle,
  timeSeriesCsv,
  timeSeriesData,
  timeSeriesTakeaway,
  type TimeCell,
} from './timeChart';

// Rows as lib/time/series.ts makes them (one per outlet, period and variant), written out by hand.
function row(outlet: string, period: string, variant: string, over: Partial<TimeRow>): TimeRow {
  return {
    outlet,
    period,
    variant,
    count: 0,
    groupTotal: 0,
    share: null,
    shareLow: null,
    shareHigh: null,
    articles: 0,
    groupArticles: 0,
    tokens: 0,
    per1k: null,
    ...over,
  };
}

const periods = ['2016-07', '2016-08', '2016-09'];
const variants = ['isis', 'daesh'];
// Outlet x: July has 12 mentions in 5 of 6 articles (isis 9, daesh 3) over 2,000 tokens, so 6 per 1,000; August has
// one article and no mention; September has no article. Outlet y: 2 mentions in July (sparse).
const rows: TimeRow[] = [
  row('x', '2016-07', 'isis', {
    count: 9,
    groupTotal: 12,
    share: 0.75,
    shareLow: 0.512345,
    shareHigh: 0.98765,
    articles: 6,
    groupArticles: 5,
    tokens: 2000,
    per1k: 6,
  }),
  row('x', '2016-07', 'daesh', {
    count: 3,
    groupTotal: 12,
    share: 0.25,
    shareLow: 0.01234,
    shareHigh: 0.487655,
    articles: 6,
    groupArticles: 5,
    tokens: 2000,
    per1k: 6,
  }),
  row('x', '2016-08', 'isis', { articles: 1, tokens: 300, per1k: 0 }),
  row('x', '2016-08', 'daesh', { articles: 1, tokens: 300, per1k: 0 }),
  row('x', '2016-09', 'isis', {}),
  row('x', '2016-09', 'daesh', {}),
  row('y', '2016-07', 'isis', {
    count: 2,
    groupTotal: 2,
    share: 1,
    shareLow: 0.3,
    shareHigh: 1,
    articles: 1,
    groupArticles: 1,
    tokens: 700,
    per1k: 2.857142857,
  }),
  row('y', '2016-07', 'daesh', {
    count: 0,
    groupTotal: 2,
    share: 0,
    shareLow: 0,
    shareHigh: 0.7,
    articles: 1,
    groupArticles: 1,
    tokens: 700,
    per1k: 2.857142857,
  }),
];

describe('timeSeriesData', () => {
  const x = timeSeriesData(rows, 'x', periods, variants, ['2016-07', '2017-01']);
  const y = timeSeriesData(rows, 'y', periods, variants, []);

  test.each([
    ['x: periods with articles only (September has none)', x.cells.map((c) => c.i), [0, 1]],
    ['x: July counts in variant order', x.cells[0].c, [9, 3]],
    [
      'x: July n, articles with mentions, articles, tokens, rate',
      [x.cells[0].n, x.cells[0].k, x.cells[0].a, x.cells[0].t, x.cells[0].r],
      [12, 5, 6, 2000, 6],
    ],
    [
      'x: intervals rounded to 4 decimals',
      [x.cells[0].lo, x.cells[0].hi],
      [
        [0.5123, 0.0123],
        [0.9877, 0.4877],
      ],
    ],
    [
      'x: August, an article without mentions',
      [x.cells[1].n, x.cells[1].c, x.cells[1].r, x.cells[1].lo],
      [0, [0, 0], 0, undefined],
    ],
    ['x: a change outside the periods is dropped', x.changes, [0]],
    ['y: a sparse period carries no interval', [y.cells[0].n, y.cells[0].lo, y.cells[0].hi], [2, undefined, undefined]],
    ['y: the rate rounded to 4 decimals', y.cells[0].r, 2.8571],
  ] as const)('%s', (_name, got, want) => expect(got).toEqual(want));

  test('every share and interval it draws is the series row it came from', () => {
    for (const d of [x, y])
      for (const c of d.cells)
        variants.forEach((v, vi) => {
          const r = rows.find((q) => q.outlet === d.outlet && q.period === periods[c.i] && q.variant === v)!;
          expect(cellShare(c, vi)).toBe(r.share);
          if (c.lo) expect(c.lo[vi]).toBeCloseTo(r.shareLow!, 4);
        });
  });

  test('a row outside the periods or variants is an error naming it', () =>
    expect(() => timeSeriesData(rows, 'x', periods, ['isis'], [])).toThrow(/2016-07\/daesh is not among/));
});

describe('titles and texts', () => {
  const dense: TimeCell = {
    i: 0,
    n: 12,
    k: 5,
    a: 6,
    t: 2000,
    r: 6,
    c: [9, 3],
    lo: [0.5123, 0.0123],
    hi: [0.9877, 0.4877],
  };
  const sparse: TimeCell = { i: 1, n: 1, k: 1, a: 1, t: 700, r: 1.4286, c: [0, 1] };
  test.each([
    [
      'dense point',
      pointTitle(dense, 0, 'ISIS', '2016-07'),
      'ISIS, 2016-07: 9 of 12 mentions in 5 articles (75%), 95% 51–99%',
    ],
    [
      'sparse point',
      pointTitle(sparse, 1, 'Daesh', '2016-08'),
      'Daesh, 2016-08: 1 of 1 mention in 1 article (100%), too few mentions to read',
    ],
    [
      'rate bar',
      rateTitle(dense, 'Islamic State', '2016-07'),
      '2016-07: 6.00 Islamic State mentions per 1,000 tokens (12 in 2000 tokens, 6 articles)',
    ],
    ['interval', intervalText(dense, 1), '1–49%'],
    ['no interval when sparse', intervalText(sparse, 0), null],
    ['sparse below 10 mentions', [isSparse(dense), isSparse(sparse)], [false, true]],
    ['share of an empty cell', cellShare({ ...sparse, n: 0, c: [0, 0] }, 0), null],
  ] as const)('%s', (_name, got, want) => expect(got).toEqual(want));
});

describe('CSV and takeaway', () => {
  const x = timeSeriesData(rows, 'x', periods, variants, ['2016-07']);
  const y = timeSeriesData(rows, 'y', periods, variants, []);

  test('CSV: one row per variant of each period with mentions (August has none), the series fields', () =>
    expect(timeSeriesCsv(x, periods, variants)).toEqual([
      {
        outlet: 'x',
        period: '2016-07',
        variant: 'isis',
        count: 9,
        groupTotal: 12,
        groupArticles: 5,
        share: 0.75,
        shareLow: 0.5123,
        shareHigh: 0.9877,
        articles: 6,
        tokens: 2000,
        per1k: 6,
      },
      {
        outlet: 'x',
        period: '2016-07',
        variant: 'daesh',
        count: 3,
        groupTotal: 12,
        groupArticles: 5,
        share: 0.25,
        shareLow: 0.0123,
        shareHigh: 0.4877,
        articles: 6,
        tokens: 2000,
        per1k: 6,
      },
    ]));

  test('CSV: a sparse period has no interval', () =>
    expect(timeSeriesCsv(y, periods, variants).map((r) => [r.variant, r.share, r.shareLow, r.shareHigh])).toEqual([
      ['isis', 1, null, null],
      ['daesh', 0, null, null],
    ]));

  test.each([
    // x by hand: 12 mentions in 5 articles, one month with mentions; ISIS 9 of 12 = 75%; one change point.
    [
      x,
      'IS: 12 IS mentions in 5 articles over 1 month; most used overall: "ISIS" (9, 75%); the most used variant changes 1 time.',
    ],
    [y, 'IS: 2 IS mentions in 1 article over 1 month; most used overall: "ISIS" (2, 100%).'],
    [{ ...x, cells: [x.cells[1]], changes: [] }, 'IS: No IS mentions in any month.'],
  ])('takeaway %#', (d, text) => expect(`IS: ${timeSeriesTakeaway(d, ['ISIS', 'Daesh'], 'IS', 'month')}`).toBe(text));
});
