import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { copySeedsAs, serverTestRoot, thrownBy } from './testRoot';

// As in the production server: views never analyse or write, and writers record versions on a worker. The modules
// read the roots when first imported, so they load after these are set. analyzeArticle is counted on this thread
// (workers load their own, uncounted copy).
const root = serverTestRoot('pinned');
const counted = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../analysis/article', async (original) => {
  const m = await original<typeof import('../analysis/article')>();
  return {
    ...m,
    analyzeArticle: (...a: Parameters<typeof m.analyzeArticle>) => {
      counted.calls++;
      return m.analyzeArticle(...a);
    },
  };
});

// corpusProvenance is counted on this thread too: a pinned version's provenance is made on a worker (its own copy).
const made = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../provenance/corpusProvenance', async (original) => {
  const m = await original<typeof import('../provenance/corpusProvenance')>();
  return {
    ...m,
    corpusProvenance: (...a: Parameters<typeof m.corpusProvenance>) => {
      made.calls++;
      return m.corpusProvenance(...a);
    },
  };
});

let bundles: typeof import('./bundles');
let prepare: typeof import('../store/prepare');
let load: typeof import('../corpus/load');
let snapshots: typeof import('../corpus/snapshots');
let analyse: typeof import('../store/analyse');
const dir = path.join(root, 'p');
const extra = path.join(dir, 'articles', 'voa-extra.txt');
// The first version (with voa-extra), pinned by the tests after the second.
let pinned = '';
beforeAll(async () => {
  bundles = await import('./bundles');
  prepare = await import('../store/prepare');
  load = await import('../corpus/load');
  snapshots = await import('../corpus/snapshots');
  analyse = await import('../store/analyse');
  copySeedsAs(root, 'p');
});

