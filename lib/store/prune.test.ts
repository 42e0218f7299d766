import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { packAnalyses } from './codec';
import { encodeSegment, fileStore, scopeFolder } from './files';
import { articleKey, ENGINE_VERSION, lexiconKey } from './keys';
import {
  applyToFolder,
  changesOf,
  corpusStoreBytes,
  listCorpusStore,
  pruneStore,
  removeEmptyScopes,
  segmentKeeping,
} from './prune';
import { planPrune, storeKeysOf } from './retention';

const seeds = loadCorpus('corpus/seeds');
const analyses = analyzeArticles(seeds);
const keys = seeds.articles.map(articleKey);
const scope = { corpus: 'seeds', lexicon: lexiconKey(seeds.lexicon) };
const base = mkdtempSync(path.join(tmpdir(), 'framescope-prune-'));
const grace = process.env.FRAMESCOPE_PRUNE_GRACE_MS;
beforeAll(() => {
  process.env.FRAMESCOPE_PRUNE_GRACE_MS = '0';
});
afterAll(() => {
  if (grace === undefined) delete process.env.FRAMESCOPE_PRUNE_GRACE_MS;
  else process.env.FRAMESCOPE_PRUNE_GRACE_MS = grace;
  rmSync(base, { recursive: true, force: true });
});

// A kept version holding only some of the seeds' articles (the seeds hold 5: corpus/seeds/articles has 5 files).
const keptOf = (picks: number[]) => [
  storeKeysOf({ lexicon: seeds.lexicon, articles: picks.map((i) => seeds.articles[i]) }),
];

describe('segmentKeeping', () => {
  test.each([[[0]], [[1, 3]], [[0, 1, 2, 3, 4]], [[4]]])('keeps exactly the analyses at %j', (keep) => {
    const bytes = encodeSegment({ keys, packed: packAnalyses(analyses) });
    const root = mkdtempSync(path.join(base, 'seg-'));
    const out = segmentKeeping(bytes, 'test.fsa', keep);
    const dir = path.join(root, scopeFolder(scope));
    applyToFolder(root, { writes: [{ rel: path.join(scopeFolder(scope), 'seg-x.fsa'), bytes: out }], removes: [] });
    const read = fileStore(root).read(scope, seeds.articles, keys);
    expect(read).toEqual(keys.map((_, i) => (keep.includes(i) ? analyses[i] : null)));
    expect(readdirSync(dir)).toEqual(['seg-x.fsa']);
  });
});

