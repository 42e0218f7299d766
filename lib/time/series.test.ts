import { describe, expect, test } from 'vitest';
import type { ArticleAnalysis } from '../analysis/article';
import { shareIntervals } from '../stats/cluster';
import { busiestOutlets, timeSeries, type SeriesRequest, type TimeRow } from './series';

// Only the fields the series reads: outlet, mentions (group, variant, section, voice, setAside) and tokens.
function art(
  outlet: string,
  variants: string[],
  tokens = 100,
  extra: Partial<ArticleAnalysis['mentions'][number]> = {},
) {
  return {
    outlet,
    mentions: variants.map((variant) => ({
      group: 'is',
      variant,
      section: 'body',
      voice: 'own',
      setAside: null,
      ...extra,
    })),
    tokens: { title: { all: 0, own: 0 }, caption: { all: 0, own: 0 }, body: { all: tokens, own: tokens } },
  } as unknown as ArticleAnalysis;
}

const req = (over: Partial<SeriesRequest> = {}): SeriesRequest => ({
  group: 'is',
  variants: ['isis', 'daesh'],
  entities: [{ id: 'x', members: new Set(['x']) }],
  bin: 'month',
  filters: { voice: 'all', scope: 'all' },
  ...over,
});

describe('timeSeries', () => {
  // July: article 1 says isis twice and daesh once, article 2 daesh once: isis 2, daesh 2 of 4; tokens 100 + 300.
  // August: nothing; September: one article, daesh three times; an undated article is not read.
  const articles = [
    { analysis: art('x', ['isis', 'isis', 'daesh']), date: '2016-07-03' },
    { analysis: art('x', ['daesh'], 300), date: '2016-07-20' },
    { analysis: art('x', ['daesh', 'daesh', 'daesh']), date: '2016-09-01' },
    { analysis: art('x', ['isis']), date: null },
    { analysis: art('y', ['isis']), date: '2016-08-10' }, // another outlet: its article spans August but adds nothing to x
  ];
  const { periods, rows } = timeSeries(articles, req());
  const at = (period: string, variant: string) => rows.find((r) => r.period === period && r.variant === variant)!;

  test('periods run from the first to the last dated article, gaps included', () =>
    expect(periods.map((p) => p.id)).toEqual(['2016-07', '2016-08', '2016-09']));

  test.each([
    ['2016-07', 'isis', 2, 4, 0.5, 2, 400, 10],
    ['2016-07', 'daesh', 2, 4, 0.5, 2, 400, 10],
    ['2016-08', 'isis', 0, 0, null, 0, 0, null],
    ['2016-09', 'daesh', 3, 3, 1, 1, 100, 30],
  ])(
    '%s %s: count %i of %i, share %s, %i articles, %i tokens, %s per 1k',
    (p, v, count, n, share, arts, tokens, per1k) =>
      expect(at(p, v)).toMatchObject({ count, groupTotal: n, share, articles: arts, tokens, per1k }),
  );

  test("the interval is the article-level one of the period's own sums", () => {
    // July by hand: counts [2, 2]; products: article 1 (2,1) gives [[4,2],[2,1]], article 2 (0,1) adds [[0,0],[0,1]].
    const ci = shareIntervals({
      counts: [2, 2],
      products: [
        [4, 2],
        [2, 2],
      ],
      articles: 2,
    });
    expect([at('2016-07', 'isis').shareLow, at('2016-07', 'isis').shareHigh]).toEqual([ci[0]!.low, ci[0]!.high]);
    expect(at('2016-08', 'isis').shareLow).toBeNull();
  });

  test.each([
    [
      'quoted mentions left out under own voice',
      art('x', ['isis'], 100, { voice: 'quoted' }),
      { voice: 'own', scope: 'all' },
      0,
    ],
    [
      'set-aside mentions are never counted',
      art('x', ['isis'], 100, { setAside: 'state' }),
      { voice: 'all', scope: 'all' },
      0,
    ],
    [
      'title mentions left out under body scope',
      art('x', ['isis'], 100, { section: 'title' }),
      { voice: 'all', scope: 'body' },
      0,
    ],
    ['a plain mention counts', art('x', ['isis']), { voice: 'all', scope: 'all' }, 1],
  ] as const)('%s', (_n, a, filters, count) => {
    const r = timeSeries([{ analysis: a, date: '2016-07-01' }], req({ filters }));
    expect(r.rows.find((x) => x.variant === 'isis')!.count).toBe(count);
  });

  test('an outlet group sums its members', () => {
    const r = timeSeries(
      [
        { analysis: art('x', ['isis']), date: '2016-07-01' },
        { analysis: art('y', ['daesh']), date: '2016-07-02' },
      ],
      req({ entities: [{ id: 'g', members: new Set(['x', 'y']) }] }),
    );
    expect(r.rows.map((x) => [x.variant, x.count, x.groupTotal, x.articles])).toEqual([
      ['isis', 1, 2, 2],
      ['daesh', 1, 2, 2],
    ]);
  });
});

describe('busiestOutlets', () => {
  const row = (outlet: string, count: number) =>
    ({ outlet, period: '2016-07', variant: 'daesh', count }) as unknown as TimeRow;
  // Mentions worked by hand: a 5 (3 + 2), b 1, c 7, d 0 (no rows).
  const rows = [row('a', 3), row('b', 1), row('c', 7), row('a', 2)];
  test.each<[number, string[]]>([
    [1, ['c']],
    [2, ['a', 'c']],
    [3, ['a', 'b', 'c']],
    [9, ['a', 'b', 'c', 'd']],
  ])('the %i busiest, in page order', (k, ids) => expect(busiestOutlets(rows, ['a', 'b', 'c', 'd'], k)).toEqual(ids));
  test('ties keep the page order', () =>
    expect(busiestOutlets([row('b', 1), row('a', 1)], ['a', 'b'], 1)).toEqual(['a']));
});
