// The scaffold of the benches that compare a PostgreSQL query with its JS twin at several corpus sizes
// (bench/pg-time-cells.ts, bench/pg-overview.ts): sizes from --articles, FA-KES analysed once as the resampling pool,
// one throwaway cluster with a fresh database and a scratch folder per size, and the results printed as JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import type { ArticleAnalysis } from '../../lib/analysis/article';
import { analyzeArticles } from '../../lib/analysis/run';
import { loadCorpus, type LoadedCorpus } from '../../lib/corpus/load';
import { closePools, ready } from '../../lib/store/pgClient';
import { freshDatabase, startCluster } from '../../scripts/pg/cluster';

/** The sizes a `--articles 10000,30000` flag names (these two without it); throws on anything but positive integers. */
export function sizesOf(argv: readonly string[]): number[] {
  const at = argv.indexOf('--articles');
  const sizes = at >= 0 ? argv[at + 1].split(',').map(Number) : [10_000, 30_000];
  if (!sizes.every((n) => Number.isInteger(n) && n > 0))
    throw new Error(`--articles needs positive whole numbers separated by commas, e.g. --articles 10000,30000`);
  return sizes;
}

/** What one size's run gets: its size, a fresh database (URL and pool), a scratch folder, FA-KES and its analyses. */
export interface PgSize {
  n: number;
  url: string;
  db: Pool;
  root: string;
  faKes: LoadedCorpus;
  pool: ArticleAnalysis[];
}

/**
 * Runs `each` for every size on its own fresh database of one throwaway cluster (started on `port`, else a free one),
 * logging each result, then prints them all as JSON; the cluster and the scratch folders are removed however it ends.
 */
export async function eachSizeOnPg<R>(
  name: string,
  sizes: readonly number[],
  port: number | undefined,
  each: (s: PgSize) => Promise<R>,
): Promise<void> {
  const log = (s: string) => console.error(`[${name}] ${s}`);
  const faKes = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
  log(`analysing FA-KES (${faKes.articles.length} articles) for the pool`);
  const pool = analyzeArticles(faKes);
  const cluster = await startCluster(port);
  if ('missing' in cluster) throw new Error(cluster.missing);
  const tmp = mkdtempSync(path.join(tmpdir(), `framescope-${name}-`));
  const results: R[] = [];
  try {
    for (const n of sizes) {
      const url = await freshDatabase(cluster);
      const result = await each({ n, url, db: await ready(url), root: path.join(tmp, String(n)), faKes, pool });
      log(JSON.stringify(result));
      results.push(result);
    }
  } finally {
    await closePools();
    cluster.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(JSON.stringify(results, null, 2));
}
