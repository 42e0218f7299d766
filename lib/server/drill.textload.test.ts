import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { preparedSeedCopies, restartedServer, serverTestRoot, thrownBy } from './testRoot';

// Issue #19: in the production server a drill-down and an outlet page read only the articles their selection names
// (stored mention postings), never every article's text and analysis: the proxy's check (textOf) lets them through
// while the text is not in memory, and the whole text is still unread after they have answered. Before, both waited
// for the background read of the whole corpus (the loading stage).
const root = serverTestRoot('drilltext');
// The scratch corpus (600 articles) is over this, so a whole-text read would run in the background.
process.env.FRAMESCOPE_TEXT_HERE_ARTICLES = '500';
const loads = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../corpus/load', async (original) =>
  (await import('./testRoot')).countingLoads(await original<typeof import('../corpus/load')>(), () => loads.calls++),
);

// 5 seed articles × 120 copies = 600 articles.
const COPIES = 120;
beforeAll(() => preparedSeedCopies(root, 'big', COPIES), 240_000);

const params = (extra: Record<string, string> = {}) => new URLSearchParams({ corpus: 'big', ...extra });

describe('drill-downs and outlet pages read only the articles they show', () => {
  test.each([
    ['a term’s drill-down on the overview', '/', { sel: 'm.voa.armed-groups' }],
    ['a variant on a comparison', '/compare', { outlets: 'voa,presstv', sel: 'm.presstv.islamic-state.daesh' }],
    ['an actor’s labels', '/', { sel: 'a.news24.unattributed.armed-groups' }],
    ['a sentiment drill-down with a query', '/', { sel: 's.lidtime', q: 'the' }],
    ['the outlet page', '/outlet/voa', {}],
    ['the outlet page with a drill-down, page 2', '/outlet/voa', { sel: 'm.voa.armed-groups', page: '2' }],
  ])(
    '%s: answered without the whole text, with the rows a full read gives',
    async (_, pathname, extra) => {
      const { bundles, dataset } = await restartedServer();
      loads.calls = 0;
      const b = bundles.getBundle('big');
      expect(thrownBy(() => dataset.textOf(pathname, params(extra)))).toBeNull();
      const opened = dataset.openView(pathname, params(extra));
      if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
      const drill = dataset.drillDown(opened.view);
      const id = pathname.startsWith('/outlet/') ? pathname.slice('/outlet/'.length) : null;
      const list = id ? dataset.articlesOf(opened.view, id) : null;
      // No whole-corpus read ran or started, and none starts after the loop turns.
      await new Promise((r) => setTimeout(r, 50));
      expect(loads.calls).toBe(0);
      expect(bundles.textReady(b)).toBe(false);
      // The independent answer: the same view once the whole text is in memory (today's code path).
      expect(bundles.textPending(b)).not.toBeNull();
      await bundles.textLoaded(b);
      expect(bundles.textReady(b)).toBe(true);
      // The whole provenance decoded too, so that the full answer's rows carry their original/reused marks.
      for (let i = 0; i < 600 && !bundles.provenanceIfReady(b); i++) await new Promise((r) => setTimeout(r, 50));
      const full = dataset.openView(pathname, params(extra));
      if (!full.ok) throw new Error('no view');
      const whole = dataset.drillDown(full.view);
      if (whole) {
        // Read article by article, it marks its rows from the stored sentence kinds, not the whole provenance; the
        // marks equal those the decoded provenance gives (sentenceAt, lib/provenance/views.ts).
        expect(drill!.provenanceUnread).toBeUndefined();
        expect(drill!.provenancePending).toBe(false);
        expect(whole.provenancePending).toBe(false);
        expect(drill!.rows.total).toBe(whole.rows.total);
        expect(drill!.unfiltered).toBe(whole.unfiltered);
        expect(drill!.rows.rows).toEqual(whole.rows.rows);
        expect(whole.rows.total).toBeGreaterThan(0);
        expect(drill!.rows.rows.every((r) => r.provenance !== undefined)).toBe(true);
      } else expect(drill).toBeNull();
      if (id) {
        expect(list).toEqual(dataset.articlesOf(full.view, id));
        // voa's one seed article, copied 120 times.
        expect(list).toHaveLength(COPIES);
      }
    },
    60_000,
  );

  test('a selection over FRAMESCOPE_DRILL_HERE_ARTICLES is read in the background, in steps, then answered', async () => {
    process.env.FRAMESCOPE_DRILL_HERE_ARTICLES = '100';
    try {
      const { bundles, dataset, prepare } = await restartedServer();
      loads.calls = 0;
      const b = bundles.getBundle('big');
      const sel = { sel: 's.voa' };
      const thrown = thrownBy(() => dataset.textOf('/', params(sel)));
      expect(prepare.isAnalysing(thrown)).toBe(true);
      // voa's 120 articles, not the corpus's 600.
      expect((thrown as InstanceType<typeof prepare.AnalysingError>).progress).toMatchObject({
        stage: 'loading',
        done: 0,
        total: COPIES,
      });
      let turns = 0;
      while (thrownBy(() => dataset.textOf('/', params(sel))) !== null) {
        turns++;
        await new Promise((r) => setImmediate(r));
      }
      expect(turns).toBeGreaterThan(0);
      const opened = dataset.openView('/', params(sel));
      if (!opened.ok) throw new Error('no view');
      expect(dataset.drillDown(opened.view)!.rows.total).toBeGreaterThan(0);
      expect(loads.calls).toBe(0);
      expect(bundles.textReady(b)).toBe(false);
    } finally {
      delete process.env.FRAMESCOPE_DRILL_HERE_ARTICLES;
    }
  }, 60_000);

  test('the drill-down counts are read after a restart between requests; a drill-down asking first gets the loading page', async () => {
    const q = params({ sel: 'm.voa.armed-groups' });
    const drillOf = (dataset: typeof import('./dataset')) => {
      const opened = dataset.openView('/', q);
      if (!opened.ok) throw new Error('no view');
      return dataset.drillDown(opened.view)!;
    };
    // The reference: read on the request, under the default bound (2,000 articles, over the corpus's 600).
    const reference = drillOf((await restartedServer()).dataset);
    // voa's one seed article, copied 120 times, holds armed-group mentions on the first page.
    expect(reference.rows.articles).toBe(COPIES);
    process.env.FRAMESCOPE_DRILL_HERE_ARTICLES = '100';
    try {
      // Asked on the turn the bundle is built, before its warm-up ran: the loading stage, counting the version's 600.
      const first = await restartedServer();
      loads.calls = 0;
      const thrown = thrownBy(() => first.dataset.textOf('/', q));
      expect(first.prepare.isAnalysing(thrown)).toBe(true);
      expect((thrown as InstanceType<typeof first.prepare.AnalysingError>).progress).toMatchObject({
        stage: 'loading',
        total: 5 * COPIES,
      });
      while (thrownBy(() => first.dataset.textOf('/', q)) !== null) await new Promise((r) => setImmediate(r));
      expect(drillOf(first.dataset)).toEqual(reference);
      // Left to its warm-up: read with no view asking, then the first drill-down passes at once.
      const warmed = await restartedServer();
      const b = warmed.bundles.getBundle('big');
      const stored = await import('./drillStored');
      for (let i = 0; i < 3000 && !stored.drillCountsRead(b); i++) await new Promise((r) => setTimeout(r, 10));
      expect(stored.drillCountsRead(b)).toBe(true);
      expect(thrownBy(() => warmed.dataset.textOf('/', q))).toBeNull();
      expect(drillOf(warmed.dataset)).toEqual(reference);
      expect(loads.calls).toBe(0);
    } finally {
      delete process.env.FRAMESCOPE_DRILL_HERE_ARTICLES;
    }
  }, 120_000);

  test('a store made before the postings: the view waits for the whole text, and the watcher makes them', async () => {
    const store = path.join(root, '.store', 'big');
    const files = readdirSync(store, { recursive: true, encoding: 'utf8' }).filter((f) =>
      path.basename(f).startsWith('mention-postings-'),
    );
    expect(files).toHaveLength(1);
    rmSync(path.join(store, files[0]));
    const { bundles, dataset, prepare } = await restartedServer();
    expect(bundles.isPrepared('big')).toBe(false);
    expect(prepare.isAnalysing(thrownBy(() => dataset.textOf('/', params({ sel: 'm.voa.armed-groups' }))))).toBe(true);
    await bundles.textLoaded(bundles.getBundle('big'));
    const made = await bundles.noticeChanges();
    expect(made.map((p) => p.corpus)).toEqual(['big']);
    expect((await prepare.settled('big'))?.error ?? null).toBeNull();
    expect(bundles.isPrepared('big')).toBe(true);
    // A restarted server answers from them again.
    const again = await restartedServer();
    expect(thrownBy(() => again.dataset.textOf('/', params({ sel: 'm.voa.armed-groups' })))).toBeNull();
  }, 120_000);

  test('a store made before sentence kinds: rows unmarked (and it says why) until the watcher makes them', async () => {
    const store = path.join(root, '.store', 'big');
    const files = readdirSync(store, { recursive: true, encoding: 'utf8' }).filter((f) =>
      path.basename(f).startsWith('sentence-kinds-'),
    );
    expect(files).toHaveLength(1);
    rmSync(path.join(store, files[0]));
    const { bundles, dataset, prepare } = await restartedServer();
    expect(bundles.isPrepared('big')).toBe(false);
    const drill = () => {
      const opened = dataset.openView('/', params({ sel: 'm.voa.armed-groups' }));
      if (!opened.ok) throw new Error('no view');
      return dataset.drillDown(opened.view)!;
    };
    expect(thrownBy(() => dataset.textOf('/', params({ sel: 'm.voa.armed-groups' })))).toBeNull();
    const before = drill();
    expect(before.provenanceUnread).toBe(true);
    expect(before.rows.rows.some((r) => r.provenance !== undefined)).toBe(false);
    const made = await bundles.noticeChanges();
    expect(made.map((p) => p.corpus)).toEqual(['big']);
    expect((await prepare.settled('big'))?.error ?? null).toBeNull();
    expect(bundles.isPrepared('big')).toBe(true);
    const after = (await restartedServer()).dataset;
    const opened = after.openView('/', params({ sel: 'm.voa.armed-groups' }));
    if (!opened.ok) throw new Error('no view');
    const marked = after.drillDown(opened.view)!;
    expect(marked.provenanceUnread).toBeUndefined();
    expect(marked.rows.rows.every((r) => r.provenance !== undefined)).toBe(true);
  }, 120_000);
});
