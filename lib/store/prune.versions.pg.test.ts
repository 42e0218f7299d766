// Pruning with servers sharing one PostgreSQL (a throwaway one, scripts/pg/start.sh): a server that never saw a version
// the others recorded does not prune.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testCluster } from '../../scripts/pg/testCluster';
import { copySeedsAs } from '../server/testRoot';

const { skip, database } = testCluster();
// The modules read their roots when they load: the environment is set first, the modules imported in beforeAll.
const root = mkdtempSync(path.join(tmpdir(), 'framescope-prune-shared-'));
process.env.FRAMESCOPE_CORPUS_ROOT = root;
process.env.FRAMESCOPE_SNAPSHOTS = path.join(root, '.snapshots');
process.env.FRAMESCOPE_KEEP_VERSIONS = '1';
process.env.FRAMESCOPE_PRUNE_GRACE_MS = '0';

let m: {
  snapshots: typeof import('../corpus/snapshots');
  load: typeof import('../corpus/load');
  analyse: typeof import('./analyse');
  current: typeof import('./current');
  keys: typeof import('./keys');
  client: typeof import('./pgClient');
  queries: typeof import('./pgQueries');
};
beforeAll(async () => {
  m = {
    snapshots: await import('../corpus/snapshots'),
    load: await import('../corpus/load'),
    analyse: await import('./analyse'),
    current: await import('./current'),
    keys: await import('./keys'),
    client: await import('./pgClient'),
    queries: await import('./pgQueries'),
  };
}, 60_000);
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await m.client.closePools();
  rmSync(root, { recursive: true, force: true });
}, 60_000);

describe.skipIf(skip !== null)('pruning on a server that shares PostgreSQL', () => {
  test('waits while the database lists a recent version this server never saw, then prunes', async () => {
    const url = await database();
    process.env.DATABASE_URL = url;
    const pool = await m.client.ready(url);
    const dir = copySeedsAs(root, 'seeds');
    const lexicon = JSON.parse(readFileSync(path.join(root, 'lexicon.json'), 'utf8'));
    const storeDir = path.join(m.current.STORE_ROOT, 'seeds');
    const write = async (i: number) => {
      if (i > 0) {
        lexicon.groups[0].label = `${lexicon.groups[0].label} (${i})`;
        writeFileSync(path.join(dir, 'lexicon.json'), JSON.stringify(lexicon));
      }
      const c = m.load.loadCorpus(dir);
      await m.analyse.analyseInto(m.current.currentStore(), 'seeds', c.articles, c.lexicon, undefined, 1);
      const version = (await m.snapshots.recordVersion(dir)).version;
      return { version, scope: path.join(storeDir, `${m.keys.lexiconKey(c.lexicon)}-e${m.keys.ENGINE_VERSION}`) };
    };
    const v0 = await write(0);
    // Another server recorded a version this one never saw (it joined later): its kept versions are not the others'.
    await m.queries.insertVersion(pool, 'seeds', 'abcdef123456');
    expect(await m.snapshots.unseenSharedVersions(url, 'seeds')).toEqual(['abcdef123456']);
    const v1 = await write(1);
    // One version kept, but nothing pruned: v0's analyses stay, here and in the database.
    expect(existsSync(v0.scope)).toBe(true);
    expect(existsSync(v1.scope)).toBe(true);
    // Once the newest shared version is one this server saw (here v1, recorded as a pull records it), it prunes.
    await pool.query(`DELETE FROM framescope_versions WHERE version = 'abcdef123456'`);
    await m.queries.insertVersion(pool, 'seeds', v1.version);
    expect(await m.snapshots.unseenSharedVersions(url, 'seeds')).toEqual([]);
    const v2 = await write(2);
    expect([existsSync(v0.scope), existsSync(v1.scope), existsSync(v2.scope)]).toEqual([false, false, true]);
    const { rows } = await pool.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM framescope_files WHERE area = 'store' AND sha <> $1 AND path LIKE $2`,
      [m.queries.REMOVED, `seeds/${path.basename(v0.scope)}/%`],
    );
    expect(Number(rows[0].n)).toBe(0);
  }, 120_000);
});
