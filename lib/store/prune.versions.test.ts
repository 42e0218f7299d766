import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copySeedsAs } from '../server/testRoot';

// The modules read their roots when they load: the environment is set first, the modules imported in beforeAll.
const root = mkdtempSync(path.join(tmpdir(), 'framescope-prune-versions-'));
process.env.FRAMESCOPE_CORPUS_ROOT = root;
process.env.FRAMESCOPE_SNAPSHOTS = path.join(root, '.snapshots');
process.env.FRAMESCOPE_KEEP_VERSIONS = '2';
process.env.FRAMESCOPE_PRUNE_GRACE_MS = '0';
afterAll(() => rmSync(root, { recursive: true, force: true }));

let m: {
  snapshots: typeof import('../corpus/snapshots');
  load: typeof import('../corpus/load');
  analyse: typeof import('./analyse');
  files: typeof import('./files');
  tallies: typeof import('./talliesJob');
  keys: typeof import('./keys');
  prepare: typeof import('./prepare');
};
beforeAll(async () => {
  m = {
    snapshots: await import('../corpus/snapshots'),
    load: await import('../corpus/load'),
    analyse: await import('./analyse'),
    files: await import('./files'),
    tallies: await import('./talliesJob'),
    keys: await import('./keys'),
    prepare: await import('./prepare'),
  };
});

describe('a new version prunes the store to what the kept versions read', () => {
  test('lexicon saves and removed articles: old scopes, dead analyses and stale derived data go; kept ones stay', async () => {
    const dir = copySeedsAs(root, 'seeds');
    const lexicon = JSON.parse(readFileSync(path.join(root, 'lexicon.json'), 'utf8'));
    const storeDir = path.join(m.files.STORE_ROOT, 'seeds');
    // A write as the lexicon route and the importer make it: analyses first, then the version, then its tallies.
    const write = async () => {
      const c = m.load.loadCorpus(dir);
      await m.analyse.analyseInto(m.files.fileStore(m.files.STORE_ROOT), 'seeds', c.articles, c.lexicon, undefined, 1);
      const version = (await m.snapshots.recordVersion(dir)).version;
      await m.tallies.storeTallies(dir, m.files.STORE_ROOT);
      return { version, scope: `${m.keys.lexiconKey(c.lexicon)}-e${m.keys.ENGINE_VERSION}`, c };
    };
    const saveLexicon = (i: number) => {
      lexicon.groups[0].label = `${lexicon.groups[0].label} (${i})`;
      writeFileSync(path.join(dir, 'lexicon.json'), JSON.stringify(lexicon));
    };
    const v0 = await write();
    saveLexicon(1);
    const v1 = await write();
    saveLexicon(2);
    const v2 = await write();
    // Three lexicons, two versions kept: the first lexicon's scope is gone whole, the other two stay.
    expect(new Set([v0.scope, v1.scope, v2.scope]).size).toBe(3);
    expect(readdirSync(storeDir).sort()).toEqual([v1.scope, v2.scope].sort());
    // A link pinned to the first version is told it was pruned, as before.
    expect(m.snapshots.versionStatus('seeds', v0.version)).toBe('pruned');
    expect(m.snapshots.snapshotFiles('seeds', v0.version)).toBeNull();

    // Two uploads that each remove an article (same lexicon as v2): after the second, v2 is no longer kept.
    const articles = readdirSync(path.join(dir, 'articles')).sort();
    rmSync(path.join(dir, 'articles', articles[0]));
    const v3 = await write();
    expect(readdirSync(storeDir)).toEqual([v2.scope]);
    rmSync(path.join(dir, 'articles', articles[1]));
    const v4 = await write();
    const store = m.files.fileStore(m.files.STORE_ROOT);
    const scope = { corpus: 'seeds', lexicon: m.keys.lexiconKey(v4.c.lexicon) };
    const allKeys = v2.c.articles.map(m.keys.articleKey);
    // The seeds hold 5 articles; v3 has the last 4, v4 the last 3: the first article's analysis is read by no kept
    // version, the second's by v3, the other three by both.
    expect([...store.stored(scope, allKeys)]).toEqual(v3.c.articles.map(m.keys.articleKey));
    const names = readdirSync(path.join(storeDir, v2.scope));
    // v2's tallies went with it; v3's and v4's stay (each version's own dates key them).
    expect(names.filter((n) => n.startsWith('tallies-')).length).toBe(2);
    expect(names.filter((n) => n.startsWith('corpus-index-')).length).toBe(2);
    expect(existsSync(path.join(root, '.snapshots', 'versions', 'seeds', `${v2.version}.keys.json`))).toBe(false);
    expect(existsSync(path.join(root, '.snapshots', 'versions', 'seeds', `${v4.version}.keys.json`))).toBe(true);
    expect(m.snapshots.versionStatus('seeds', v2.version)).toBe('pruned');
    expect(m.snapshots.versionStatus('seeds', v3.version)).toBe('kept');
  }, 120_000);

  test('a version recorded while a lexicon save is still analysing leaves the analyses that save is storing; the next one prunes', async () => {
    const dir = copySeedsAs(root, 'busy');
    const storeDir = path.join(m.files.STORE_ROOT, 'busy');
    const store = m.files.fileStore(m.files.STORE_ROOT);
    const before = m.load.loadCorpus(dir);
    await m.analyse.analyseInto(store, 'busy', before.articles, before.lexicon, undefined, 1);
    await m.analyse.recordVersionOffThread(dir);
    const oldScope = `${m.keys.lexiconKey(before.lexicon)}-e${m.keys.ENGINE_VERSION}`;
    // The lexicon route analyses under the new lexicon first and writes it after: meanwhile no version references
    // the new scope, and the grace period here is 0.
    const lexicon = {
      ...before.lexicon,
      groups: before.lexicon.groups.map((g, i) => (i ? g : { ...g, label: `${g.label} (new)` })),
    };
    const newScope = `${m.keys.lexiconKey(lexicon)}-e${m.keys.ENGINE_VERSION}`;
    const articles = readdirSync(path.join(dir, 'articles')).sort();
    await m.prepare.tracked('busy', 'lexicon', async (p) => {
      await m.prepare.analyseCorpus(p, before.articles, lexicon);
      expect(readdirSync(storeDir).sort()).toEqual([newScope, oldScope].sort());
      // An upload to the same corpus records its version (one article fewer) while the save is still running.
      rmSync(path.join(dir, 'articles', articles[0]));
      await m.analyse.recordVersionOffThread(dir);
      expect(m.prepare.preparationOf('busy')?.finished).toBe(false);
      expect(readdirSync(storeDir).sort()).toEqual([newScope, oldScope].sort());
    });
    // With the save finished, the next version prunes: two kept versions, both under the old lexicon, so the new
    // lexicon's scope (never written to the folder in this test) goes.
    rmSync(path.join(dir, 'articles', articles[1]));
    await m.analyse.recordVersionOffThread(dir);
    expect(readdirSync(storeDir)).toEqual([oldScope]);
  }, 120_000);
});
