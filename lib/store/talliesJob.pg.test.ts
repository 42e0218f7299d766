// The tallies job with the PostgreSQL backend against a real throwaway PostgreSQL (scripts/pg/testCluster.ts): what
// instance A stores is read by instance B (another store root, the same database) without B making it again.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testCluster } from '../../scripts/pg/testCluster';
import { analyzeArticles } from '../analysis/run';
import { corpusFingerprint } from '../corpus/fingerprint';
import { loadCorpus } from '../corpus/load';
import { packAnalyses } from './codec';
import { hasCorpusIndex } from './corpusIndex';
import { fileStore, scopeFolder } from './files';
import { articleKey, lexiconKey, versionKey } from './keys';
import { readMentionPostings } from './mentionPostings';
import { pgStore } from './pg';
import { closePools, ready } from './pgClient';
import { pull } from './pgReplica';
import { hasTallies, readTallies } from './tallies';
import { storeTallies } from './talliesJob';
import { hasTimeCells, readTimeCells } from './timeCells';
import type { AnalysisStore } from './types';

const { skip, database } = testCluster();
const before = process.env.DATABASE_URL;
let url = '';
beforeAll(async () => {
  if (skip) return;
  url = await database();
  process.env.DATABASE_URL = url;
}, 60_000);
afterAll(async () => {
  if (before === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = before;
  await closePools();
}, 60_000);

const tmp = mkdtempSync(path.join(tmpdir(), 'framescope-tallies-pg-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// An instance: its own copy of the seeds folder (so its own file times, hence its own fingerprint) and store root.
function instance(name: string) {
  const corpus = path.join(tmp, name, 'corpus');
  cpSync(path.join(process.cwd(), 'corpus', 'seeds'), path.join(corpus, 'seeds'), { recursive: true });
  cpSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), path.join(corpus, 'lexicon.json'));
  return { dir: path.join(corpus, 'seeds'), roots: { corpus, store: path.join(tmp, name, 'store') } };
}

const seeds = loadCorpus(path.join(process.cwd(), 'corpus', 'seeds'));
const analyses = analyzeArticles(seeds);
const scope = { corpus: 'seeds', lexicon: lexiconKey(seeds.lexicon) };
const keys = seeds.articles.map(articleKey);
const version = versionKey(keys, scope.lexicon);

describe.skipIf(skip !== null)('the tallies job with PostgreSQL', () => {
  const a = instance('a');
  const b = instance('b');
  let key = '';
  let rows: string[] = [];

  beforeAll(async () => {
    await pgStore(url, a.roots.store).put(scope, { keys, packed: packAnalyses(analyses) });
    key = await storeTallies(a.dir, a.roots.store);
    const pool = await ready(url);
    rows = (
      await pool.query<{ path: string }>(`SELECT path FROM framescope_files WHERE area = 'store' ORDER BY seq`)
    ).rows.map((r) => path.posix.basename(r.path));
    await pull(pool, b.roots);
  }, 60_000);

  // A's job stored three kinds in the database, each once, after the one segment A put first.
  test.each([
    ['tallies', () => `tallies-${key}.bin`],
    ['time cells', () => `time-cells-${key}.bin`],
    ['mention postings', () => `mention-postings-${version}.bin`],
  ])('the %s go through PostgreSQL', (_kind, name) => {
    expect(rows.filter((r) => r === name())).toHaveLength(1);
  });

  test('the folder index stays in A: keyed by A folder fingerprint, which B folder never has', () => {
    expect(rows.filter((r) => r.startsWith('corpus-index-'))).toEqual([]);
    expect(hasCorpusIndex(fileStore(a.roots.store), scope, corpusFingerprint(a.dir))).toBe(true);
    expect(corpusFingerprint(b.dir)).not.toBe(corpusFingerprint(a.dir));
  });

  test.each([
    ['tallies', (root: string) => readTallies(fileStore(root), scope, key)?.byOutlet],
    ['time cells', (root: string) => readTimeCells(fileStore(root), scope, key)],
    ['mention postings', (root: string) => readMentionPostings(fileStore(root), scope, version)],
  ])('B reads the %s A stored, from its replica, without making them', (_kind, read) => {
    const there = read(b.roots.store);
    expect(there).not.toBeNull();
    expect(there).toEqual(read(a.roots.store));
  });

  // The prepared checks read the stored headers through either backend on B's replica.
  test.each([
    ['tallies', (s: AnalysisStore) => hasTallies(s, scope, key)],
    ['time cells', (s: AnalysisStore) => hasTimeCells(s, scope, key)],
  ])('B finds the %s prepared, through the PostgreSQL backend and the files backend alike', (_kind, check) => {
    expect(check(pgStore(url, b.roots.store))).toBe(true);
    expect(check(fileStore(b.roots.store))).toBe(true);
    expect(check(pgStore(url, path.join(tmp, 'nowhere')))).toBe(false);
  });

  test("B's own job then makes only its folder index: it reads no analysis and stores nothing in PostgreSQL", async () => {
    // Without B's analyses the job throws if it needs any (storeTallies: "has no stored analysis").
    const folder = path.join(b.roots.store, scopeFolder(scope));
    for (const f of readdirSync(folder)) if (f.endsWith('.fsa')) rmSync(path.join(folder, f));
    expect(fileStore(b.roots.store).stored(scope, keys).size).toBe(0);
    expect(await storeTallies(b.dir, b.roots.store)).toBe(key);
    expect(hasCorpusIndex(fileStore(b.roots.store), scope, corpusFingerprint(b.dir))).toBe(true);
    const pool = await ready(url);
    const after = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM framescope_files WHERE area = 'store'`);
    expect(Number(after.rows[0].n)).toBe(rows.length);
  });
});
