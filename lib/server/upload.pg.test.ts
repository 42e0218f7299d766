import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freshDatabase, postgresMissing, startCluster, type Cluster } from '../../scripts/pg/cluster';
import { seededTestRoot, TEST_AUTH } from './testRoot';

// The upload route with DATABASE_URL set: PostgreSQL away is a 503 that says nothing was stored, with nothing in the
// corpus folder; once it is back the same upload stores the article once.
const root = seededTestRoot('pgupload');
const skip = postgresMissing();
if (skip) console.warn(skip);
let POST: typeof import('../../app/api/upload/route').POST;
let cluster: Cluster | null = null;
beforeAll(async () => {
  if (skip) return;
  const c = await startCluster();
  if ('missing' in c) throw new Error(c.missing);
  cluster = c;
  ({ POST } = await import('../../app/api/upload/route'));
}, 120_000);
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await (await import('../store/pgClient')).closePools();
  cluster?.stop();
}, 60_000);

const upload = () =>
  POST(
    new Request('http://localhost/api/upload', {
      method: 'POST',
      headers: { authorization: TEST_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({
        corpus: 'seeds',
        outlet: 'voa',
        save: true,
        text: {
          title: 'Clashes near Manbij',
          body: 'Kurdish militants and rebels clashed near Manbij, monitors said.',
        },
      }),
    }),
  );
const articles = () => readdirSync(path.join(root, 'seeds', 'articles')).filter((f) => f.endsWith('.txt'));

describe.skipIf(skip !== null)('uploads into a shared PostgreSQL', () => {
  test('PostgreSQL unreachable: 503 with Retry-After, nothing stored; back again: the same upload stores it once', async () => {
    // The seeds hold 5 articles (corpus/seeds/articles has 5 files).
    expect(articles()).toHaveLength(5);
    process.env.DATABASE_URL = 'postgres://framescope:secret@127.0.0.1:1/framescope';
    const down = await upload();
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('10');
    const body = await down.json();
    expect(body.stored).toEqual([]);
    expect(body.error).toMatch(
      /PostgreSQL at postgres:\/\/framescope@127\.0\.0\.1:1\/framescope: could not be reached/,
    );
    // 6: the upload analyses what the store lacks first, here the seeds' 5 articles (a fresh root) and the new one.
    expect(body.error).toMatch(/the analyses of 6 article\(s\) of seeds were not stored, nor any article/);
    expect(body.error).not.toContain('secret');
    expect(articles()).toHaveLength(5);
    expect(existsSync(path.join(root, 'seeds', '.staging'))).toBe(false);

    const url = await freshDatabase(cluster!);
    process.env.DATABASE_URL = url;
    const up = await upload();
    expect(up.status).toBe(200);
    const stored = (await up.json()).stored as string[];
    expect(stored).toHaveLength(1);
    expect(articles()).toHaveLength(6);
    const { ready } = await import('../store/pgClient');
    const { rows } = await (
      await ready(url)
    ).query(`SELECT path FROM framescope_files WHERE area = 'corpus' ORDER BY path`);
    expect(rows.map((r) => r.path)).toEqual([`seeds/articles/${stored[0]}.txt`]);
    // Sent again: a duplicate, not a second copy.
    const again = await (await upload()).json();
    expect(again.stored).toEqual([]);
    expect(articles()).toHaveLength(6);
  }, 120_000);
});
