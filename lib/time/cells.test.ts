import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ArticleAnalysis } from '../analysis/article';
import { dateKept, type DateRange } from '../analysis/filters';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { BINS, type Bin } from './bin';
import {
  CELL_VIEWS,
  cellSeries,
  cellsHold,
  cellSpan,
  cellView,
  groupCounting,
  makeTimeCells,
  viewSums,
  type DatedAnalysis,
} from './cells';
import { changePoints } from './changePoints';
import { timeSeries, type SeriesRequest } from './series';
import { cellAnalysis, FAKES_RANGES, fakesEntities, scatteredAnalyses } from './testCells';

const art = (outlet: string, mentions: [string, string, string?, string?][], body = 100, title = 10) =>
  cellAnalysis(outlet, mentions, { body, title });

const GROUPS = [
  { id: 'is', variants: ['isis', 'daesh'] },
  { id: 'ag', variants: ['rebels', 'militants', 'terrorists'] },
];

describe('viewSums', () => {
  // One article: isis in its body (own), daesh quoted in the body, rebels twice in the title (own), and a mention of a
  // group the list does not hold; tokens 10 in the title and 100 in the body, of which 60 own (read off `art`).
  const a = art('x', [
    ['is', 'isis'],
    ['is', 'daesh', 'quoted'],
    ['ag', 'rebels', 'own', 'title'],
    ['ag', 'rebels', 'own', 'title'],
    ['other', 'x'],
  ]);
  test.each([
    // All words, whole article: 10 + 100 tokens; every mention of the two groups.
    [
      { voice: 'all', scope: 'all' },
      110,
      [
        [1, 1],
        [2, 0, 0],
      ],
    ],
    // All words, body only: 100 tokens; the title's rebels left out.
    [
      { voice: 'all', scope: 'body' },
      100,
      [
        [1, 1],
        [0, 0, 0],
      ],
    ],
    // Own words, whole article: 10 + 60 tokens; the quoted daesh left out.
    [
      { voice: 'own', scope: 'all' },
      70,
      [
        [1, 0],
        [2, 0, 0],
      ],
    ],
    // Own words, body only: 60 tokens; isis alone.
    [
      { voice: 'own', scope: 'body' },
      60,
      [
        [1, 0],
        [0, 0, 0],
      ],
    ],
  ] as const)('under %j: %i tokens and the counts per variant', (view, tokens, ys) => {
    expect(viewSums(a, view, groupCounting(GROUPS))).toEqual({ tokens, ys });
  });
});

describe('makeTimeCells', () => {
  // Read off the list below: x has two articles on 07-03 and one on 07-20, y one on 07-03; one undated article.
  const articles: DatedAnalysis[] = [
    {
      analysis: art('x', [
        ['is', 'isis'],
        ['is', 'isis'],
        ['is', 'daesh', 'quoted'],
      ]),
      date: '2016-07-03',
    },
    { analysis: art('x', [['ag', 'rebels']]), date: '2016-07-03' },
    { analysis: art('y', [['is', 'daesh', 'own', 'title']]), date: '2016-07-03' },
    { analysis: art('x', []), date: '2016-07-20' },
    { analysis: art('x', [['is', 'isis']]), date: null },
  ];
  const cells = makeTimeCells(articles, GROUPS);

  test('cells are the (day, outlet) pairs with dated articles, ordered by day then outlet', () => {
    expect(cells.days).toEqual(['2016-07-03', '2016-07-20']);
    expect(cells.outlets).toEqual(['x', 'y']);
    expect([...cells.cellDay]).toEqual([0, 0, 1]);
    expect([...cells.cellOutlet]).toEqual([0, 1, 0]);
    // x on 07-03: two articles; y on 07-03: one; x on 07-20: one (the undated one is in no cell).
    expect([...cells.cellArticles]).toEqual([2, 1, 1]);
  });

  test.each([
    // x on 07-03: two articles of 100 body + 10 title tokens (own voice: 60 body).
    [{ voice: 'all', scope: 'all' }, 0, 220],
    [{ voice: 'all', scope: 'body' }, 0, 200],
    [{ voice: 'own', scope: 'all' }, 0, 140],
    [{ voice: 'own', scope: 'body' }, 0, 120],
    // x on 07-20: one article.
    [{ voice: 'own', scope: 'body' }, 2, 60],
  ] as const)('tokens under %o of cell %i: %i', (view, cell, tokens) =>
    expect(cells.tokens[cell * CELL_VIEWS.length + cellView(view)]).toBe(tokens),
  );

  test.each([
    // All voices, every section, islamic-state: x on 07-03 (cell 0) has one article with isis 2, daesh 1 (products
    // isis*isis 4, isis*daesh 2, daesh*daesh 1); y on 07-03 (cell 1) one article with daesh 1 in its title.
    [{ voice: 'all', scope: 'all' }, 'is', [0, 1, 2, 0, 2, 1, 1, 3, 0, 4, 1, 2, 3, 1, 1, 1, 1, 1, 1, 1, 3, 1]],
    // Own voice, body only: the quoted daesh and y's title mention are out; x has isis 2 (product 4).
    [{ voice: 'own', scope: 'body' }, 'is', [0, 1, 1, 0, 2, 1, 0, 4]],
    // Armed groups: x on 07-03 has one article with rebels 1.
    [{ voice: 'all', scope: 'all' }, 'ag', [0, 1, 1, 0, 1, 1, 0, 1]],
  ] as const)('records under %o of group %s', (view, group, record) => {
    const at = cellView(view) * GROUPS.length + GROUPS.findIndex((g) => g.id === group);
    expect([...cells.records.subarray(cells.starts[at], cells.starts[at + 1])]).toEqual(record);
  });

  test.each([
    [
      { from: null, to: null },
      { first: '2016-07-03', last: '2016-07-20' },
    ],
    [
      { from: '2016-07-04', to: null },
      { first: '2016-07-20', last: '2016-07-20' },
    ],
    [{ from: '2016-08-01', to: null }, null],
  ])('span of %o', (range, span) => expect(cellSpan(cells, range)).toEqual(span));

  test.each([
    ['is', ['isis', 'daesh'], true],
    ['is', ['daesh', 'isis'], false],
    ['is', ['isis'], false],
    ['is', ['isis', 'daesh', 'is'], false],
    ['other', ['a'], false],
  ])('cells hold group %s with variants %o: %s', (group, variants, held) =>
    expect(cellsHold(cells, group, variants)).toBe(held),
  );

  test.each([
    ['a group the cells do not hold', { group: 'other', variants: ['a'] }],
    ['variants other than those stored', { group: 'is', variants: ['daesh', 'isis'] }],
  ])('no answer for %s', (_, over) =>
    expect(
      cellSeries(cells, {
        entities: [{ id: 'x', members: new Set(['x']) }],
        bin: 'month',
        filters: { voice: 'all', scope: 'all' },
        range: { from: null, to: null },
        ...over,
      }),
    ).toBeNull(),
  );
});

