// Pruning with the PostgreSQL backend against a real throwaway PostgreSQL (scripts/pg/start.sh): rows, removal rows,
// superseded rows, and replicas that follow.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testCluster } from '../../scripts/pg/testCluster';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { packAnalyses } from './codec';
import { fileStore, scopeFolder } from './files';
import { articleKey, lexiconKey } from './keys';
import { pgPruneApplier, pgStore } from './pg';
import { closePools, ready } from './pgClient';
import { REMOVED } from './pgQueries';
import { pull } from './pgReplica';
import { pruneStore } from './prune';
import { storeKeysOf } from './retention';

const { skip, database } = testCluster();
const grace = process.env.FRAMESCOPE_PRUNE_GRACE_MS;
beforeAll(async () => {
  process.env.FRAMESCOPE_PRUNE_GRACE_MS = '0';
}, 60_000);
afterAll(async () => {
  if (grace === undefined) delete process.env.FRAMESCOPE_PRUNE_GRACE_MS;
  else process.env.FRAMESCOPE_PRUNE_GRACE_MS = grace;
  await closePools();
}, 60_000);

const seeds = loadCorpus('corpus/seeds');
const analyses = analyzeArticles(seeds);
const scope = { corpus: 'seeds', lexicon: lexiconKey(seeds.lexicon) };
const keys = seeds.articles.map(articleKey);
const tmp = mkdtempSync(path.join(tmpdir(), 'framescope-prune-pg-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const roots = (name: string) => ({ corpus: path.join(tmp, name, 'corpus'), store: path.join(tmp, name, 'store') });
// Kept: a version of articles 1 and 4 of the seeds' 5 (corpus/seeds/articles has 5 files).
const kept = [storeKeysOf({ lexicon: seeds.lexicon, articles: [seeds.articles[1], seeds.articles[4]] })];
const other = { corpus: 'seeds', lexicon: '0123456789abcdef' };

// Two instances: A writes two segments, stale derived data, the reuse index twice, another lexicon's segment; B pulls.
async function setUp(name: string) {
  const url = await database();
  const a = roots(`${name}-a`);
  const b = roots(`${name}-b`);
  const writer = pgStore(url, a.store);
  await writer.put(scope, { keys: keys.slice(0, 3), packed: packAnalyses(analyses.slice(0, 3)) });
  await writer.put(scope, { keys: keys.slice(3), packed: packAnalyses(analyses.slice(3)) });
  await writer.putDerived(scope, 'tallies', 'deadbeef', new Uint8Array([1]));
  await writer.putDerived(scope, 'reuse-index', 'latest', new Uint8Array([2]));
  await writer.putDerived(scope, 'reuse-index', 'latest', new Uint8Array([3]));
  await writer.put(other, { keys, packed: packAnalyses(analyses) });
  const pool = await ready(url);
  await pull(pool, b);
  return { url, a, b, pool };
}

const rowsOf = async (pool: Awaited<ReturnType<typeof ready>>) =>
  (
    await pool.query<{ path: string; sha: string }>(
      `SELECT path, sha FROM framescope_files WHERE area = 'store' ORDER BY seq`,
    )
  ).rows;

describe.skipIf(skip !== null)('pruning with PostgreSQL', () => {
  test('removes rows in the database and files in every replica; kept analyses read the same everywhere', async () => {
    const { url, a, b, pool } = await setUp('whole');
    expect(await rowsOf(pool)).toHaveLength(6);
    const r = await pruneStore(a.store, 'seeds', kept, pgPruneApplier(url, a.store));
    // Both seeds segments hold a kept article (1 in the first, 4 in the second): both written again. Removed: the
    // stale tallies and the other lexicon's segment.
    expect([r.rewritten, r.removed]).toEqual([2, 2]);
    const rows = await rowsOf(pool);
    // Left: the newest reuse index, two new segments, and one removal row per removed path (2 old segments, the
    // tallies, the other segment); the older reuse index row is gone.
    expect(rows.filter((x) => x.sha === REMOVED)).toHaveLength(4);
    expect(rows.filter((x) => x.sha !== REMOVED).map((x) => path.posix.basename(x.path))).toEqual([
      'reuse-index-latest.bin',
      expect.stringMatching(/^seg-/),
      expect.stringMatching(/^seg-/),
    ]);
    const want = [null, analyses[1], null, null, analyses[4]];
    expect(fileStore(a.store).read(scope, seeds.articles, keys)).toEqual(want);
    // B still holds every old file until it pulls, then holds exactly what A holds.
    expect(fileStore(b.store).stored(scope, keys).size).toBe(5);
    await pull(pool, b);
    expect(fileStore(b.store).read(scope, seeds.articles, keys)).toEqual(want);
    expect(readdirSync(path.join(b.store, scopeFolder(scope))).sort()).toEqual(
      readdirSync(path.join(a.store, scopeFolder(scope))).sort(),
    );
    expect(existsSync(path.join(b.store, scopeFolder(other)))).toBe(false);
    expect(fileStore(b.store).readDerived(scope, 'reuse-index', 'latest')).toEqual(Buffer.from([3]));
  });

  test('an instance that stopped after the commit, before its own folder was changed, catches up by pulling', async () => {
    const { url, a, pool } = await setUp('crash');
    // The database side of the prune commits; the local side goes to a folder nobody reads (as if killed before it).
    const elsewhere = roots('crash-elsewhere');
    await pruneStore(a.store, 'seeds', kept, async (c, corpus) => pgPruneApplier(url, elsewhere.store)(c, corpus));
    expect(fileStore(a.store).stored(scope, keys).size).toBe(5);
    await pull(pool, a);
    expect(fileStore(a.store).read(scope, seeds.articles, keys)).toEqual([null, analyses[1], null, null, analyses[4]]);
    expect(existsSync(path.join(a.store, scopeFolder(other)))).toBe(false);
    expect(fileStore(a.store).stored(other, keys).size).toBe(0);
  });
});
