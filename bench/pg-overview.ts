// The overview's tallies summed by PostgreSQL vs in JS (issue #19: aggregations without holding every tally in a
// server's memory). For each size, a generated corpus (FA-KES's analyses resampled onto 15 outlets and five years, as
// bench/pg-time-cells.ts makes it) has its tallies stored by the PG store (file + rows in one transaction); then every
// voice x scope option x range (whole text, 2014, March 2013 to June 2015, July to September 2012) is answered both
// ways: JS as a server does (the version's tallies file read and decoded once, each block decoded when first read, then
// rangeTallies), SQL by sqlRangeTallies; each then goes through exportStats (the overview's statistics). Checks both
// give the same statistics, and prints the medians, their ratio, and the tables' bytes and rows per article.
// Starts its own throwaway PostgreSQL.
// Usage: npx tsx bench/pg-overview.ts [--articles 10000,30000] [--outlets 15] [--pg-port 55532]
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_OPTIONS, exportStats } from '../lib/analysis/aggregate';
import type { ArticleAnalysis } from '../lib/analysis/article';
import { rangeTallies } from '../lib/analysis/monthTallies';
import { CLUSTER_VIEWS } from '../lib/analysis/tallies';
import { derivedName } from '../lib/store/derived';
import { fileStore, scopeFolder } from '../lib/store/files';
import { pgStore } from '../lib/store/pg';
import { sqlRangeTallies } from '../lib/store/pgTallies';
import { tallyTableBytes } from '../lib/store/pgTalliesQueries';
import { makeTallies, putTallies, readTallies, TALLIES } from '../lib/store/tallies';
import { benchOutlets } from './lib/generate';
import { numberFlag } from './lib/storeBench';
import { resampledAnalyses, sqlVsJs } from './lib/timeCellsBench';
import { eachSizeOnPg, sizesOf } from './lib/pgSizes';

const argv = process.argv.slice(2);
const SIZES = sizesOf(argv);
const OUTLETS = numberFlag(argv, '--outlets') ?? 15;
const PG_PORT = numberFlag(argv, '--pg-port') ?? undefined;
const ms = (t: number) => Math.round((performance.now() - t) * 100) / 100;

// Ranges of whole years and months of the generated five years (2012 to 2016), which the rows can answer.
const RANGES = [
  { from: null, to: null },
  { from: '2014-01-01', to: '2014-12-31' },
  { from: '2013-03-01', to: '2015-06-30' },
  { from: '2012-07-01', to: '2012-09-30' },
];

function main() {
  return eachSizeOnPg('pg-overview', SIZES, PG_PORT, async ({ n, url, db, root, faKes, pool }) => {
    // Each resampled analysis gets its own id: the month index finds an article's date by id.
    const dated = resampledAnalyses(pool, n, OUTLETS, 7).map((d, i) => ({
      analysis: { ...d.analysis, id: `g${i}` } as ArticleAnalysis,
      date: d.date,
    }));
    const analyses = dated.map((d) => d.analysis);
    const corpus = {
      ...faKes,
      outlets: benchOutlets(OUTLETS).map((o) => ({ ...faKes.outlets[0], id: o.id, name: o.id })),
      outletGroups: [],
      articles: dated.map((d) => ({ id: d.analysis.id, date: d.date })),
    };
    const scope = { corpus: 'bench', lexicon: '0123456789abcdef' };
    let t = performance.now();
    await putTallies(pgStore(url, root), scope, 'k1', makeTallies(corpus, analyses));
    const putMs = ms(t);
    const rel = path.posix.join(scopeFolder(scope), derivedName(TALLIES, 'k1'));
    await db.query('VACUUM ANALYZE');
    const tables = await tallyTableBytes(db);
    const tableBytes = tables.reduce((s, x) => s + x.bytes, 0);
    const fileBytes = fileStore(root).readDerived(scope, TALLIES, 'k1')!.length;
    // JS as a server: the version's tallies read from their file once (blocks decoded when a range first reads them).
    t = performance.now();
    const held = readTallies(fileStore(root), scope, 'k1')!;
    const months = held.months;
    const decodeMs = ms(t);
    const noAnalyses = (): ArticleAnalysis[] => {
      throw new Error('a range of whole years and months read an analysis');
    };
    const sqlMs: number[] = [];
    const jsMs: number[] = [];
    const sqlTallyMs: number[] = [];
    const jsTallyMs: number[] = [];
    for (let round = 0; round < 2; round++)
      for (const view of CLUSTER_VIEWS)
        for (const range of RANGES) {
          const [voice, scopeOption] = view.split('/') as ['all' | 'own', 'all' | 'body'];
          const o = { ...DEFAULT_OPTIONS, voice, scope: scopeOption };
          t = performance.now();
          const jsTallies = range.from === null ? held.byOutlet : rangeTallies(months, noAnalyses, range);
          const jsTally = ms(t);
          const js = exportStats(corpus, jsTallies, o);
          const jsAll = ms(t);
          t = performance.now();
          const sqlTallies = await sqlRangeTallies(db, rel, range, view);
          const sqlTally = ms(t);
          if (!sqlTallies) throw new Error(`SQL could not answer ${JSON.stringify(range)}: a month is cut`);
          const sql = exportStats(corpus, sqlTallies, o);
          const sqlAll = ms(t);
          if (!isDeepStrictEqual(sql, js))
            throw new Error(`SQL and JS differ: ${n} articles, ${JSON.stringify({ view, range })}`);
          // The first round decodes JS's blocks (once per version in a server): only the second is timed.
          if (round === 0) continue;
          jsTallyMs.push(jsTally);
          jsMs.push(jsAll);
          sqlTallyMs.push(sqlTally);
          sqlMs.push(sqlAll);
        }
    const rows = tables.find((x) => x.table === 'framescope_tally_rows')!.rows;
    const result = {
      articles: n,
      outlets: OUTLETS,
      overviews: sqlMs.length,
      overview: sqlVsJs(sqlMs, jsMs),
      talliesOnly: sqlVsJs(sqlTallyMs, jsTallyMs),
      jsDecodeMs: decodeMs,
      putMs,
      talliesFileBytes: fileBytes,
      rows,
      rowsPerArticle: Math.round((rows / n) * 100) / 100,
      tableBytes,
      tableBytesPerArticle: Math.round(tableBytes / n),
      fileBytesPerArticle: Math.round(fileBytes / n),
      tables,
    };
    return result;
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
