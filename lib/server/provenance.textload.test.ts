import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { articleProvenanceModel, corpusProvenanceModel } from '../provenance/door';
import { preparedSeedCopies, restartedServer, serverTestRoot, thrownBy } from './testRoot';

// Issue #19: in the production server the corpus provenance page answers from the version's stored summary (made by
// the provenance job), never decoding the whole provenance (readProvenanceSteps) or reading every article's text and
// analysis. Before, the proxy's checks made it wait for both in the background (the loading, then provenance stage).
const root = serverTestRoot('provtext');
// The scratch corpus (600 articles) is over this, so a whole-text read would run in the background.
process.env.FRAMESCOPE_TEXT_HERE_ARTICLES = '500';
const calls = vi.hoisted(() => ({ loads: 0, steps: 0 }));
vi.mock('../corpus/load', async (original) =>
  (await import('./testRoot')).countingLoads(await original<typeof import('../corpus/load')>(), () => calls.loads++),
);
vi.mock('../store/derived', async (original) => {
  const m = await original<typeof import('../store/derived')>();
  return {
    ...m,
    readProvenanceSteps: (...a: Parameters<typeof m.readProvenanceSteps>) => {
      calls.steps++;
      return m.readProvenanceSteps(...a);
    },
  };
});

// 5 seed articles × 120 copies = 600 articles.
const COPIES = 120;
beforeAll(() => preparedSeedCopies(root, 'big', COPIES), 240_000);

const params = (extra: Record<string, string> = {}) => new URLSearchParams({ corpus: 'big', ...extra });
const SELECTIONS: Record<string, string>[] = [{}, { outlets: 'voa' }, { outlets: 'voa,presstv' }];

// Seed articles and copies of them, in both parts of the corpus's order.
const ARTICLES = ['voa-2016-10-21-cooperation', 'presstv-2016-08-30-carter-c7', 'lidtime-2016-09-08-invade-c119'];

