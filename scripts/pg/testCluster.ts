// One throwaway cluster per test file: the set-up every PostgreSQL test file shares.
import { afterAll, beforeAll } from 'vitest';
import { freshDatabase, postgresMissing, startCluster, type Cluster } from './cluster';

/**
 * Starts a throwaway cluster before the calling test file's tests and stops it after them; `skip` says why PostgreSQL
 * is missing here (null when present), and `database()` gives each test its own database. Call it before the file's
 * own hooks: after-hooks run last-registered first, so the file closes its pools before the cluster stops.
 */
export function testCluster(): { skip: string | null; database: () => Promise<string> } {
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
  afterAll(() => cluster?.stop(), 60_000);
  return {
    skip,
    database: () => {
      if (!cluster) throw new Error(missing);
      return freshDatabase(cluster);
    },
  };
}
