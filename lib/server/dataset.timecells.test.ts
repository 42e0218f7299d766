import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { restartedServer, serverTestRoot, thrownBy } from './testRoot';

// Issue #19: in the production server (FRAMESCOPE_BACKGROUND_ANALYSIS=1) the time series of a stored corpus is summed
// from its stored time cells: /time, its API and preview image pass the proxy's check and answer without any article
// file or analysis being read. Before, /time was a text view: the check started the read of every article and analysis.
const root = serverTestRoot('timecells');
// FA-KES (784 articles) is over this, so its text would be read in the background, never where a view needs it.
process.env.FRAMESCOPE_TEXT_HERE_ARTICLES = '500';
const loads = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../corpus/load', async (original) =>
  (await import('./testRoot')).countingLoads(await original<typeof import('../corpus/load')>(), () => loads.calls++),
);

const dir = path.join(root, 'fa-kes');
const params = (extra: Record<string, string> = {}) => new URLSearchParams({ corpus: 'fa-kes', ...extra });

beforeAll(async () => {
  cpSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
  cpSync(path.join(process.cwd(), 'corpus', 'fa-kes'), dir, { recursive: true });
  const first = await import('./bundles');
  await first.noticeChanges();
  const p = await (await import('../store/prepare')).settled('fa-kes');
  expect(p?.error ?? null).toBeNull();
}, 240_000);

// The series made afresh from the folder, independently of the store: every article analysed here (lib/time/series.ts).
async function fresh(q: { group: string; bin: 'week' | 'month'; from: string | null; to: string | null }) {
  const { analyzeArticles } = await import('../analysis/run');
  const { loadCorpus } = await import('../corpus/load');
  const { timeSeries } = await import('../time/series');
  const { dateKept } = await import('../analysis/filters');
  const c = loadCorpus(dir);
  const articles = analyzeArticles(c)
    .map((analysis, i) => ({ analysis, date: c.articles[i].date }))
    .filter((a) => dateKept(a.date, q));
  const group = c.lexicon.groups.find((g) => g.id === q.group)!;
  return timeSeries(articles, {
    group: group.id,
    variants: group.variants.map((v) => v.id),
    entities: [
      ...c.outlets.map((o) => ({ id: o.id, members: new Set([o.id]) })),
      { id: 'turkish-media', members: new Set(['trt', 'dailysabah']) },
    ],
    bin: q.bin,
    filters: { voice: 'own', scope: 'body' },
  });
}

const CASES = [
  ['islamic-state by month, the whole corpus', { group: 'islamic-state', bin: 'month', from: null, to: null }],
  ['armed groups by week, a range', { group: 'armed-groups', bin: 'week', from: '2015-03-01', to: '2016-08-31' }],
] as const;

