// The PostgreSQL backend against a real throwaway PostgreSQL (scripts/pg/start.sh): tables, the store, replicas.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  freshDatabase as newDatabase,
  killServer,
  postgresMissing,
  restartServer,
  startCluster,
  type Cluster,
} from '../../scripts/pg/cluster';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { packAnalyses } from './codec';
import { fileStore } from './files';
import { articleKey, lexiconKey } from './keys';
import { pgStore } from './pg';
import { closePools, ready, writeTransaction } from './pgClient';
import { DatabaseUnavailableError } from './pgErrors';
import { startReplica } from './pgFollow';
import {
  corpusFilesAt,
  insertFile,
  insertFileIfAbsent,
  insertVersion,
  migrate,
  SCHEMA_VERSION,
  storedBytes,
  versionsOf,
} from './pgQueries';
import { pull, readReplicaState, replicableFiles, seedIfEmpty } from './pgReplica';

const skip = postgresMissing();
if (skip) console.warn(skip);
let cluster: Cluster | null = null;
let missing = '';
beforeAll(async () => {
  if (skip) return;
  const c = await startCluster();
  if ('missing' in c) missing = c.missing;
  else cluster = c;
}, 60_000);
afterAll(async () => {
  await closePools();
  cluster?.stop();
}, 60_000);

