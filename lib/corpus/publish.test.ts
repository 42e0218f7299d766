// Corpus writes with DATABASE_URL: a staged batch is stored in PostgreSQL in one transaction before the folder.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { freshDatabase, postgresMissing, startCluster, type Cluster } from '../../scripts/pg/cluster';
import { closePools, ready } from '../store/pgClient';
import { DatabaseUnavailableError } from '../store/pgErrors';
import { pull } from '../store/pgReplica';
import type { Article } from '../types';
import { applyStage, recoverStages, stageBatch } from './commit';
import { loadCorpus } from './load';
import { publishCorpusFile, publishReadyStages, publishStage, sharedCorpora } from './publish';

const skip = postgresMissing();
if (skip) console.warn(skip);
let cluster: Cluster | null = null;
beforeAll(async () => {
  if (skip) return;
  const c = await startCluster();
  if ('missing' in c) throw new Error(c.missing);
  cluster = c;
}, 60_000);
afterAll(async () => {
  await closePools();
  cluster?.stop();
}, 60_000);
const before = process.env.DATABASE_URL;
afterEach(() => {
  if (before === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = before;
});

const tmp = mkdtempSync(path.join(tmpdir(), 'framescope-publish-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const article = (id: string, body: string): Article => ({
  id,
  outlet: 'voa',
  title: `Title ${id}`,
  date: '2016-10-21',
  url: null,
  raw: null,
  note: null,
  segments: [
    { section: 'title', text: `Title ${id}` },
    { section: 'body', text: body },
  ],
});
const MANIFEST = JSON.stringify({
  id: 'c',
  title: 'C',
  description: 'test',
  attribution: null,
  outlets: [{ id: 'voa', name: 'VOA', kind: 'state broadcaster', country: null, site: null }],
  outletGroups: [],
});

// A corpus root with the default lexicon and an empty corpus "c" (its manifest comes with the first batch).
function corpusRoot(name: string): string {
  const root = path.join(tmp, name);
  mkdirSync(path.join(root, 'c'), { recursive: true });
  writeFileSync(path.join(root, 'lexicon.json'), JSON.stringify({ groups: [], exclusions: [], actors: [] }));
  return root;
}
const articleIds = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe.skipIf(skip !== null)('publishing corpus writes to PostgreSQL', () => {
  test.each([
    ['without DATABASE_URL', undefined, false],
    ['with DATABASE_URL', 'postgres://x@h:1/d', true],
  ])('sharedCorpora %s', (_c, url, shared) => {
    if (url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = url;
    expect(sharedCorpora()).toBe(shared);
  });

  test('a batch stored through one replica appears whole in another; a taken id is not stored twice', async () => {
    const url = await freshDatabase(cluster!);
    process.env.DATABASE_URL = url;
    const a = corpusRoot('a');
    const dir = path.join(a, 'c');
    const stage = stageBatch(
      dir,
      [article('voa-1', 'Rebels attacked.'), article('voa-2', 'Militants.')],
      MANIFEST,
      new Set(['voa']),
    );
    expect(await publishStage(dir, stage)).toEqual(['voa-1', 'voa-2']);
    applyStage(dir, stage);
    const b = { corpus: path.join(tmp, 'b'), store: path.join(tmp, 'b', '.store') };
    // corpus.json and 2 articles; the default lexicon is not part of this batch.
    expect((await pull(await ready(url), b)).written).toBe(3);
    writeFileSync(path.join(b.corpus, 'lexicon.json'), JSON.stringify({ groups: [], exclusions: [], actors: [] }));
    expect(loadCorpus(path.join(b.corpus, 'c')).articles.map((x) => x.id)).toEqual(['voa-1', 'voa-2']);
    // Another writer with the same id (different text) and one new id: only the new one is stored.
    const again = stageBatch(
      dir,
      [article('voa-2', 'Other text.'), article('voa-3', 'Fighters.')],
      null,
      new Set(['voa']),
    );
    expect(await publishStage(dir, again)).toEqual(['voa-3']);
    applyStage(dir, again);
  });

  test('an unreachable database stores nothing, anywhere; the same batch then completes exactly once', async () => {
    const url = await freshDatabase(cluster!);
    const a = corpusRoot('dead');
    const dir = path.join(a, 'c');
    const batch = [article('voa-1', 'Rebels attacked.'), article('voa-2', 'Militants.')];
    process.env.DATABASE_URL = url.replace(/:\d+\//, ':1/');
    const stage = stageBatch(dir, batch, MANIFEST, new Set(['voa']));
    const err = await publishStage(dir, stage).catch((e) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect(err.message).toMatch(/PostgreSQL at postgres:\/\/framescope@127\.0\.0\.1:1\/t\d+_\d+: could not be reached/);
    expect(err.message).toMatch(/none of the 2 article\(s\) were stored/);
    // The stage is gone, so a restart's recovery cannot commit it to the folder behind the database's back.
    expect(existsSync(path.join(dir, '.staging'))).toBe(false);
    expect(articleIds(path.join(dir, 'articles'))).toEqual([]);
    process.env.DATABASE_URL = url;
    const retry = stageBatch(dir, batch, MANIFEST, new Set(['voa']));
    expect(await publishStage(dir, retry)).toEqual(['voa-1', 'voa-2']);
    applyStage(dir, retry);
    expect(articleIds(path.join(dir, 'articles'))).toEqual(['voa-1.txt', 'voa-2.txt']);
    const { rows } = await (await ready(url)).query(`SELECT path FROM framescope_files ORDER BY path`);
    expect(rows.map((r) => r.path)).toEqual(['c/articles/voa-1.txt', 'c/articles/voa-2.txt', 'c/corpus.json']);
  }, 20_000);

  test('a batch a crashed writer validated is stored before the start-up recovery applies it', async () => {
    const url = await freshDatabase(cluster!);
    process.env.DATABASE_URL = url;
    const a = corpusRoot('crashed');
    const dir = path.join(a, 'c');
    // Staged and marked ready, then the writer died before publishing it.
    stageBatch(dir, [article('voa-9', 'Rebels.')], MANIFEST, new Set(['voa']));
    expect(await publishReadyStages(a)).toEqual(['voa-9']);
    expect(recoverStages(dir)).toEqual(['voa-9']);
    const { rows } = await (await ready(url)).query(`SELECT path FROM framescope_files ORDER BY path`);
    expect(rows.map((r) => r.path)).toEqual(['c/articles/voa-9.txt', 'c/corpus.json']);
  });

  test('a lexicon is stored as a new version of the corpus file', async () => {
    const url = await freshDatabase(cluster!);
    process.env.DATABASE_URL = url;
    const dir = path.join(corpusRoot('lex'), 'c');
    await publishCorpusFile(dir, 'lexicon.json', '{"v":1}');
    await publishCorpusFile(dir, 'lexicon.json', '{"v":2}');
    const { rows } = await (
      await ready(url)
    ).query(
      `SELECT convert_from(bytes, 'UTF8') AS text FROM framescope_files WHERE path = 'c/lexicon.json' ORDER BY seq`,
    );
    expect(rows.map((r) => r.text)).toEqual(['{"v":1}', '{"v":2}']);
  });
});