describe('pruneStore on a store folder', () => {
  test('removes the analyses and derived data no kept version reads, and a whole unused scope', async () => {
    const root = path.join(base, 'whole');
    const store = fileStore(root);
    await store.put(scope, { keys, packed: packAnalyses(analyses) });
    await store.putDerived(scope, 'tallies', 'deadbeef', new Uint8Array([1, 2, 3]));
    await store.putDerived(scope, 'reuse-index', 'latest', new Uint8Array([4]));
    const other = { corpus: 'seeds', lexicon: '0123456789abcdef' };
    await store.put(other, { keys, packed: packAnalyses(analyses) });
    const kept = keptOf([0, 2]);
    await store.putDerived(scope, 'tallies', kept[0].tallies, new Uint8Array([5]));
    const r = await pruneStore(root, 'seeds', kept);
    // One segment written again (articles 0 and 2 of 5), the other scope's segment, the stale tallies.
    expect([r.rewritten, r.removed]).toEqual([1, 2]);
    expect(r.bytesAfter).toBeLessThan(r.bytesBefore);
    expect(r.bytesAfter).toBe(corpusStoreBytes(root, 'seeds'));
    expect(existsSync(path.join(root, scopeFolder(other)))).toBe(false);
    const fresh = fileStore(root);
    expect(fresh.read(scope, seeds.articles, keys)).toEqual([analyses[0], null, analyses[2], null, null]);
    expect(fresh.hasDerived(scope, 'tallies', 'deadbeef')).toBe(false);
    expect(fresh.hasDerived(scope, 'tallies', kept[0].tallies)).toBe(true);
    expect(fresh.hasDerived(scope, 'reuse-index', 'latest')).toBe(true);
    // A store instance that listed the segments before the prune no longer answers for the removed analyses.
    expect([...store.stored(scope, keys)]).toEqual([keys[0], keys[2]]);
    expect(store.read(scope, seeds.articles, keys)).toEqual([analyses[0], null, analyses[2], null, null]);
    // Pruning again changes nothing.
    expect(await pruneStore(root, 'seeds', kept)).toMatchObject({ removed: 0, rewritten: 0 });
  });

  test('keeps files written within the grace period', async () => {
    const root = path.join(base, 'grace');
    await fileStore(root).put(scope, { keys, packed: packAnalyses(analyses) });
    process.env.FRAMESCOPE_PRUNE_GRACE_MS = '600000';
    try {
      expect(await pruneStore(root, 'seeds', keptOf([0]))).toMatchObject({ removed: 0, rewritten: 0 });
    } finally {
      process.env.FRAMESCOPE_PRUNE_GRACE_MS = '0';
    }
    expect(fileStore(root).stored(scope, keys).size).toBe(5);
  });

  test.each([
    ['after the new segments are written', 0],
    ['after one removal', 1],
    ['after every removal but the last', -1],
  ])('a prune interrupted %s loses no kept analysis, and the next prune finishes it', async (_case, removals) => {
    const root = mkdtempSync(path.join(base, 'crash-'));
    const store = fileStore(root);
    // Two segments: articles 0-2 and 3-4; kept: 1 and 4, so both are written again and both old ones removed.
    await store.put(scope, { keys: keys.slice(0, 3), packed: packAnalyses(analyses.slice(0, 3)) });
    await store.put(scope, { keys: keys.slice(3), packed: packAnalyses(analyses.slice(3)) });
    await store.putDerived(scope, 'vocabulary', 'feedface', new Uint8Array([1]));
    const kept = keptOf([1, 4]);
    const plan = planPrune(kept, listCorpusStore(root, 'seeds'), {
      engine: ENGINE_VERSION,
      now: Date.now(),
      graceMs: 0,
    });
    const c = changesOf(root, 'seeds', plan);
    expect(c.writes).toHaveLength(2);
    expect(c.removes).toHaveLength(3);
    // The steps applyToFolder takes, stopped part way as a killed process would be.
    const upTo = removals < 0 ? c.removes.length - 1 : removals;
    applyToFolder(root, { writes: c.writes, removes: c.removes.slice(0, upTo) });
    const reopened = fileStore(root);
    const read = reopened.read(scope, seeds.articles, keys);
    expect([read[1], read[4]]).toEqual([analyses[1], analyses[4]]);
    await pruneStore(root, 'seeds', kept);
    expect(fileStore(root).read(scope, seeds.articles, keys)).toEqual([null, analyses[1], null, null, analyses[4]]);
    // Exactly the two new segments remain, and nothing else.
    expect(readdirSync(path.join(root, scopeFolder(scope))).length).toBe(2);
    expect(readFileSync(path.join(root, c.writes[0].rel)).length).toBeGreaterThan(0);
  });
});

describe('removeEmptyScopes', () => {
  test.each([
    ['a scope and its corpus folder left empty', ['c/s/f'], ['c/s'], []],
    ['a corpus folder that still holds another scope stays', ['c/s/f'], ['c/s', 'c/t'], ['c', 'c/t']],
    ['a file at the root never removes the root', ['f'], [], []],
  ])('%s', (_case, removed, folders, left) => {
    const root = mkdtempSync(path.join(base, 'empty-'));
    for (const f of folders) mkdirSync(path.join(root, f), { recursive: true });
    removeEmptyScopes(root, removed);
    expect(existsSync(root)).toBe(true);
    const all = (dir: string, rel = ''): string[] =>
      readdirSync(dir).flatMap((n) => [path.posix.join(rel, n), ...all(path.join(dir, n), path.posix.join(rel, n))]);
    expect(all(root).sort()).toEqual(left);
  });
});
