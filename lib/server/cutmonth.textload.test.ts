import { cpSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { DistinctiveRow } from '../analysis/exportTypes';
import type { ViewStats } from '../view/model';
import { restartedServer, serverTestRoot, thrownBy } from './testRoot';

// Issue #19: in the production server a date range that cuts months is tallied from the stored whole years and months
// plus the articles the range keeps in the months it cuts, read alone; the whole text is never read (before, the
// overview of such a range read every article file and analysis, and the proxy answered "Loading corpus" until then).
// The independent answer is today's whole-text path: the same views opened once the whole text is in memory, where the
// cut months are tallied from the analyses the bundle holds.
const root = serverTestRoot('cutmonth');
// FA-KES's 784 articles are over this, so the whole text would be read in the background, never on a request.
process.env.FRAMESCOPE_TEXT_HERE_ARTICLES = '500';
const loads = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../corpus/load', async (original) =>
  (await import('./testRoot')).countingLoads(await original<typeof import('../corpus/load')>(), () => loads.calls++),
);

type Range = { from?: string; to?: string };
// The article counts are those of the article files' date lines (grep '^date:', counted by day).
const RANGES: [string, Range, number][] = [
  // 2016-07-20: 3 articles; July 2016 has 70.
  ['one day', { from: '2016-07-20', to: '2016-07-20' }, 3],
  // March 2014's 4 articles are all before the 17th; 2016-08-01..09: 20 of August's 62.
  ['mid-month to mid-month across years', { from: '2014-03-17', to: '2016-08-09' }, 20],
  // 2016-02-15..29: 2+1+2+1+1 = 7 of February's 15.
  ['from only', { from: '2016-02-15' }, 7],
  // 2015-02-01..15: 2+3+3+1+1+2+2+2 = 16 of February's 33.
  ['to only', { to: '2015-02-15' }, 16],
  // 2016-07-18..21: 14 articles.
  ['inside one month', { from: '2016-07-18', to: '2016-07-21' }, 14],
  // No article is dated 2016-03-15 (March 2016: the 2nd, 4th, 10th, 12th twice and 21st).
  ['a day without articles', { from: '2016-03-15', to: '2016-03-15' }, 0],
];
const VIEWS: [string, string, Record<string, string>][] = [
  ['the overview', '/', {}],
  ['a comparison', '/compare', { outlets: 'sana,reuters' }],
  [
    'a comparison of groups, own voice, body only',
    '/compare',
    { outlets: 'state-media,russian-media', voice: 'own', scope: 'body' },
  ],
];
const CASES = RANGES.flatMap(([name, r, n]) =>
  VIEWS.map(([v, p, extra]) => [`${v}, ${name}`, p, { ...r, ...extra }, n] as const),
);

const params = (extra: Record<string, string>) => new URLSearchParams({ corpus: 'fa-kes', ...extra });

// Each case's statistics and comparison rows from the whole text (in memory), made once before the cases run.
const expected = new Map<string, { stats: ViewStats; rows: DistinctiveRow[] }>();

beforeAll(async () => {
  cpSync(path.join(process.cwd(), 'corpus', 'fa-kes'), path.join(root, 'fa-kes'), { recursive: true });
  cpSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
  await (await import('./bundles')).noticeChanges();
  const p = await (await import('../store/prepare')).settled('fa-kes');
  if (p?.error) throw new Error(`FA-KES was not prepared: ${p.error}`);
  const { bundles, dataset } = await restartedServer();
  const b = bundles.getBundle('fa-kes');
  expect(bundles.textPending(b)).not.toBeNull();
  await bundles.textLoaded(b);
  expect(bundles.textReady(b)).toBe(true);
  for (const [name, pathname, extra] of CASES) {
    const opened = dataset.openView(pathname, params(extra));
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    expected.set(name, { stats: opened.view.stats, rows: dataset.comparison(opened.view) });
  }
}, 300_000);

describe('a date range that cuts months reads only the cut months’ articles', () => {
  test.each(CASES)(
    '%s: the proxy lets it through, no whole-text read starts, the numbers equal the whole text’s',
    async (name, pathname, extra, cutArticles) => {
      const { bundles, dataset } = await restartedServer();
      loads.calls = 0;
      const b = bundles.getBundle('fa-kes');
      expect(thrownBy(() => dataset.textOf(pathname, params(extra)))).toBeNull();
      const opened = dataset.openView(pathname, params(extra));
      if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
      const rows = dataset.comparison(opened.view);
      // No whole-corpus read ran or started, and none starts after the loop turns.
      await new Promise((r) => setTimeout(r, 50));
      expect(loads.calls).toBe(0);
      expect(bundles.textReady(b)).toBe(false);
      const want = expected.get(name)!;
      expect(opened.view.stats).toEqual(want.stats);
      expect(rows).toEqual(want.rows);
      // The range's articles as the view counts them; the cut months' share of them is what was read alone.
      const kept = opened.view.stats.dateRange?.articles ?? 0;
      expect(kept).toBeGreaterThanOrEqual(cutArticles);
      if (pathname === '/compare' && kept > 0) expect(rows.length).toBeGreaterThan(0);
    },
    60_000,
  );

  test('a cut over FRAMESCOPE_DRILL_HERE_ARTICLES is read in the background, in steps, then gives the same numbers', async () => {
    process.env.FRAMESCOPE_DRILL_HERE_ARTICLES = '10';
    try {
      const { bundles, dataset, prepare } = await restartedServer();
      loads.calls = 0;
      const b = bundles.getBundle('fa-kes');
      const [name, pathname, extra] = CASES.find(([n]) => n === 'the overview, mid-month to mid-month across years')!;
      const thrown = thrownBy(() => dataset.textOf(pathname, params(extra)));
      expect(prepare.isAnalysing(thrown)).toBe(true);
      // The 20 articles of 2016-08-01..09, not the corpus's 784.
      expect((thrown as InstanceType<typeof prepare.AnalysingError>).progress).toMatchObject({
        stage: 'loading',
        done: 0,
        total: 20,
      });
      let turns = 0;
      while (thrownBy(() => dataset.textOf(pathname, params(extra))) !== null) {
        turns++;
        await new Promise((r) => setImmediate(r));
      }
      expect(turns).toBeGreaterThan(0);
      const opened = dataset.openView(pathname, params(extra));
      if (!opened.ok) throw new Error('no view');
      expect(opened.view.stats).toEqual(expected.get(name)!.stats);
      expect(loads.calls).toBe(0);
      expect(bundles.textReady(b)).toBe(false);
    } finally {
      delete process.env.FRAMESCOPE_DRILL_HERE_ARTICLES;
    }
  }, 60_000);
});
