import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_OPTIONS, aggregate } from '../analysis/aggregate';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { defaultIds, keepRows, ogModel, timeOgModel } from './ogModel';

const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'seeds'));
const ex = aggregate(corpus, analyzeArticles(corpus), DEFAULT_OPTIONS);

describe('keepRows', () => {
  test.each([
    [[3, 1, 2], 5, [3, 1, 2], false],
    [[3, 1, 2, 5], 2, [3, 5], true],
    // Ties go to the earlier row.
    [[1, 1, 1], 2, [1, 1], true],
  ])('%j keep %i', (rows, max, kept, cut) => expect(keepRows(rows, (r) => r, max)).toEqual({ kept, cut }));
});

describe('ogModel', () => {
  test('rows cut to the ones with most mentions, and the image says so', () => {
    // Islamic State mentions: Press TV 7, News24 9, VOA 5 (read in the seed texts); the unnamed aggregator 9 and
    // lidtime 7 (1 + 2 + 2 + 2 + 2 and 1 + 2 + 4 by variant); the two groups 16 and 12. Top 5: both groups, News24,
    // the aggregator, and Press TV (tied with lidtime at 7, earlier in order).
    const m = ogModel(ex, 'shares', defaultIds(ex), 'islamic-state', 5);
    expect(m.cut).toBe('5 of 7 outlets and groups shown (most mentions)');
    expect(m.rows.map((r) => r.label.split(' (')[0])).toEqual([
      'Press TV',
      'News24',
      'Unnamed aggregator',
      'Aggregators',
      'State broadcasters',
    ]);
    expect(m.legend.map((l) => l.label)).toEqual(['Daesh', 'ISIL', 'ISIS', 'IS', 'Islamic State']);
  });
  test.each([
    ['stance', 'dot', 'Stance index: Islamic State'],
    ['sentiment', 'dot', 'Sentiment per sentence (AFINN-165)'],
    ['shares', 'stacked', 'What does the outlet call the Islamic State?'],
    ['pie', 'stacked', 'What does the outlet call the Islamic State?'],
  ])('chart %s draws %s rows titled %s', (chart, kind, title) => {
    const m = ogModel(ex, chart, ['presstv', 'voa'], 'islamic-state');
    expect([m.kind, m.title, m.cut]).toEqual([kind, title, null]);
  });
  test('a stance of exactly 0 keeps its value (the unnamed aggregator, 9 mentions)', () => {
    const row = ogModel(ex, 'stance', ['aggregator-a'], 'islamic-state').rows[0];
    expect(row.value).toBe(0);
    expect(row.low).toBeLessThan(0);
  });
  test('distinctive: one outlet against the rest, or a pair in either order', () => {
    const ab = ogModel(ex, 'distinctive', ['presstv', 'voa'], 'islamic-state');
    const ba = ogModel(ex, 'distinctive', ['voa', 'presstv'], 'islamic-state');
    expect(ab.rows.map((r) => r.value)).toEqual(ba.rows.map((r) => -(r.value as number)));
    expect(ogModel(ex, 'distinctive', ['presstv'], 'islamic-state').title).toBe(
      'Press TV vs all other outlets: Islamic State',
    );
  });
});

describe('the actor-tone preview', () => {
  test('one outlet: its actors with n sentences and the interval, the image names the chart', () => {
    const m = ogModel(ex, 'actor-tone', ['presstv'], 'islamic-state');
    expect(m.title).toBe('Press TV: tone toward each actor (AFINN-165)');
    expect(m.kind).toBe('dot');
    // Press TV names the Turkish-backed groups in one sentence, read in its text: "Hours after the beginning of the
    // operation, Turkish-backed militants seized Jarablus, …"; one sentence has no interval.
    expect(m.rows.find((r) => r.label.startsWith('Turkish-backed groups'))).toMatchObject({
      label: 'Turkish-backed groups (1 sentence)',
      low: null,
      high: null,
    });
    expect(m.axis?.ticks).toContain(0);
  });

  test.each([
    [['presstv'], 3, 'actors'],
    [['presstv', 'voa'], 4, 'actor–outlet pairs'],
  ])('%j cut to %i rows with the most sentences, and the image says so', (ids, max, noun) => {
    const scored = ex.actorTone.filter((t) => ids.includes(t.outlet) && t.sentences > 0);
    const m = ogModel(ex, 'actor-tone', ids, 'islamic-state', max);
    expect(m.rows).toHaveLength(max);
    expect(m.cut).toBe(`${max} of ${scored.length} ${noun} shown (most sentences)`);
    const least = Math.min(...m.rows.map((r) => Number(/\((\d+) sentences?\)$/.exec(r.label)![1])));
    const left = scored.map((t) => t.sentences).sort((a, b) => b - a)[max];
    expect(least).toBeGreaterThanOrEqual(left);
  });
});

describe('the naming-over-time preview', () => {
  // Hand-made rows: Press TV in three months; 2016-08 has no mentions of the group.
  const row = (period: string, variant: string, count: number, groupTotal: number, groupArticles: number) => ({
    outlet: 'presstv',
    period,
    variant,
    count,
    groupTotal,
    share: groupTotal ? count / groupTotal : null,
    shareLow: null,
    shareHigh: null,
    articles: groupArticles,
    groupArticles,
    tokens: 1000,
    per1k: null,
  });
  const rows = [
    row('2016-07', 'daesh', 3, 4, 2),
    row('2016-07', 'isis', 1, 4, 2),
    row('2016-08', 'daesh', 0, 0, 0),
    row('2016-09', 'daesh', 1, 5, 3),
    row('2016-09', 'isis', 4, 5, 3),
  ];
  test.each<[number, string[], string | null]>([
    // Under 10 mentions a period is too few to read (SPARSE_N, as the time page draws it hollow).
    [
      8,
      ['2016-07 (4 mentions in 2 articles; too few to read)', '2016-09 (5 mentions in 3 articles; too few to read)'],
      null,
    ],
    [1, ['2016-09 (5 mentions in 3 articles; too few to read)'], '1 of 2 periods with mentions shown (most recent)'],
  ])('at most %i rows', (max, labels, cut) => {
    const m = timeOgModel(ex, rows, 'presstv', 'islamic-state', max);
    expect(m.rows.map((r) => r.label)).toEqual(labels);
    expect(m.cut).toBe(cut);
    expect(m.title).toBe('Press TV: Islamic State over time');
  });

  test('each period is split by its variants in lexicon order, with the counts', () => {
    const m = timeOgModel(ex, rows, 'presstv', 'islamic-state');
    // Lexicon order: Daesh, ISIL, ISIS, IS, Islamic State. 2016-09: Daesh 1 of 5, ISIS 4 of 5.
    expect(m.rows[1].segments!.map((s) => [s.text, s.share])).toEqual([
      ['1', 0.2],
      ['0', 0],
      ['4', 0.8],
      ['0', 0],
      ['0', 0],
    ]);
  });
});