describe('a pinned old version the store lacks, and versions recorded off the request thread', () => {
  test('the version is recorded on a worker: the same version as loading the folder, and kept', async () => {
    const src = readFileSync(path.join(dir, 'articles', 'voa-2016-10-21-cooperation.txt'), 'utf8');
    writeFileSync(
      extra,
      src.replace(/^id: .*$/m, 'id: voa-extra').replace(/^raw: .*\n/m, '') + '\nInsurgents were seen.\n',
    );
    const v = await analyse.recordVersionOffThread(dir);
    expect(v).toBe(load.loadCorpus(dir).version);
    expect(snapshots.listSnapshots('p').map((s) => s.version)).toEqual([v]);
  }, 60_000);

  test('is analysed by workers in the background, in memory, with the analysing page meanwhile', async () => {
    // The first version held 6 articles (the seeds' 5 and voa-extra); the current one drops voa-extra.
    pinned = snapshots.listSnapshots('p')[0].version;
    rmSync(extra);
    await analyse.recordVersionOffThread(dir);
    await bundles.noticeChanges();
    await prepare.settled('p');
    const current = bundles.getBundle('p');
    expect(current.corpus.articles).toHaveLength(5);
    counted.calls = 0;
    const first = thrownBy(() => bundles.bundleFor('p', pinned));
    expect(prepare.isAnalysing(first)).toBe(true);
    // 5 of its 6 articles are stored (the current version's); voa-extra is not.
    expect((first as InstanceType<typeof prepare.AnalysingError>).progress).toMatchObject({
      corpus: 'p',
      done: 5,
      total: 6,
    });
    let got: ReturnType<typeof bundles.bundleFor> | null = null;
    for (let i = 0; i < 600 && !got; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const e = thrownBy(() => (got = bundles.bundleFor('p', pinned)));
      if (e && !prepare.isAnalysing(e)) throw e;
    }
    expect(got).not.toBeNull();
    const { bundle, pinned: isPinned } = got!;
    expect(isPinned).toBe(true);
    expect(bundle.corpus.articles.map((a) => a.id)).toContain('voa-extra');
    // Nothing was analysed on this thread.
    expect(counted.calls).toBe(0);
    const { analyzeArticles } = await import('../analysis/run');
    expect(bundle.live.analyses).toEqual(analyzeArticles(load.loadCorpusFrom(snapshots.snapshotFiles('p', pinned)!)));
    // A read never writes: the store still lacks voa-extra's analysis.
    const { currentStore } = await import('../store/current');
    const keys = await import('../store/keys');
    const article = bundle.corpus.articles.find((a) => a.id === 'voa-extra')!;
    const scope = { corpus: 'p', lexicon: keys.lexiconKey(bundle.corpus.lexicon) };
    expect(currentStore().stored(scope, [keys.articleKey(article)]).size).toBe(0);
  }, 60_000);

  test('its provenance, never stored, is made on a worker: as corpusProvenance makes it, and not on this thread', async () => {
    const { bundle } = bundles.bundleFor('p', pinned);
    const { currentStore } = await import('../store/current');
    const derived = await import('../store/derived');
    expect(derived.hasProvenance(currentStore(), bundle.storeKey!.scope, bundle.storeKey!.version)).toBe(false);
    made.calls = 0;
    // With its snapshot gone the worker cannot read the version: the view gets an error naming it, not a wait forever.
    const snapshotsDir = path.join(root, '.snapshots');
    renameSync(snapshotsDir, `${snapshotsDir}-away`);
    const first = thrownBy(() => bundle.provenance);
    expect(prepare.isAnalysing(first)).toBe(true);
    expect((first as InstanceType<typeof prepare.AnalysingError>).progress).toMatchObject({ stage: 'provenance' });
    let failed: unknown = null;
    for (let i = 0; i < 1200 && !failed; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const e = thrownBy(() => bundle.provenance);
      if (!prepare.isAnalysing(e)) failed = e;
    }
    expect((failed as Error).message).toMatch(
      /^version \S+ of corpus "p": its provenance could not be made: its snapshot is no longer kept/,
    );
    // Back again, the next view that asks starts a fresh worker.
    renameSync(`${snapshotsDir}-away`, snapshotsDir);
    let got: import('../provenance/model').CorpusProvenance | null = null;
    for (let i = 0; i < 1200 && !got; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const e = thrownBy(() => (got = bundle.provenance));
      if (e && !prepare.isAnalysing(e)) throw e;
    }
    expect(got).not.toBeNull();
    // The worker made it: this thread never called corpusProvenance.
    expect(made.calls).toBe(0);
    const { corpusProvenance } = await import('../provenance/corpusProvenance');
    const { compactProvenance } = await import('../store/provenanceCodec');
    const direct = corpusProvenance(load.loadCorpusFrom(snapshots.snapshotFiles('p', pinned)!), bundle.live.analyses);
    expect(compactProvenance(got!)).toEqual(compactProvenance(direct));
    // Not a trivial one: voa-extra is voa-2016-10-21-cooperation's text plus a sentence, so the two share passages.
    const extraAt = bundle.corpus.articles.findIndex((a) => a.id === 'voa-extra');
    expect(got!.index.pairs[extraAt].length).toBeGreaterThan(0);
    // A read never writes: the store still lacks this version's provenance.
    expect(derived.hasProvenance(currentStore(), bundle.storeKey!.scope, bundle.storeKey!.version)).toBe(false);
  }, 90_000);

  test('a current version whose stored provenance is unreadable gets it from a worker, not a wait forever', async () => {
    const src = readFileSync(path.join(dir, 'articles', 'voa-2016-10-21-cooperation.txt'), 'utf8');
    writeFileSync(
      path.join(dir, 'articles', 'voa-fourth.txt'),
      src.replace(/^id: .*$/m, 'id: voa-fourth').replace(/^raw: .*\n/m, '') + '\nMilitants were seen.\n',
    );
    await analyse.recordVersionOffThread(dir);
    await bundles.noticeChanges();
    await prepare.settled('p');
    const b = bundles.getBundle('p');
    const { currentStore } = await import('../store/current');
    const derived = await import('../store/derived');
    const { scope, version } = b.storeKey!;
    expect(derived.hasProvenance(currentStore(), scope, version)).toBe(true);
    // Cut short, as a crash or a full disk could leave it: the file is there, but no provenance reads from it, and the
    // watcher, seeing it stored, would never make it again.
    await currentStore().putDerived(scope, 'provenance-v2', version, new Uint8Array([1, 2, 3]));
    expect(derived.readProvenance(currentStore(), scope, version)).toBeNull();
    made.calls = 0;
    let got: import('../provenance/model').CorpusProvenance | null = null;
    for (let i = 0; i < 1200 && !got; i++) {
      const e = thrownBy(() => (got = b.provenance));
      if (e && !prepare.isAnalysing(e)) throw e;
      if (!got) await new Promise((r) => setTimeout(r, 50));
    }
    expect(got).not.toBeNull();
    expect(made.calls).toBe(0);
    const { corpusProvenance } = await import('../provenance/corpusProvenance');
    const { compactProvenance } = await import('../store/provenanceCodec');
    expect(compactProvenance(got!)).toEqual(compactProvenance(corpusProvenance(load.loadCorpus(dir), b.live.analyses)));
  }, 90_000);
});
