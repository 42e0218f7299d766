import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_OPTIONS, aggregate } from '../analysis/aggregate';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { distinctiveChart, isDistinctive, mentionsIn, sharesChart, stanceChart, toCsv } from './charts';
import { highlightPieces } from './highlight';
import { membersOf } from './model';
import { kwicRows } from './kwic';
import { distinctiveSummary, formatQ, sharesSummary, stanceSummary } from './summary';

const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'seeds'));
const ex = aggregate(corpus, analyzeArticles(corpus), DEFAULT_OPTIONS);

const titlesOf = (e: typeof ex) => new Map(e.articles.map((a) => [a.id, a.title]));
const kwicOf = (e: typeof ex, sel: Parameters<typeof kwicRows>[3], sort: Parameters<typeof kwicRows>[4], q: string) =>
  kwicRows(e.mentions, titlesOf(e), new Set(membersOf(e, sel.outlet)), sel, sort, q);

describe('sharesChart', () => {
  test.each([
    ['share', 'presstv', { daesh: 100, isis: 0 }],
    ['count', 'news24', { isis: 8, is: 1 }],
  ] as const)('%s of %s', (metric, outlet, expected) => {
    const spec = sharesChart(ex, 'islamic-state', [outlet], metric);
    expect(spec.data[0]).toMatchObject(expected);
    expect(spec.csv).toHaveLength(5);
  });
  // VOA's one article: "IS" three times and "Islamic State" twice (read in voa-2016-10-21-cooperation).
  test('row labels carry n mentions in k articles', () =>
    expect(sharesChart(ex, 'islamic-state', ['voa'], 'share').data[0].entity).toBe('VOA (5 mentions in 1 article)'));
  test('the CSV carries the article counts and the effective sample size behind each interval', () => {
    expect(
      sharesChart(ex, 'islamic-state', ['aggregators'], 'share').csv.find((r) => r.variant === 'isil'),
    ).toMatchObject({ count: 2, articles: 1, groupTotal: 16, groupArticles: 2 });
  });
});

describe('stanceChart', () => {
  test('Press TV: all 7 mentions are Daesh (stance -1), in one article, so the interval stays wide', () => {
    // One article is one decision: the unseen 1 - 1/(1 + 1.96^2) = 0.793451 of usage may sit at 0.5: high = -1 +
    // 0.793451 x 1.5.
    const row = stanceChart(ex, 'islamic-state', ['presstv']).data[0];
    expect(row).toMatchObject({ stance: -1, low: -1, n: 7 });
    expect(row.high).toBeCloseTo(0.190176, 6);
  });
});

describe('mentionsIn', () => {
  test.each([
    [1, 1, '1 mention in 1 article'],
    [7, 1, '7 mentions in 1 article'],
    [49, 15, '49 mentions in 15 articles'],
    // A four-digit count (as for outlet groups on FA-KES): thousands are separated, as everywhere else on screen.
    [2115, 366, '2,115 mentions in 366 articles'],
  ])('%i in %i', (n, k, text) => expect(mentionsIn(n, k)).toBe(text));
});

describe('distinctive rows are marked by q, not by |z|', () => {
  const presstv = ex.distinctive.filter((r) => r.outlet === 'presstv' && r.vs === 'rest');
  test.each([
    // Daesh 7 of 7 vs 2 of 30: z = 3.28, q = 0.0195 (worked in lib/analysis/seeds.test.ts).
    ['daesh', true],
    // Militants 3 of 6 vs 1 of 37 ("US-backed militants", "factions of Kurdish militants", "Turkish-backed militants"):
    // |z| = 2.17 >= 1.96, but q = 0.288 within the comparison's 19 rows.
    ['militants', false],
  ])('Press TV vs the rest, %s', (variant, marked) => {
    const r = presstv.find((x) => x.variant === variant)!;
    expect(isDistinctive(r)).toBe(marked);
    const chart = distinctiveChart(ex, presstv, r.group);
    expect(chart.data.find((d) => d.id === variant)!.significant).toBe(marked ? 1 : 0);
    if (variant === 'daesh')
      expect(chart.data.find((d) => d.id === variant)!.variant).toBe('Daesh (7/7 in 1 art. vs 2/30 in 2)');
    expect(chart.csv.find((c) => c.variant === variant)!.q).toBe(r.q);
  });
  test('the summary names the rule and the q-value', () => {
    const label = (v: string) => v;
    // 8, not 9: no seed article says "insurgents", so it has no prior mass and no row.
    expect(
      distinctiveSummary(
        presstv.filter((r) => r.group === 'armed-groups'),
        label,
      ),
    ).toBe('No variant differs by Benjamini-Hochberg q < 0.05 within the comparison (8 compared).');
    expect(
      distinctiveSummary(
        presstv.filter((r) => r.group === 'islamic-state'),
        label,
      ),
    ).toBe(
      'daesh (z = 3.28, q = 0.0195, 7/7 in 1 article vs 2/30 in 2) differs by Benjamini-Hochberg q < 0.05 within the comparison, of 5 variants compared.',
    );
  });
  test.each([
    [0.0194899, '0.0195'],
    [0.7591249, '0.759'],
    [1e-21, '< 0.0001'],
  ])('formatQ(%f)', (q, text) => expect(formatQ(q)).toBe(text));
});