describe('the time series of a stored corpus in the production server', () => {
  test.each(CASES)(
    '%s: passes the check and is answered with no article file or analysis read',
    async (_, q) => {
      const expected = await fresh(q);
      const { bundles, dataset } = await restartedServer();
      const b = bundles.getBundle('fa-kes');
      loads.calls = 0;
      const query = {
        group: q.group,
        bin: q.bin,
        voice: 'own',
        scope: 'body',
        outlets: [...b.meta.outlets.map((o) => o.id), 'turkish-media'].join(','),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
      };
      for (const [pathname, extra] of [
        ['/time', {}],
        ['/api/timeseries', {}],
        ['/api/og', { chart: 'time' }],
      ] as const)
        expect(thrownBy(() => dataset.textOf(pathname, params({ ...query, ...extra })))).toBeNull();
      const opened = dataset.openView('/time', params(query));
      if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
      const ts = dataset.timeseriesOf(opened.view)!;
      // Nothing read: no article file, and the background read of the text and analyses was never started.
      expect(loads.calls).toBe(0);
      expect(bundles.textReady(b)).toBe(false);
      expect(ts.bin).toBe(q.bin);
      expect(ts.periods).toEqual(expected.periods);
      expect(ts.rows).toEqual(expected.rows);
      expect(ts.rows.some((r) => r.count > 0)).toBe(true);
    },
    60_000,
  );

  test('a drill-down of the series reads only its articles (mention postings); under a filter the cells lack, the text', async () => {
    const { bundles, dataset, prepare } = await restartedServer();
    const b = bundles.getBundle('fa-kes');
    const drill = params({ group: 'islamic-state', sel: 'm.trt.islamic-state', at: '2016-07' });
    loads.calls = 0;
    expect(thrownBy(() => dataset.textOf('/time', drill))).toBeNull();
    const opened = dataset.openView('/time', drill);
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    const rows = dataset.drillDown(opened.view)!.rows;
    expect(loads.calls).toBe(0);
    expect(bundles.textReady(b)).toBe(false);
    // A provenance filter: the series is not in the cells, so the view waits for the whole text.
    const filtered = params({
      group: 'islamic-state',
      sel: 'm.trt.islamic-state',
      at: '2016-07',
      provenance: 'original',
    });
    expect(prepare.isAnalysing(thrownBy(() => dataset.textOf('/time', filtered)))).toBe(true);
    await bundles.textLoaded(b);
    // The independent answer: the same drill-down from the whole text, now in memory.
    const whole = dataset.openView('/time', drill);
    if (!whole.ok) throw new Error('no view');
    const expected = dataset.drillDown(whole.view)!.rows;
    expect(rows.total).toBe(expected.total);
    expect(rows.total).toBeGreaterThan(0);
    // Marks aside: the whole provenance may still be decoding; the drill's own come from the stored sentence kinds.
    const unmarked = (list: typeof rows.rows) => list.map((r) => ({ ...r, provenance: undefined }));
    expect(unmarked(rows.rows)).toEqual(unmarked(expected.rows));
  }, 60_000);

  // Last: it removes the cells and has the watcher make them again.
  test('a store made before the cells: the check sends /time to the text path, and the watcher makes them', async () => {
    const { STORE_ROOT } = await import('../store/files');
    const removed: string[] = [];
    for (const scope of readdirSync(path.join(STORE_ROOT, 'fa-kes')))
      for (const f of readdirSync(path.join(STORE_ROOT, 'fa-kes', scope)))
        if (f.startsWith('time-cells-')) {
          rmSync(path.join(STORE_ROOT, 'fa-kes', scope, f));
          removed.push(path.join(STORE_ROOT, 'fa-kes', scope, f));
        }
    expect(removed).toHaveLength(1);
    let server = await restartedServer();
    expect(server.bundles.isPrepared('fa-kes')).toBe(false);
    // Without cells the series reads every analysis: the check starts that read and answers the loading page.
    const b = server.bundles.getBundle('fa-kes');
    // Without a term group /time draws no series and reads nothing.
    expect(thrownBy(() => server.dataset.textOf('/time', params()))).toBeNull();
    expect(server.bundles.textReady(b)).toBe(false);
    const series = params({ group: 'islamic-state' });
    expect(server.prepare.isAnalysing(thrownBy(() => server.dataset.textOf('/time', series)))).toBe(true);
    // So does a drill-down of it, though the drill-down alone could be read from the mention postings.
    const drill = params({ group: 'islamic-state', sel: 'm.trt.islamic-state', at: '2016-07' });
    expect(server.prepare.isAnalysing(thrownBy(() => server.dataset.textOf('/time', drill)))).toBe(true);
    await server.bundles.textLoaded(b);
    // The watcher's look finds the version unprepared and makes what it lacks: the cells.
    await server.bundles.noticeChanges();
    expect((await server.prepare.settled('fa-kes'))?.error ?? null).toBeNull();
    expect(existsSync(removed[0])).toBe(true);
    server = await restartedServer();
    expect(server.bundles.isPrepared('fa-kes')).toBe(true);
    loads.calls = 0;
    expect(thrownBy(() => server.dataset.textOf('/time', params({ group: 'islamic-state' })))).toBeNull();
    expect(loads.calls).toBe(0);
  }, 240_000);
});