const seeds = loadCorpus('corpus/seeds');
const scope = { corpus: 'seeds', lexicon: lexiconKey(seeds.lexicon) };
const keys = seeds.articles.map(articleKey);
const tmp = mkdtempSync(path.join(tmpdir(), 'framescope-pg-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Each test gets its own database in the cluster, so tests never see each other's rows.
async function freshDatabase(): Promise<string> {
  if (!cluster) throw new Error(missing);
  return newDatabase(cluster);
}
const roots = (name: string) => ({ corpus: path.join(tmp, name, 'corpus'), store: path.join(tmp, name, 'store') });

describe.skipIf(skip !== null)('PostgreSQL backend', () => {
  test('the migration is idempotent and records the schema version', async () => {
    const url = await freshDatabase();
    const pool = await ready(url);
    await migrate(pool);
    await migrate(pool);
    const { rows } = await pool.query(`SELECT key, value FROM framescope_meta ORDER BY key`);
    expect(rows.map((r) => r.key)).toEqual(['database', 'schema']);
    expect(rows[1].value).toBe(String(SCHEMA_VERSION));
  });

  test('a database made by a newer schema is refused, not misread', async () => {
    const url = await freshDatabase();
    const pool = await ready(url);
    await pool.query(`UPDATE framescope_meta SET value = '99' WHERE key = 'schema'`);
    await expect(migrate(pool)).rejects.toThrow(/schema 99, newer than this code's 1/);
  });

  test('analyses put on one instance are read on another after a pull, byte for byte', async () => {
    const url = await freshDatabase();
    const a = roots('store-a');
    const b = roots('store-b');
    const writer = pgStore(url, a.store);
    const expected = analyzeArticles(seeds);
    await writer.put(scope, { keys: keys.slice(0, 3), packed: packAnalyses(expected.slice(0, 3)) });
    await writer.put(scope, { keys: keys.slice(3), packed: packAnalyses(expected.slice(3)) });
    await writer.putDerived(scope, 'provenance', 'v1', new Uint8Array([1, 2, 3]));
    // The writer reads its own writes at once.
    expect(writer.read(scope, seeds.articles, keys)).toEqual(expected);
    const reader = fileStore(b.store);
    expect(reader.stored(scope, keys).size).toBe(0);
    const p = await pull(await ready(url), b);
    // Two segments and one derived file: 3 files written.
    expect(p.written).toBe(3);
    expect(pgStore(url, b.store).read(scope, seeds.articles, keys)).toEqual(expected);
    expect(pgStore(url, b.store).readDerived(scope, 'provenance', 'v1')).toEqual(Buffer.from([1, 2, 3]));
    // A second pull finds nothing new; the replica remembers how far it got.
    expect((await pull(await ready(url), b)).written).toBe(0);
    expect(readReplicaState(b).seq).toBe(p.seq);
  });

  test('an article id is taken once, even by two writers', async () => {
    const url = await freshDatabase();
    const row = (text: string) => ({
      area: 'corpus' as const,
      corpus: 'c',
      path: 'c/articles/x.txt',
      bytes: Buffer.from(text),
    });
    const results = await Promise.all([
      writeTransaction(url, 'x', (db) => insertFileIfAbsent(db, row('one'))),
      writeTransaction(url, 'x', (db) => insertFileIfAbsent(db, row('two'))),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test('a version is rebuilt from history: the files as they were at its change', async () => {
    const url = await freshDatabase();
    const pool = await ready(url);
    const put = (p: string, text: string) =>
      writeTransaction(url, 'x', (db) =>
        insertFile(db, { area: 'corpus', corpus: 'c', path: p, bytes: Buffer.from(text) }),
      );
    await put('c/corpus.json', 'm1');
    await put('c/articles/a.txt', 'A');
    await insertVersion(pool, 'c', 'v-one');
    await put('c/corpus.json', 'm2');
    await put('c/articles/b.txt', 'B');
    await insertVersion(pool, 'c', 'v-two');
    await insertVersion(pool, 'c', 'v-two');
    const versions = await versionsOf(pool, 'c');
    expect(versions.map((v) => v.version)).toEqual(['v-two', 'v-one']);
    const text = (m: Map<string, Uint8Array>) =>
      Object.fromEntries([...m].map(([k, v]) => [k, Buffer.from(v).toString()]));
    expect(text(await corpusFilesAt(pool, 'c', versions[1].seq))).toEqual({
      'c/articles/a.txt': 'A',
      'c/corpus.json': 'm1',
    });
    expect(text(await corpusFilesAt(pool, 'c', versions[0].seq))).toEqual({
      'c/articles/a.txt': 'A',
      'c/articles/b.txt': 'B',
      'c/corpus.json': 'm2',
    });
  });

  test('an empty database is seeded from the local corpora once; a second instance pulls them whole', async () => {
    const url = await freshDatabase();
    const a = { corpus: path.join(tmp, 'seed-a'), store: path.join(tmp, 'seed-a', '.store') };
    mkdirSync(a.corpus, { recursive: true });
    writeFileSync(path.join(a.corpus, 'lexicon.json'), readFileSync('corpus/lexicon.json'));
    // A copy of the seeds corpus (5 articles), with its raw sources, which stay local.
    for (const f of ['corpus.json', ...seeds.articles.map((x) => `articles/${x.id}.txt`)]) {
      mkdirSync(path.dirname(path.join(a.corpus, 'seeds', f)), { recursive: true });
      writeFileSync(path.join(a.corpus, 'seeds', f), readFileSync(path.join('corpus/seeds', f)));
    }
    mkdirSync(path.join(a.corpus, 'seeds', 'raw'));
    writeFileSync(path.join(a.corpus, 'seeds', 'raw', 'x.html'), 'raw');
    // The default lexicon, corpus.json and 5 articles.
    expect(replicableFiles(a)).toHaveLength(7);
    expect(await seedIfEmpty(url, a)).toBe(7);
    expect(await seedIfEmpty(url, a)).toBe(0);
    const b = roots('seed-b');
    const p = await pull(await ready(url), b);
    expect(p.written).toBe(7);
    expect([...p.corpora]).toEqual(['seeds']);
    expect(loadCorpus(path.join(b.corpus, 'seeds')).version).toBe(loadCorpus(path.join(a.corpus, 'seeds')).version);
    expect(existsSync(path.join(b.corpus, 'seeds', 'raw'))).toBe(false);
    const sizes = await storedBytes(await ready(url));
    expect(sizes.map((s) => [s.area, s.files])).toEqual([['corpus', 7]]);
  });

  test('a follower applies another instance’s write after its NOTIFY, well before the poll', async () => {
    const url = await freshDatabase();
    const b = roots('follow-b');
    const seen: string[][] = [];
    const r = await startReplica(
      url,
      b,
      (p) => void seen.push([...p.corpora]),
      () => undefined,
    );
    const t0 = Date.now();
    await writeTransaction(url, 'x', (db) =>
      insertFile(db, { area: 'corpus', corpus: 'c', path: 'c/corpus.json', bytes: Buffer.from('{}') }),
    );
    while (!existsSync(path.join(b.corpus, 'c', 'corpus.json')) && Date.now() - t0 < 4000)
      await new Promise((res) => setTimeout(res, 20));
    const ms = Date.now() - t0;
    await r.stop();
    expect(readFileSync(path.join(b.corpus, 'c', 'corpus.json'), 'utf8')).toBe('{}');
    // The poll runs every 5 s: arriving under 2 s means the notification did it.
    expect(ms).toBeLessThan(2000);
    expect(seen).toContainEqual(['c']);
  });

  test.each([
    ['a dead port', (url: string) => url.replace(/:\d+\//, ':1/')],
    ['a wrong host', () => 'postgres://framescope@127.0.0.2:9/framescope'],
  ])(
    'an unreachable database (%s) is a clear error that names where and stores nothing',
    async (_c, spoil) => {
      if (!cluster) throw new Error(missing);
      const url = spoil(cluster.url);
      const store = pgStore(url, path.join(tmp, 'dead'));
      const err = await store
        .put(scope, { keys: keys.slice(0, 1), packed: packAnalyses(analyzeArticles(seeds).slice(0, 1)) })
        .catch((e) => e);
      expect(err).toBeInstanceOf(DatabaseUnavailableError);
      expect(err.message).toMatch(/PostgreSQL at postgres:\/\/framescope@127\.0\.0\.\d:\d+\/framescope/);
      expect(err.message).toMatch(/Fix: check that PostgreSQL is running/);
      // Not in the replica either: a write that did not reach the database is not seen anywhere.
      expect(existsSync(path.join(tmp, 'dead'))).toBe(false);
    },
    20_000,
  );

  test('a connection lost inside a transaction stores none of it', async () => {
    const url = await freshDatabase();
    const pool = await ready(url);
    const err = await writeTransaction(url, 'both files', async (db) => {
      await insertFile(db, { area: 'corpus', corpus: 'c', path: 'c/a.txt', bytes: Buffer.from('a') });
      // The server ends this connection, as a PostgreSQL stopped mid-write would.
      await db.query('SELECT pg_terminate_backend(pg_backend_pid())');
      await insertFile(db, { area: 'corpus', corpus: 'c', path: 'c/b.txt', bytes: Buffer.from('b') });
    }).catch((e) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect(err.message).toMatch(/both files/);
    const { rows } = await pool.query(`SELECT COUNT(*)::int AS n FROM framescope_files`);
    expect(rows[0].n).toBe(0);
  });

  test('PostgreSQL killed mid-write: a clear error, none of the write stored, and the re-run completes once', async () => {
    const url = await freshDatabase();
    const pool = await ready(url);
    const both = (kill: boolean) =>
      writeTransaction(url, 'the two files were not stored', async (db) => {
        await insertFile(db, { area: 'corpus', corpus: 'c', path: 'c/a.txt', bytes: Buffer.from('a') });
        // The server dies between the two inserts, as a crash or a stopped service would.
        if (kill) killServer(cluster!.port);
        await insertFile(db, { area: 'corpus', corpus: 'c', path: 'c/b.txt', bytes: Buffer.from('b') });
      });
    const err = await both(true).catch((e) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect(err.message).toMatch(/the two files were not stored/);
    // While it is down, a write says so too, at once.
    const down = await both(false).catch((e) => e);
    expect(down).toBeInstanceOf(DatabaseUnavailableError);
    restartServer(cluster!.port);
    const count = async () => (await pool.query(`SELECT COUNT(*)::int AS n FROM framescope_files`)).rows[0].n;
    expect(await count()).toBe(0);
    await both(false);
    expect(await count()).toBe(2);
  }, 60_000);
});
