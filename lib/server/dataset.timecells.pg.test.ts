import { describe, expect, test, vi } from 'vitest';
import { fakesOnPostgres } from './testPgFakes';
import { restartedServer, serverTestRoot, thrownBy } from './testRoot';

// Issue #19: a PostgreSQL-backed production server sums a time series in SQL from the time cells' rows the preparation
// stored (lib/store/pgCells.ts), and gives exactly the series the JS path sums from the same version's cells file.
const root = serverTestRoot('timecellspg');
const skip = fakesOnPostgres(root);
// Counts the reads of stored time cells (what summing in JS reads into memory; SQL needs none).
const decodes = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../store/timeCells', async (original) => {
  const actual = await original<typeof import('../store/timeCells')>();
  return {
    ...actual,
    readTimeCells: (...args: Parameters<typeof actual.readTimeCells>) => {
      decodes.calls++;
      return actual.readTimeCells(...args);
    },
  };
});
const params = (extra: Record<string, string>) => new URLSearchParams({ corpus: 'fa-kes', ...extra });

describe.skipIf(skip !== null)('the time series of a PostgreSQL-backed server', () => {
  test.each([
    [
      'islamic-state by month, own words in the body, two outlets and an outlet group',
      {
        group: 'islamic-state',
        bin: 'month',
        voice: 'own',
        scope: 'body',
        outlets: 'trt,dailysabah,turkish-media',
      },
    ],
    ['armed groups by week, a range', { group: 'armed-groups', bin: 'week', from: '2015-03-01', to: '2016-08-31' }],
    ['islamic-state, auto bin, a range', { group: 'islamic-state', from: '2016-01-01', to: '2016-12-31' }],
  ])(
    '%s: summed in SQL, equal to the JS sums of the cells',
    async (_, query: Record<string, string>) => {
      const { bundles, dataset } = await restartedServer();
      const { sqlSeriesOf } = await import('./seriesSql');
      const opened = dataset.openView('/time', params(query));
      if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
      const view = opened.view;
      const b = bundles.getBundle('fa-kes');
      const group = view.stats.groups.find((g) => g.id === query.group)!;
      // The rows answer this view (the series below is SQL's, not the JS fallback's).
      const sql = await sqlSeriesOf(
        b,
        { group: group.id, variants: group.variants.map((v) => v.id), entities: [], filters: view.query },
        view.query,
        () => 'month',
      );
      expect(sql).not.toBeNull();
      const fromSql = await dataset.timeseriesFor(view);
      const fromJs = dataset.timeseriesOf(view);
      expect(fromSql).toEqual(fromJs);
      expect(fromSql!.rows.some((r) => r.count > 0)).toBe(true);
    },
    120_000,
  );

  test('the check that decides whether /time waits, and the series, read no cells into memory', async () => {
    const { dataset } = await restartedServer();
    const query = params({ group: 'islamic-state', bin: 'month' });
    decodes.calls = 0;
    for (const [pathname, extra] of [
      ['/time', {}],
      ['/api/timeseries', {}],
      ['/api/og', { chart: 'time' }],
    ] as const)
      expect(
        thrownBy(() => dataset.textOf(pathname, new URLSearchParams({ ...Object.fromEntries(query), ...extra }))),
      ).toBeNull();
    const opened = dataset.openView('/time', query);
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    const ts = await dataset.timeseriesFor(opened.view);
    expect(ts!.rows.some((r) => r.count > 0)).toBe(true);
    expect(decodes.calls).toBe(0);
    // The JS path decodes them (the counter sees a decode when there is one).
    dataset.timeseriesOf(opened.view);
    expect(decodes.calls).toBe(1);
  }, 120_000);
});
