import { describe, expect, test, vi } from 'vitest';
import { fakesOnPostgres } from './testPgFakes';
import { parseState } from '../url/state';
import { restartedServer, serverTestRoot } from './testRoot';

// Issue #19: a PostgreSQL-backed production server sums a date range's overview in SQL from the tallies rows the
// preparation stored (lib/store/pgTallies.ts), and shows exactly the statistics the JS path sums from the same
// version's stored year and month tallies.
const root = serverTestRoot('overviewpg');
const skip = fakesOnPostgres(root);
// Counts the JS sums of stored year and month tallies (what a range reads into memory on the JS path; SQL needs none).
const sums = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../analysis/monthTallies', async (original) => {
  const actual = await original<typeof import('../analysis/monthTallies')>();
  return {
    ...actual,
    rangeTallies: (...args: Parameters<typeof actual.rangeTallies>) => {
      sums.calls++;
      return actual.rangeTallies(...args);
    },
  };
});
const params = (extra: Record<string, string>) => new URLSearchParams({ corpus: 'fa-kes', ...extra });

// The view's statistics as a restarted server's JS path gives them (openView alone).
async function fromJs(pathname: string, query: URLSearchParams) {
  const { dataset } = await restartedServer();
  const opened = dataset.openView(pathname, query);
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  return opened.view.stats;
}

describe.skipIf(skip !== null)('the overview of a PostgreSQL-backed server', () => {
  test.each([
    ['/', '2013 to 2015, all text', { from: '2013-01-01', to: '2015-12-31' }, true],
    ['/', 'own words in the body, from 2016', { from: '2016-01-01', voice: 'own', scope: 'body' }, true],
    ['/group/islamic-state', 'a group page, to June 2014', { to: '2014-06-30' }, true],
    [
      '/compare',
      'two outlets, own words, 2014',
      { outlets: 'trt,sana', voice: 'own', from: '2014-01-01', to: '2014-12-31' },
      true,
    ],
    // Not answered by the rows: a range that cuts July 2016 (articles on its 1st and 29th), and the whole text.
    ['/', 'a range cutting a month', { from: '2016-07-15', to: '2016-12-31' }, false],
    ['/', 'the whole text', {}, false],
  ])(
    '%s %s: the statistics equal the JS path; summed in SQL: %s',
    async (pathname, _, query: Record<string, string>, inSql) => {
      const expected = await fromJs(pathname, params(query));
      const { dataset } = await restartedServer();
      const { sqlOverview } = await import('./overviewSql');
      // Whether the rows answer this view (on a fresh server, before any export of it is made): SQL's export is then
      // kept, and the view below shows it.
      expect(await sqlOverview(dataset.exportQueryOf(parseState(params(query)).state))).toBe(inSql);
      sums.calls = 0;
      const got = await dataset.openViewFor(pathname, params(query));
      if (!got.ok) throw new Error(JSON.stringify(got.problems));
      expect(got.view.stats).toEqual(expected);
      expect(got.view.stats.counts.some((r) => r.count > 0)).toBe(true);
      // SQL's export is the one the view shows: no stored year or month tallies summed in JS.
      if (inSql) expect(sums.calls).toBe(0);
    },
    120_000,
  );

  test("the proxy's sequence (overviewInSql, then textOf's check, then the page's openView) sums no range in JS", async () => {
    const query = params({ from: '2014-01-01', to: '2015-12-31', scope: 'body' });
    const expected = await fromJs('/', query);
    const { dataset } = await restartedServer();
    sums.calls = 0;
    await dataset.overviewInSql(query);
    dataset.textOf('/', query);
    const opened = dataset.openView('/', query);
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    expect(opened.view.stats).toEqual(expected);
    expect(sums.calls).toBe(0);
    // Without it the view sums the range in JS (the counter sees a sum when there is one). textOf's check opens the
    // view only while the corpus's text is not in memory (FA-KES's is read at once), so it is not what counts here.
    const { dataset: plain } = await restartedServer();
    plain.textOf('/', query);
    plain.openView('/', query);
    expect(sums.calls).toBe(1);
  }, 120_000);
});
