import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { copySeedsAs, restartedServer, serverTestRoot } from './testRoot';

// A restart as the production server makes it: a store prepared by workers, then a fresh copy of the modules (a new
// process holds no bundle) reading it. Article files read on this thread are counted (loadCorpusFrom, loadCorpusSteps).
const root = serverTestRoot('restart');
const loads = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../corpus/load', async (original) => {
  const m = await original<typeof import('../corpus/load')>();
  return {
    ...m,
    loadCorpusFrom: (...a: Parameters<typeof m.loadCorpusFrom>) => {
      loads.calls++;
      return m.loadCorpusFrom(...a);
    },
    // The bundle's own read of its text goes through the stepped loader (the server runs it in the background).
    loadCorpusSteps: (...a: Parameters<typeof m.loadCorpusSteps>) => {
      loads.calls++;
      return m.loadCorpusSteps(...a);
    },
  };
});

const dir = path.join(root, 'r');
type Bundles = typeof import('./bundles');
beforeAll(async () => {
  copySeedsAs(root, 'r');
  const first: Bundles = await import('./bundles');
  await first.noticeChanges();
  await (await import('../store/prepare')).settled('r');
}, 60_000);

// A fresh copy of the bundle module: what a restarted server holds before its first view.
const restarted = async (): Promise<Bundles> => (await restartedServer()).bundles;

const whole = { from: null, to: null, shared: null };
const query = (subset: typeof whole | { from: string; to: string; shared: null }) =>
  ({ corpus: 'r', version: null, voice: 'own', scope: 'body', provenance: 'all', subset }) as const;

describe('a restart reads the folder index and stored tallies, not the article files', () => {
  test.each([
    ['the whole corpus', whole],
    ['a whole year (the seeds are dated 2016)', { from: '2016-01-01', to: '2016-12-31', shared: null }],
    ['whole months', { from: '2016-10-01', to: '2016-11-30', shared: null }],
  ])(
    '%s: statistics equal a fresh computation, and no article file is read',
    async (_, subset) => {
      const bundles = await restarted();
      const { loadCorpus } = await import('../corpus/load');
      const { analyzeArticles } = await import('../analysis/run');
      const { DEFAULT_OPTIONS, exportStats, attributedGroups } = await import('../analysis/aggregate');
      const { tallyByOutlet } = await import('../analysis/tallies');
      loads.calls = 0;
      const ex = bundles.getExport(query(subset));
      const b = bundles.getBundle('r');
      // The seeds hold 5 articles.
      expect(b.meta.articles).toHaveLength(5);
      expect(loads.calls).toBe(0);
      // The independent computation: load and analyse the folder here, keep the range by string comparison, tally.
      const corpus = loadCorpus(dir);
      const kept = analyzeArticles(corpus).filter((a) => {
        const d = corpus.articles.find((x) => x.id === a.id)!.date;
        return subset.from === null || (d !== null && d >= subset.from && d <= subset.to);
      });
      const o = { ...DEFAULT_OPTIONS, voice: 'own', scope: 'body' } as const;
      const expected = exportStats(corpus, tallyByOutlet(kept, attributedGroups(corpus)), o);
      expect(ex.counts).toEqual(expected.counts);
      expect(ex.stance).toEqual(expected.stance);
      expect(ex.distinctive).toEqual(expected.distinctive);
      expect(ex.sentiment).toEqual(expected.sentiment);
      expect(ex.dateRange).toMatchObject({ articles: kept.length });
    },
    60_000,
  );

  test('the restarted watcher finds the folder prepared without reading an article file, and starts nothing', async () => {
    const bundles = await restarted();
    loads.calls = 0;
    expect(bundles.isPrepared('r')).toBe(true);
    // The server's start checks with the asynchronous scan: the same answer, still no article file read.
    expect(await bundles.isPreparedAsync('r')).toBe(true);
    expect(await bundles.noticeChanges()).toEqual([]);
    expect(loads.calls).toBe(0);
  });

  test('a view that needs text reads it then, once, and gets what a full read gives', async () => {
    const bundles = await restarted();
    const { analyzeArticles } = await import('../analysis/run');
    const { loadCorpus } = await import('../corpus/load');
    loads.calls = 0;
    const ex = bundles.getExport(query(whole));
    expect(loads.calls).toBe(0);
    // The rows read the analyses, which need the article text.
    const mentions = ex.mentions.length;
    expect(loads.calls).toBe(1);
    const b = bundles.getBundle('r');
    expect(b.live.analyses).toEqual(analyzeArticles(loadCorpus(dir)));
    expect(b.corpus.articles.map((a) => a.id)).toEqual(b.meta.articles.map((a) => a.id));
    expect(mentions).toBeGreaterThan(0);
    // The text was read once, by the rows (the test's own loadCorpus reads through the module's unmocked binding).
    expect(loads.calls).toBe(1);
  }, 60_000);

  test.each([
    ['with the version kept as a snapshot, its text comes from there', true],
    ['with none kept, the views that need text wait for the new version', false],
  ])(
    'a hand edit before any text was read: %s',
    async (_, keep) => {
      const { recordVersion } = await import('../corpus/snapshots');
      // The watcher's preparations record versions; for the second case none is kept.
      if (keep) await recordVersion(dir);
      else rmSync(path.join(root, '.snapshots'), { recursive: true, force: true });
      const bundles = await restarted();
      const prepare = await import('../store/prepare');
      const old = bundles.getBundle('r');
      const version = old.meta.version;
      const file = path.join(dir, 'articles', 'voa-2016-10-21-cooperation.txt');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, `${text}\nMilitants were seen ${keep ? 'again' : 'once more'}.\n`);
      let thrown: unknown = null;
      try {
        void old.corpus;
      } catch (e) {
        thrown = e;
      }
      if (keep) {
        expect(thrown).toBeNull();
        expect(old.corpus.version).toBe(version);
      } else expect(prepare.isAnalysing(thrown)).toBe(true);
      // The statistics of the old version serve either way.
      expect(bundles.getExport(query(whole)).counts.length).toBeGreaterThan(0);
      await bundles.noticeChanges();
      await prepare.settled('r');
    },
    60_000,
  );
});