describe('stanceSummary', () => {
  test('says how many articles the mentions come from and that the interval is article-level', () => {
    expect(stanceSummary(ex, 'islamic-state', ['presstv'])).toBe(
      'Press TV: -1.00 from 7 mentions in 1 article, article-level 95% CI -1.00 to 0.19.',
    );
  });
});

describe('toCsv', () => {
  test.each([
    [[{ a: 1, b: 'x' }], 'a,b\n1,x\n'],
    [[{ a: null, b: 'say "hi", ok' }], 'a,b\n,"say ""hi"", ok"\n'],
    [[], ''],
  ])('%j', (rows, csv) => expect(toCsv(rows)).toBe(csv));
});

describe('kwicRows', () => {
  const sel = { kind: 'mentions' as const, outlet: 'news24', group: 'islamic-state', variant: 'isis' };
  test.each([
    ['position', '', 8],
    ['right', '', 8],
    ['position', 'COALITION', 2],
  ] as const)('sort %s, filter "%s"', (sort, q, n) => {
    const rows = kwicOf(ex, sel, sort, q);
    expect(rows).toHaveLength(n);
    for (const r of rows) expect(r.term.toUpperCase()).toContain('ISIS');
  });
  test('left + term + right is the sentence', () => {
    const r = kwicOf(ex, { ...sel, outlet: 'presstv', variant: 'daesh' }, 'position', '')[0];
    expect(`${r.left}${r.term}${r.right}`).toContain('stay focused on the fight against Daesh and not to engage');
  });
  test('an outlet group collects its members', () => {
    expect(
      kwicOf(ex, { kind: 'mentions', outlet: 'aggregators', group: 'islamic-state', variant: 'isil' }, 'position', ''),
    ).toHaveLength(2);
  });
});

describe('sharesSummary', () => {
  test('names the top variant with count and denominator', () => {
    expect(sharesSummary(ex, 'islamic-state', ['presstv', 'news24'])).toBe(
      'Press TV: mostly "Daesh" (7 of 7 mentions in 1 article, 100%); News24: mostly "ISIS" (8 of 9 mentions in 1 article, 89%).',
    );
  });
});

describe('highlightPieces', () => {
  test.each([
    ['no mentions', 'abc def', [], [], [['abc def', null, false]]],
    [
      'a mention inside a quote',
      'he said "Daesh" now',
      [{ start: 9, end: 14, group: 'g', variant: 'd', voice: 'quoted' }],
      [{ start: 8, end: 15 }],
      [
        ['he said ', null, false],
        ['"', null, true],
        ['Daesh', 'd', true],
        ['"', null, true],
        [' now', null, false],
      ],
    ],
    [
      'overlapping mentions keep the first',
      'abcdef',
      [
        { start: 0, end: 6, group: 'g', variant: 'outer', voice: 'own' },
        { start: 2, end: 4, group: 'g', variant: 'inner', voice: 'own' },
      ],
      [],
      [['abcdef', 'outer', false]],
    ],
  ])('%s', (_case, text, mentions, quotes, expected) => {
    const pieces = highlightPieces(text, 0, text.length, mentions, quotes);
    expect(pieces.map((p) => [p.text, p.mention?.variant ?? null, p.quoted])).toEqual(expected);
  });
});
