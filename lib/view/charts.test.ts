import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_OPTIONS, aggregate } from '../analysis/aggregate';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { sharesChart, stanceChart, toCsv } from './charts';
import { highlightPieces } from './highlight';
import { kwicRows } from './kwic';
import { sharesSummary } from './summary';

const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'seeds'));
const ex = aggregate(corpus, analyzeArticles(corpus), DEFAULT_OPTIONS);

describe('sharesChart', () => {
  test.each([
    ['share', 'presstv', { daesh: 100, isis: 0 }],
    ['count', 'news24', { isis: 8, is: 1 }],
  ] as const)('%s of %s', (metric, outlet, expected) => {
    const spec = sharesChart(ex, 'islamic-state', [outlet], metric);
    expect(spec.data[0]).toMatchObject(expected);
    expect(spec.csv).toHaveLength(5);
  });
  test('row labels carry n', () => expect(sharesChart(ex, 'islamic-state', ['voa'], 'share').data[0].entity).toBe('VOA (n=5)'));
});

describe('stanceChart', () => {
  test('Press TV: all 7 mentions are Daesh (stance -1), in one article, so the interval stays wide', () => {
    // One article is one decision: the unseen 1 - 1/(1 + 1.96^2) = 0.793451 of usage may sit at 0.5: high = -1 + 0.793451 x 1.5.
    const row = stanceChart(ex, 'islamic-state', ['presstv']).data[0];
    expect(row).toMatchObject({ stance: -1, low: -1, n: 7 });
    expect(row.high).toBeCloseTo(0.190176, 6);
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
    const rows = kwicRows(ex, sel, sort, q);
    expect(rows).toHaveLength(n);
    for (const r of rows) expect(r.term.toUpperCase()).toContain('ISIS');
  });
  test('left + term + right is the sentence', () => {
    const r = kwicRows(ex, { ...sel, outlet: 'presstv', variant: 'daesh' }, 'position', '')[0];
    expect(`${r.left}${r.term}${r.right}`).toContain('stay focused on the fight against Daesh and not to engage');
  });
  test('an outlet group collects its members', () => {
    expect(kwicRows(ex, { kind: 'mentions', outlet: 'aggregators', group: 'islamic-state', variant: 'isil' }, 'position', '')).toHaveLength(2);
  });
});

describe('sharesSummary', () => {
  test('names the top variant with count and denominator', () => {
    expect(sharesSummary(ex, 'islamic-state', ['presstv', 'news24'])).toBe('Press TV: mostly "Daesh" (7 of 7, 100%); News24: mostly "ISIS" (8 of 9, 89%).');
  });
});

describe('highlightPieces', () => {
  test.each([
    ['no mentions', 'abc def', [], [], [['abc def', null, false]]],
    ['a mention inside a quote', 'he said "Daesh" now', [{ start: 9, end: 14, group: 'g', variant: 'd', voice: 'quoted' }], [{ start: 8, end: 15 }],
      [['he said ', null, false], ['"', null, true], ['Daesh', 'd', true], ['"', null, true], [' now', null, false]]],
    ['overlapping mentions keep the first', 'abcdef', [{ start: 0, end: 6, group: 'g', variant: 'outer', voice: 'own' }, { start: 2, end: 4, group: 'g', variant: 'inner', voice: 'own' }], [],
      [['abcdef', 'outer', false]]],
  ])('%s', (_case, text, mentions, quotes, expected) => {
    const pieces = highlightPieces(text, 0, text.length, mentions, quotes);
    expect(pieces.map((p) => [p.text, p.mention?.variant ?? null, p.quoted])).toEqual(expected);
  });
});
