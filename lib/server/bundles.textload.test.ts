import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { preparedSeedCopies, restartedServer, serverTestRoot, thrownBy } from './testRoot';

// Issue #14: in the production server (FRAMESCOPE_BACKGROUND_ANALYSIS=1) no request reads every article's text and
// analyses. A restarted server (fresh modules over a prepared store) is asked through the proxy's check (textOf): views
// answered from the stored tallies pass at once, views that read text get the loading stage while the text is read in
// steps in the background, and other views keep answering meanwhile. Assertions are on order and counts, never time.
const root = serverTestRoot('textload');
// The scratch corpus (600 articles) is over this, so it is read in the background; see the last test for the default.
process.env.FRAMESCOPE_TEXT_HERE_ARTICLES = '500';
const loads = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../corpus/load', async (original) =>
  (await import('./testRoot')).countingLoads(await original<typeof import('../corpus/load')>(), () => loads.calls++),
);

// Decodes of a version's stored provenance (readProvenance and readProvenanceSteps read and deserialise the file).
const decodes = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../store/derived', async (original) => {
  const m = await original<typeof import('../store/derived')>();
  return {
    ...m,
    readProvenance: (...a: Parameters<typeof m.readProvenance>) => {
      decodes.calls++;
      return m.readProvenance(...a);
    },
    readProvenanceSteps: (...a: Parameters<typeof m.readProvenanceSteps>) => {
      decodes.calls++;
      return m.readProvenanceSteps(...a);
    },
  };
});

// 5 seed articles × 120 copies = 600 articles: more than two steps (LOAD_STEP = 250) of text and of analyses.
const COPIES = 120;
const dir = path.join(root, 'big');
type Bundles = typeof import('./bundles');
beforeAll(() => preparedSeedCopies(root, 'big', COPIES), 240_000);

const params = (extra: Record<string, string> = {}) => new URLSearchParams({ corpus: 'big', ...extra });
// A view that reads text: a comparison of the same stories only (its tallies are of the stories' articles). A range that
// cuts months no longer does (cutmonth.textload.test.ts).
const SHARED = { outlets: 'voa,presstv', stories: 'shared' };