describe('the corpus provenance page reads the stored summary', () => {
  test('answered without the whole text or provenance, equal to the model the whole provenance gives', async () => {
    const { bundles, dataset } = await restartedServer();
    calls.loads = 0;
    calls.steps = 0;
    const b = bundles.getBundle('big');
    const models = SELECTIONS.map((extra) => {
      expect(thrownBy(() => dataset.textOf('/provenance', params(extra)))).toBeNull();
      expect(thrownBy(() => bundles.provenanceOf(params(extra), 'provenance'))).toBeNull();
      const opened = dataset.openView('/provenance', params(extra));
      if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
      return dataset.corpusProvenanceOf(opened.view);
    });
    // Nothing whole was read or started, and nothing starts after the loop turns.
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.loads).toBe(0);
    expect(calls.steps).toBe(0);
    expect(bundles.textReady(b)).toBe(false);
    expect(bundles.provenanceIfDecoded(b)).toBeNull();
    // voa's one seed article, copied 120 times.
    expect(models[1].articles).toHaveLength(COPIES);
    // The independent answer: today's model over the whole provenance, decoded once the whole text is in memory.
    await bundles.textLoaded(b);
    for (let i = 0; i < 600 && !bundles.provenanceIfReady(b); i++) await new Promise((r) => setTimeout(r, 50));
    const p = bundles.provenanceIfReady(b)!;
    expect(p).not.toBeNull();
    SELECTIONS.forEach((extra, i) => {
      const chosen = extra.outlets ? extra.outlets.split(',') : [];
      expect(models[i]).toEqual(corpusProvenanceModel(p, b.corpus, b.live.analyses, chosen));
    });
  }, 120_000);

  test('an article page: answered from its stored record and the articles it shares passages with, read alone', async () => {
    const { bundles, dataset } = await restartedServer();
    calls.loads = 0;
    calls.steps = 0;
    const b = bundles.getBundle('big');
    const models = ARTICLES.map((id) => {
      const pathname = `/provenance/${id}`;
      expect(thrownBy(() => dataset.textOf(pathname, params()))).toBeNull();
      expect(thrownBy(() => bundles.provenanceOf(params(), 'article-provenance'))).toBeNull();
      const opened = dataset.openView(pathname, params());
      if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
      return dataset.articleProvenanceOf(opened.view, id)!;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.loads).toBe(0);
    expect(calls.steps).toBe(0);
    expect(bundles.textReady(b)).toBe(false);
    expect(bundles.provenanceIfDecoded(b)).toBeNull();
    // Every copy repeats its seed word for word: each page has partners, each with a passage.
    expect(models.every((m) => m.partners.length > 0 && m.partners.every((x) => x.passages.length > 0))).toBe(true);
    await bundles.textLoaded(b);
    for (let i = 0; i < 600 && !bundles.provenanceIfReady(b); i++) await new Promise((r) => setTimeout(r, 50));
    const p = bundles.provenanceIfReady(b)!;
    expect(p).not.toBeNull();
    ARTICLES.forEach((id, i) => expect(models[i]).toEqual(articleProvenanceModel(p, b.corpus, id)));
    // With the whole text in memory the stored record still answers, its texts taken from memory.
    const opened = dataset.openView(`/provenance/${ARTICLES[0]}`, params());
    if (!opened.ok) throw new Error('no view');
    expect(dataset.articleProvenanceOf(opened.view, ARTICLES[0])).toEqual(models[0]);
  }, 120_000);

  test('a view filtered by provenance still reads the whole provenance (its statistics need it)', async () => {
    const { bundles, dataset, prepare } = await restartedServer();
    const thrown = thrownBy(() => dataset.textOf('/provenance', params({ provenance: 'original' })));
    expect(prepare.isAnalysing(thrown)).toBe(true);
    await bundles.textLoaded(bundles.getBundle('big'));
  }, 60_000);

  test('a store made before the article pages: the page waits, and the watcher makes them', async () => {
    const store = path.join(root, '.store', 'big');
    const files = readdirSync(store, { recursive: true, encoding: 'utf8' }).filter((f) =>
      path.basename(f).startsWith('provenance-pages-'),
    );
    // The index and two parts of 500 articles (600 articles).
    expect(files).toHaveLength(3);
    for (const f of files) rmSync(path.join(store, f));
    const { bundles, dataset, prepare } = await restartedServer();
    const page = `/provenance/${ARTICLES[0]}`;
    expect(bundles.isPrepared('big')).toBe(false);
    expect(prepare.isAnalysing(thrownBy(() => dataset.textOf(page, params())))).toBe(true);
    await bundles.textLoaded(bundles.getBundle('big'));
    const made = await bundles.noticeChanges();
    expect(made.map((p) => p.corpus)).toEqual(['big']);
    expect((await prepare.settled('big'))?.error ?? null).toBeNull();
    expect(bundles.isPrepared('big')).toBe(true);
    const again = await restartedServer();
    calls.loads = 0;
    expect(thrownBy(() => again.dataset.textOf(page, params()))).toBeNull();
    expect(calls.loads).toBe(0);
  }, 120_000);

  test('a store made before the summary: the page waits, and the watcher makes it', async () => {
    const store = path.join(root, '.store', 'big');
    const files = readdirSync(store, { recursive: true, encoding: 'utf8' }).filter((f) =>
      path.basename(f).startsWith('provenance-summary-'),
    );
    expect(files).toHaveLength(1);
    rmSync(path.join(store, files[0]));
    const { bundles, dataset, prepare } = await restartedServer();
    expect(bundles.isPrepared('big')).toBe(false);
    expect(prepare.isAnalysing(thrownBy(() => dataset.textOf('/provenance', params())))).toBe(true);
    await bundles.textLoaded(bundles.getBundle('big'));
    const made = await bundles.noticeChanges();
    expect(made.map((p) => p.corpus)).toEqual(['big']);
    expect((await prepare.settled('big'))?.error ?? null).toBeNull();
    expect(bundles.isPrepared('big')).toBe(true);
    const again = await restartedServer();
    calls.loads = 0;
    expect(thrownBy(() => again.dataset.textOf('/provenance', params()))).toBeNull();
    expect(calls.loads).toBe(0);
  }, 120_000);
});
