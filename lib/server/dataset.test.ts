import { describe, expect, test } from 'vitest';
import { articleOf, articlesOf, comparison, drillDown, openView, type View } from './dataset';

function view(pathname: string, query = ''): View {
  const opened = openView(pathname, new URLSearchParams(query));
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  return opened.view;
}

describe('openView: one parse, one check, one answer', () => {
  test.each([
    ['/', 'voice=loud', 'voice', 400],
    ['/', 'corpus=nope', 'corpus', 404],
    ['/outlet/bbc', '', 'outlet', 404],
    ['/embed/stance', '', 'group', 400],
    ['/nowhere', '', '(path)', 404],
  ])('%s?%s is refused: %s %i', (pathname, query, param, status) => {
    const opened = openView(pathname, new URLSearchParams(query));
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.problems[0]).toMatchObject({ param, status });
  });

  test('a view carries the parsed state, plain statistics and no per-mention rows', () => {
    const v = view('/compare', 'outlets=presstv,voa&voice=own&utm_source=x');
    expect(v.query).toMatchObject({ corpus: 'seeds', voice: 'own', outlets: ['presstv', 'voa'] });
    expect(v.route.route.id).toBe('compare');
    expect(v.articleCount).toBe(5);
    expect(Object.keys(v.stats)).not.toContain('mentions');
    expect(Object.keys(v.stats)).not.toContain('articles');
    expect(v.current).toBe(v.stats.corpus.version);
    expect(v.pinned).toBe(false);
  });
});

describe('drillDown lists exactly what the number counts, a page at a time', () => {
  test.each([
    // Press TV says "Daesh" 7 times, one of them inside Carter's quotation (checked by reading the seed article).
    ['sel=m.presstv.islamic-state.daesh', 7],
    ['sel=m.presstv.islamic-state.daesh&voice=own', 6],
  ])('%s: %i mentions', (query, n) => {
    const d = drillDown(view('/', query));
    expect(d?.kind).toBe('mentions');
    expect(d?.rows.total).toBe(n);
    if (d?.kind === 'mentions') expect(d.rows.rows.every((r) => r.term.toLowerCase() === 'daesh')).toBe(true);
  });

  test('every outlet × term group drill-down total equals its count, under each voice and scope', () => {
    for (const q of ['', 'voice=own', 'scope=body', 'voice=own&scope=body']) {
      const base = view('/', q);
      for (const c of base.stats.counts.filter((r) => r.count > 0)) {
        const d = drillDown(view('/', `${q}&sel=m.${c.outlet}.${c.group}.${c.variant}`));
        expect(d?.rows.total, `${q} ${c.outlet} ${c.group} ${c.variant}`).toBe(c.count);
      }
    }
  });

  test('the sentiment drill-down has as many sentences as the figure, and the filter narrows it', () => {
    const v = view('/', 'sel=s.voa');
    const d = drillDown(v);
    const s = v.stats.sentiment.find((r) => r.outlet === 'voa')!;
    expect(d?.kind).toBe('sentences');
    expect(d?.rows.total).toBe(s.sentences);
    const filtered = drillDown(view('/', 'sel=s.voa&q=Mosul'));
    expect(filtered!.rows.total).toBeGreaterThan(0);
    expect(filtered!.rows.total).toBeLessThan(s.sentences);
    expect(filtered!.unfiltered).toBe(s.sentences);
  });

  test('no selection, no drill-down', () => expect(drillDown(view('/'))).toBeNull());
});

describe('other reads through the door', () => {
  test('comparison needs two outlets and gives one row per variant and group', () => {
    expect(comparison(view('/compare', 'outlets=presstv'))).toEqual([]);
    const rows = comparison(view('/compare', 'outlets=presstv,voa'));
    expect(new Set(rows.map((r) => `${r.outlet}/${r.vs}`))).toEqual(new Set(['presstv/voa']));
  });

  test("an outlet group lists its members' articles; an article lists its counted mentions", () => {
    const v = view('/outlet/aggregators');
    expect(
      articlesOf(v, 'aggregators')
        .map((a) => a.outlet)
        .sort(),
    ).toEqual(['aggregator-a', 'lidtime']);
    const a = articleOf(view('/article/aggregator-a-2016-09-07-raqqa'), 'aggregator-a-2016-09-07-raqqa');
    // 9 Islamic State mentions in this page (2 Islamic State, 2 IS, 2 ISIS, 2 ISIL, 1 quoted Daesh), checked by
    // reading.
    expect(a?.mentions.filter((m) => m.group === 'islamic-state')).toHaveLength(9);
  });
});

describe('the statistics a view carries', () => {
  test('are every table of the export but its row lists', async () => {
    const { aggregate, DEFAULT_OPTIONS } = await import('../analysis/aggregate');
    const { analyzeArticles } = await import('../analysis/run');
    const { loadCorpus } = await import('../corpus/load');
    const corpus = loadCorpus('corpus/seeds');
    const ex = aggregate(corpus, analyzeArticles(corpus), DEFAULT_OPTIONS);
    const v = view('/');
    // The door adds the date range it counted (stories are a row list, like mentions and articles).
    expect(Object.keys(v.stats).sort()).toEqual(
      [...Object.keys(ex), 'dateRange'].filter((k) => k !== 'mentions' && k !== 'articles').sort(),
    );
    expect(v.stats.dateRange).toEqual({ from: null, to: null, articles: 5, outside: 0, undated: 0 });
    expect(v.stats.setAside).toEqual(ex.setAside);
  });
});