// The proof: the series summed from cells equals the one lib/time/series.ts makes from the analyses (the independent
// implementation), rows and change points, for every bin, voice x scope option, group, and date ranges.
function expectSameSeries(
  articles: DatedAnalysis[],
  groups: { id: string; variants: string[] }[],
  entities: SeriesRequest['entities'],
  ranges: DateRange[],
  bins: readonly Bin[] = BINS,
): number {
  const cells = makeTimeCells(articles, groups);
  let compared = 0;
  for (const range of ranges) {
    const kept = articles.filter((a) => dateKept(a.date, range)) as {
      analysis: ArticleAnalysis;
      date: string | null;
    }[];
    for (const bin of bins)
      for (const view of CELL_VIEWS)
        for (const g of groups) {
          const r: SeriesRequest = { group: g.id, variants: g.variants, entities, bin, filters: view };
          const expected = timeSeries(kept, r);
          const got = cellSeries(cells, { ...r, range });
          expect(got).toEqual(expected);
          // Change points as /time finds them (lib/server/dataset.ts): per entity, each period's variant counts.
          const changes = (x: typeof expected) => {
            const count = new Map(x.rows.map((row) => [`${row.outlet}/${row.period}/${row.variant}`, row.count]));
            return entities.map((e) =>
              changePoints(
                x.periods.map((p) => ({
                  period: p.id,
                  counts: g.variants.map((v) => count.get(`${e.id}/${p.id}/${v}`)!),
                })),
              ),
            );
          };
          expect(changes(got!)).toEqual(changes(expected));
          compared += expected.rows.length;
        }
  }
  return compared;
}

describe('cells sum to the series made from the analyses', () => {
  const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
  const analyses = analyzeArticles(corpus);
  const articles = analyses.map((analysis, i) => ({ analysis, date: corpus.articles[i].date }));
  const groups = corpus.lexicon.groups.map((g) => ({ id: g.id, variants: g.variants.map((v) => v.id) }));
  const outlets = corpus.outlets.map((o) => o.id);

  const entities = fakesEntities(outlets);
  test.each(FAKES_RANGES)(
    'FA-KES by %s: every outlet and an outlet group, every option and group, from %o to %o',
    (bin, from, to) => {
      const ranges = from.map((f, i) => ({ from: f, to: to[i] }));
      expect(expectSameSeries(articles, groups, entities, ranges, [bin])).toBeGreaterThan(0);
    },
    30_000,
  );

  test('a generated corpus with undated articles: FA-KES analyses on random outlets and days, a fifth undated', () => {
    const { outlets: names, analyses: generated } = scatteredAnalyses(articles);
    expect(generated.filter((a) => a.date === null).length).toBeGreaterThan(100);
    const entities = [
      ...names.map((id) => ({ id, members: new Set([id]) })),
      { id: 'ab', members: new Set(['a', 'b']) },
    ];
    const ranges = [
      { from: null, to: null },
      { from: '2020-01-15', to: '2020-02-10' },
    ];
    expect(expectSameSeries(generated, groups, entities, ranges)).toBeGreaterThan(0);
  }, 30_000);
});
