import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { copySeedsAs, restartedServer, serverTestRoot, thrownBy } from './testRoot';

// A view never clusters a large version's stories on the server's thread (85 s at 100,000 articles): the preparation
// stores them at write time, and a version the store has none for gets them from a worker while the views that read
// them wait. The seeds with a copy of each article under another id (10 articles) count as large here; each article
// and its copy make a story.
const root = serverTestRoot('stories');
process.env.FRAMESCOPE_TEXT_HERE_ARTICLES = '2';
// Clusterings on this thread (the worker has its own copy of the module, which this does not count).
const clusterings = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../stories/cluster', async (original) => {
  const m = await original<typeof import('../stories/cluster')>();
  return {
    ...m,
    clusterStories: (...a: Parameters<typeof m.clusterStories>) => {
      clusterings.calls++;
      return m.clusterStories(...a);
    },
  };
});

const dir = path.join(root, 's');
const params = (extra: Record<string, string> = {}) => new URLSearchParams({ corpus: 's', ...extra });

beforeAll(async () => {
  copySeedsAs(root, 's');
  const articles = path.join(dir, 'articles');
  for (const name of readdirSync(articles)) {
    const id = name.replace(/\.txt$/, '');
    const text = readFileSync(path.join(articles, name), 'utf8');
    writeFileSync(path.join(articles, `${id}-c1.txt`), text.replace(`id: ${id}\n`, `id: ${id}-c1\n`));
  }
  const first = await import('./bundles');
  await first.noticeChanges();
  const p = await (await import('../store/prepare')).settled('s');
  expect(p?.error ?? null).toBeNull();
}, 120_000);

// The stories computed afresh from the folder, independently of the store: every article analysed here.
async function fresh() {
  const { corpusStories } = await import('../analysis/slice');
  const { analyzeArticles } = await import('../analysis/run');
  const { loadCorpus } = await import('../corpus/load');
  const c = loadCorpus(dir);
  return corpusStories(c, analyzeArticles(c));
}

describe('stories of a large version', () => {
  test('are stored by the preparation and read from the store: no clustering on this thread', async () => {
    const { bundles } = await restartedServer();
    clusterings.calls = 0;
    expect(thrownBy(() => bundles.storiesAt(params()))).toBeNull();
    const stories = bundles.storiesOf(bundles.getBundle('s'));
    expect(clusterings.calls).toBe(0);
    const expected = await fresh();
    // Each seed article and its copy make a story (five, by first date), and nothing else links.
    expect(stories.map((s) => [...s.articles].sort())).toEqual(
      [
        'presstv-2016-08-30-carter',
        'aggregator-a-2016-09-07-raqqa',
        'lidtime-2016-09-08-invade',
        'voa-2016-10-21-cooperation',
        'news24-2016-10-22-lasting-defeat',
      ].map((id) => [id, `${id}-c1`]),
    );
    expect(stories).toEqual(expected);
  }, 60_000);

  test('a version the store has none for: the views that read them wait while a worker clusters them', async () => {
    const { STORE_ROOT } = await import('../store/files');
    for (const scope of readdirSync(path.join(STORE_ROOT, 's')))
      for (const f of readdirSync(path.join(STORE_ROOT, 's', scope)))
        if (f.startsWith('stories-')) rmSync(path.join(STORE_ROOT, 's', scope, f));
    const { bundles, prepare } = await restartedServer();
    clusterings.calls = 0;
    const first = thrownBy(() => bundles.storiesAt(params({ outlets: 'voa,presstv', stories: 'shared' })));
    expect(prepare.isAnalysing(first)).toBe(true);
    expect((first as InstanceType<typeof prepare.AnalysingError>).progress).toMatchObject({
      corpus: 's',
      stage: 'stories',
      done: 10,
      total: 10,
    });
    let waits = 0;
    while (thrownBy(() => bundles.storiesAt(params())) !== null) {
      waits++;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(waits).toBeGreaterThan(0);
    expect(clusterings.calls).toBe(0);
    expect(bundles.storiesOf(bundles.getBundle('s'))).toEqual(await fresh());
  }, 120_000);
});