describe('text and analyses are read in the background in the production server', () => {
  test.each([
    // Stored tallies answer these (whole months of the seeds, dated Aug–Oct 2016).
    ['the overview', '/', {}, false],
    ['the overview of whole months', '/', { from: '2016-09-01', to: '2016-10-31' }, false],
    ['a comparison of two outlets', '/compare', { outlets: 'voa,presstv' }, false],
    // The range cuts September and October: their tallies read the articles the range keeps in them alone.
    ['the overview of a range cutting months', '/', { from: '2016-09-05', to: '2016-10-21' }, false],
    ['a comparison of the same stories only', '/compare', SHARED, true],
    // Summed from the stored time cells (lib/time/cells.ts); its drill-down read from the stored mention postings.
    ['the time series', '/time', { group: 'islamic-state' }, false],
    ['the time series API', '/api/timeseries', { group: 'islamic-state' }, false],
    ['the time chart’s preview image', '/api/og', { chart: 'time', group: 'islamic-state' }, false],
    [
      'a drill-down of the time series',
      '/time',
      { group: 'islamic-state', sel: 'm.voa.islamic-state', at: '2016-09' },
      false,
    ],
    // Original text only: neither the cells nor the postings answer it.
    [
      'a drill-down of the time series of original text',
      '/time',
      { group: 'islamic-state', sel: 'm.voa.islamic-state', at: '2016-09', provenance: 'original' },
      true,
    ],
    // One article is read alone (its file and stored analysis), not the corpus.
    ['an article page', '/article/voa-2016-10-21-cooperation', {}, false],
    ['an article’s raw capture', '/article/voa-2016-10-21-cooperation/raw', {}, false],
    // Its article list and drill-downs come from the stored mention postings (lib/server/drillStored.ts).
    ['an outlet page (it lists the outlet’s articles)', '/outlet/voa', {}, false],
    // It reads the version's stored provenance summary (lib/provenance/summary.ts), not the whole provenance...
    ['the provenance page', '/provenance', {}, false],
    // ...unless the view is filtered by provenance: its statistics read the whole provenance against the analyses.
    ['the provenance page of original text', '/provenance', { provenance: 'original' }, true],
  ])(
    '%s: waits for the text: %s',
    async (_, pathname, extra, waits) => {
      const { bundles, dataset, prepare } = await restartedServer();
      loads.calls = 0;
      const b = bundles.getBundle('big');
      const thrown = thrownBy(() => dataset.textOf(pathname, params(extra)));
      // The check itself never reads an article file, whatever the view.
      expect(loads.calls).toBe(0);
      if (!waits) {
        expect(thrown).toBeNull();
        expect(bundles.textReady(b)).toBe(false);
        // Nothing was started: after the loop turns a read would take, still no article file was read.
        await new Promise((r) => setTimeout(r, 50));
        expect(loads.calls).toBe(0);
        return;
      }
      expect(prepare.isAnalysing(thrown)).toBe(true);
      const progress = (thrown as InstanceType<typeof prepare.AnalysingError>).progress;
      expect(progress).toMatchObject({ corpus: 'big', stage: 'loading', done: 0, total: 5 * COPIES });
      await bundles.textLoaded(b);
      // Read once, in the background.
      expect(loads.calls).toBe(1);
      expect(bundles.textReady(b)).toBe(true);
      expect(thrownBy(() => dataset.textOf(pathname, params(extra)))).toBeNull();
    },
    60_000,
  );

  test('other views answer while the text is read, and the text read equals a full read', async () => {
    const { bundles, dataset, prepare } = await restartedServer();
    const { analyzeArticles } = await import('../analysis/run');
    const { loadCorpus } = await import('../corpus/load');
    const b = bundles.getBundle('big');
    expect(prepare.isAnalysing(thrownBy(() => dataset.textOf('/compare', params(SHARED))))).toBe(true);
    const events: string[] = [];
    const seen: number[] = [];
    void bundles.textLoaded(b).then(() => events.push('loaded'));
    while (!bundles.textReady(b)) {
      // The overview is answered from the stored tallies while the text is being read.
      const opened = dataset.openView('/', params());
      events.push(opened.ok && opened.view.stats.counts.length > 0 ? 'overview' : 'failed');
      const p = bundles.textPending(b);
      if (p) seen.push(p.done);
      await new Promise((r) => setImmediate(r));
    }
    await bundles.textLoaded(b);
    expect(events.filter((e) => e === 'overview').length).toBeGreaterThanOrEqual(3);
    expect(events).not.toContain('failed');
    expect(events.indexOf('overview')).toBeLessThan(events.indexOf('loaded'));
    // The progress moved between steps: some count strictly between none and all was seen.
    expect(seen.some((d) => d > 0 && d < 5 * COPIES)).toBe(true);
    expect(b.live.analyses).toEqual(analyzeArticles(loadCorpus(dir)));
    expect(b.corpus.articles.map((a) => a.id)).toEqual(b.meta.articles.map((a) => a.id));
  }, 120_000);

  test('a view the check did not foresee still gets its answer, read here as before, with a warning', async () => {
    const { bundles } = await restartedServer();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    loads.calls = 0;
    const b = bundles.getBundle('big');
    // 600 articles, every one analysed.
    expect(b.live.analyses).toHaveLength(5 * COPIES);
    expect(loads.calls).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('on the request thread'));
    warn.mockRestore();
  }, 60_000);

  test('the proxy never decodes provenance: a view filtered by provenance waits while the text, then the provenance, are read in the background', async () => {
    const { bundles, dataset, prepare } = await restartedServer();
    const { corpusProvenance } = await import('../provenance/corpusProvenance');
    const { loadCorpus } = await import('../corpus/load');
    const b = bundles.getBundle('big');
    decodes.calls = 0;
    const stages: string[] = [];
    // What the proxy does for /provenance, until it lets the page render.
    for (let turns = 0; turns < 10_000; turns++) {
      const thrown = thrownBy(() => {
        dataset.textOf('/provenance', params({ provenance: 'original' }));
        dataset.provenanceOf(params({ provenance: 'original' }));
      });
      if (thrown === null) break;
      expect(prepare.isAnalysing(thrown)).toBe(true);
      const stage = (thrown as InstanceType<typeof prepare.AnalysingError>).progress.stage ?? '';
      if (stages.at(-1) !== stage) stages.push(stage);
      // The first answer came before anything was decoded.
      if (turns === 0) expect(decodes.calls).toBe(0);
      await new Promise((r) => setImmediate(r));
    }
    expect(stages).toEqual(['loading', 'provenance']);
    // Decoded once, in the background.
    expect(decodes.calls).toBe(1);
    // The decoded provenance equals one computed afresh from the folder (independently of the stored file).
    const fresh = corpusProvenance(loadCorpus(dir), b.live.analyses);
    expect(b.provenance.articles).toEqual(fresh.articles);
    expect(b.provenance.index.pairs).toEqual(fresh.index.pairs);
  }, 120_000);

  test.each([
    ['500 (the scratch corpus is larger)', '500', false],
    ['the default, 1,000', '', true],
  ])(
    'with FRAMESCOPE_TEXT_HERE_ARTICLES at %s, the 600 articles are read where first needed: %s',
    async (_, v, here) => {
      process.env.FRAMESCOPE_TEXT_HERE_ARTICLES = v;
      try {
        const { bundles, dataset } = await restartedServer();
        loads.calls = 0;
        const b = bundles.getBundle('big');
        expect(bundles.textReady(b)).toBe(here);
        expect(thrownBy(() => dataset.textOf('/compare', params(SHARED))) === null).toBe(here);
        expect(loads.calls).toBe(0);
        if (here) expect(b.live.analyses).toHaveLength(5 * COPIES);
        await bundles.textLoaded(b);
      } finally {
        process.env.FRAMESCOPE_TEXT_HERE_ARTICLES = '500';
      }
    },
    60_000,
  );

  test('a search of a corpus counted on a worker passes the check without reading the text here', async () => {
    process.env.FRAMESCOPE_ANSWER_HERE_CHARS = '0';
    try {
      const { bundles, dataset } = await restartedServer();
      loads.calls = 0;
      const b = bundles.getBundle('big');
      // The stored index gives the text's length: 120 copies of the seeds' text.
      const { loadCorpus } = await import('../corpus/load');
      const { analyzeArticles } = await import('../analysis/run');
      const seeds = analyzeArticles(loadCorpus(path.join(process.cwd(), 'corpus', 'seeds')));
      expect(b.textChars).toBe(COPIES * seeds.reduce((n, a) => n + a.text.length, 0));
      loads.calls = 0;
      expect(thrownBy(() => dataset.textOf('/search', params({ term: 'rebels' })))).toBeNull();
      await new Promise((r) => setTimeout(r, 50));
      expect(bundles.textReady(b)).toBe(false);
      expect(loads.calls).toBe(0);
    } finally {
      delete process.env.FRAMESCOPE_ANSWER_HERE_CHARS;
    }
  }, 60_000);

  test('an article page reads its one article alone: what a full read gives, the corpus text left unread', async () => {
    const { bundles, dataset } = await restartedServer();
    const { loadCorpus } = await import('../corpus/load');
    const { analyzeArticle, compileEngine } = await import('../analysis/article');
    loads.calls = 0;
    const b = bundles.getBundle('big');
    const id = 'voa-2016-10-21-cooperation-c7';
    expect(thrownBy(() => dataset.textOf(`/article/${id}`, params()))).toBeNull();
    const opened = dataset.openView(`/article/${id}`, params());
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    const model = dataset.articleOf(opened.view, id)!;
    expect(loads.calls).toBe(0);
    expect(bundles.textReady(b)).toBe(false);
    // The independent computation: the folder loaded whole and the article analysed afresh.
    const corpus = loadCorpus(dir);
    const article = corpus.articles.find((a) => a.id === id)!;
    const fresh = analyzeArticle(article, compileEngine(corpus.lexicon));
    expect(model.meta).toEqual(article);
    expect(model.text).toBe(fresh.text);
    expect(model.quotes).toEqual(fresh.quotes);
    // The default view counts every mention of every voice and section.
    expect(model.mentions).toEqual(fresh.mentions);
    expect(model.mentions.length).toBeGreaterThan(0);
  }, 60_000);

  test('the proxy’s and the pages’ copies of the modules share bundles: the read one started is the one the other finds', async () => {
    // Next bundles the proxy apart from the pages: two copies of the module in one process (here: two module graphs).
    const proxySide = await restartedServer();
    vi.resetModules();
    const pageSide: Bundles = await import('./bundles');
    const b = proxySide.bundles.getBundle('big');
    expect(pageSide.getBundle('big')).toBe(b);
    const thrown = thrownBy(() => proxySide.dataset.textOf('/compare', params(SHARED)));
    expect(proxySide.prepare.isAnalysing(thrown)).toBe(true);
    await pageSide.textLoaded(b);
    expect(pageSide.textReady(b)).toBe(true);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    loads.calls = 0;
    // The page reads what the background read left: no article file read, no warning.
    expect(pageSide.getBundle('big').live.analyses).toHaveLength(5 * COPIES);
    expect(loads.calls).toBe(0);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  }, 60_000);
  // Last: the edit changes the folder's scan (its files' times), after which a restart finds no index for it.
  test('an article edited since its version was indexed is not read alone: the page waits for the whole read', async () => {
    const { bundles, dataset, prepare } = await restartedServer();
    const b = bundles.getBundle('big');
    const id = 'presstv-2016-08-30-carter-c3';
    const file = path.join(dir, 'articles', `${id}.txt`);
    const text = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, `${text}\nRebels were seen.\n`);
      expect(bundles.articleAlone(b, id)).toBeUndefined();
      expect(prepare.isAnalysing(thrownBy(() => dataset.textOf(`/article/${id}`, params())))).toBe(true);
    } finally {
      writeFileSync(file, text);
    }
    await bundles.textLoaded(b);
  }, 60_000);

  test('a large pinned old version is read in the background, with the loading page meanwhile', async () => {
    const { bundles, prepare } = await restartedServer();
    const { loadCorpus } = await import('../corpus/load');
    const { analyzeArticles } = await import('../analysis/run');
    // The watcher's preparation kept the current version (600 articles); one more article makes a new current one.
    const first = bundles.getBundle('big').meta.version;
    const expected = analyzeArticles(loadCorpus(dir));
    const src = readFileSync(path.join(dir, 'articles', 'voa-2016-10-21-cooperation.txt'), 'utf8');
    writeFileSync(
      path.join(dir, 'articles', 'voa-added.txt'),
      src.replace(/^id: .*$/m, 'id: voa-added').replace(/^raw: .*\n/m, '') + '\nRebels were seen.\n',
    );
    await bundles.noticeChanges();
    expect((await prepare.settled('big'))?.error ?? null).toBeNull();
    expect(bundles.getBundle('big').meta.articles).toHaveLength(5 * COPIES + 1);
    loads.calls = 0;
    const stages: string[] = [];
    let pinned: ReturnType<typeof bundles.bundleFor> | null = null;
    for (let turns = 0; turns < 10_000 && !pinned; turns++) {
      try {
        pinned = bundles.bundleFor('big', first);
      } catch (e) {
        expect(prepare.isAnalysing(e)).toBe(true);
        const stage = (e as InstanceType<typeof prepare.AnalysingError>).progress.stage ?? '';
        if (stages.at(-1) !== stage) stages.push(stage);
        // The first answer came before any file of the version was read.
        if (turns === 0) expect(loads.calls).toBe(0);
        await new Promise((r) => setImmediate(r));
      }
    }
    // Every analysis of the old version was stored: it was only read, never analysed.
    expect(stages).toEqual(['loading']);
    expect(pinned?.pinned).toBe(true);
    expect(pinned!.bundle.meta.version).toBe(first);
    expect(pinned!.bundle.live.analyses).toEqual(expected);
    expect(loads.calls).toBe(1);
  }, 120_000);
});
