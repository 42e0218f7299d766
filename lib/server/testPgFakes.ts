import { cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { testCluster } from '../../scripts/pg/testCluster';

/**
 * Serves FA-KES from a production-server test root (serverTestRoot) on a throwaway PostgreSQL: registers the hooks that
 * point DATABASE_URL at a fresh database, copy the corpus in and wait for its preparation, and restore DATABASE_URL and
 * close the pools after. Returns why PostgreSQL is missing (the tests then skip), or null.
 */
export function fakesOnPostgres(root: string): string | null {
  const { skip, database } = testCluster();
  const before = process.env.DATABASE_URL;
  beforeAll(async () => {
    if (skip) return;
    process.env.DATABASE_URL = await database();
    cpSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
    cpSync(path.join(process.cwd(), 'corpus', 'fa-kes'), path.join(root, 'fa-kes'), { recursive: true });
    await (await import('./bundles')).noticeChanges();
    const p = await (await import('../store/prepare')).settled('fa-kes');
    expect(p?.error ?? null).toBeNull();
  }, 300_000);
  afterAll(async () => {
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
    await (await import('../store/pgClient')).closePools();
  }, 60_000);
  return skip;
}
