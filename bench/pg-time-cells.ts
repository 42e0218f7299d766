// Time series summed by PostgreSQL vs in JS (issue #19: aggregations without holding every cell in a server's memory).
// For each size, a generated corpus (FA-KES's analyses resampled onto 15 outlets and five years: what the time cells
// read, without analysing text) has its time cells stored by the PG store (file + rows in one transaction); then every
// option x term group x bin (week, month) x range (whole, 2014) for every outlet is summed both ways: JS as a server
// does (the version's cells file read and decoded once, then cellSeries), SQL by sqlCellSeries. Checks both give the
// same rows, and prints the medians, their ratio, and the tables' bytes per article. Starts its own throwaway PostgreSQL.
// Usage: npx tsx bench/pg-time-cells.ts [--articles 10000,30000] [--outlets 15] [--pg-port 55531]
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Filters } from '../lib/analysis/filters';
import { fileStore } from '../lib/store/files';
import { pgStore } from '../lib/store/pg';
import { sqlCellSeries } from '../lib/store/pgCells';
import { timeTableBytes } from '../lib/store/pgCellsQueries';
import { encodeTimeCells, readTimeCells, TIME_CELLS } from '../lib/store/timeCells';
import { derivedName } from '../lib/store/derived';
import { scopeFolder } from '../lib/store/files';
import type { Bin } from '../lib/time/bin';
import { CELL_VIEWS, cellSeries, makeTimeCells } from '../lib/time/cells';
import { numberFlag } from './lib/storeBench';
import { resampledAnalyses, sqlVsJs } from './lib/timeCellsBench';
import { eachSizeOnPg, sizesOf } from './lib/pgSizes';

const argv = process.argv.slice(2);
const SIZES = sizesOf(argv);
const OUTLETS = numberFlag(argv, '--outlets') ?? 15;
const PG_PORT = numberFlag(argv, '--pg-port') ?? undefined;
const ms = (t: number) => Math.round((performance.now() - t) * 100) / 100;

function main() {
  return eachSizeOnPg('pg-time-cells', SIZES, PG_PORT, async ({ n, url, db, root, faKes, pool }) => {
    const groups = faKes.lexicon.groups.map((g) => ({ id: g.id, variants: g.variants.map((v) => v.id) }));
    const cells = makeTimeCells(resampledAnalyses(pool, n, OUTLETS, 7), groups);
    const scope = { corpus: 'bench', lexicon: '0123456789abcdef' };
    const bytes = encodeTimeCells(cells);
    let t = performance.now();
    await pgStore(url, root).putDerived(scope, TIME_CELLS, 'k1', bytes);
    const putMs = ms(t);
    const rel = path.posix.join(scopeFolder(scope), derivedName(TIME_CELLS, 'k1'));
    await db.query('VACUUM ANALYZE');
    const tables = await timeTableBytes(db);
    const tableBytes = tables.reduce((s, x) => s + x.bytes, 0);
    // JS as a server: the version's cells read from its file and decoded once (then kept in memory).
    t = performance.now();
    const held = readTimeCells(fileStore(root), scope, 'k1')!;
    const decodeMs = ms(t);
    const entities = cells.outlets.map((id) => ({ id, members: new Set([id]) }));
    const sqlMs: number[] = [];
    const jsMs: number[] = [];
    let rows = 0;
    for (const view of CELL_VIEWS)
      for (const g of groups)
        for (const bin of ['week', 'month'] as Bin[])
          for (const range of [
            { from: null, to: null },
            { from: '2014-01-01', to: '2014-12-31' },
          ]) {
            const filters = { ...view, provenance: 'all' } as unknown as Filters;
            const request = { group: g.id, variants: g.variants, entities, filters };
            t = performance.now();
            const js = cellSeries(held, { ...request, bin, range })!;
            jsMs.push(ms(t));
            t = performance.now();
            const sql = await sqlCellSeries(db, rel, { ...request, range }, () => bin);
            sqlMs.push(ms(t));
            if (!sql || !isDeepStrictEqual(sql.rows, js.rows) || !isDeepStrictEqual(sql.periods, js.periods))
              throw new Error(`SQL and JS differ: ${n} articles, ${JSON.stringify({ view, group: g.id, bin, range })}`);
            rows += js.rows.length;
          }
    const result = {
      articles: n,
      outlets: OUTLETS,
      series: sqlMs.length,
      rows,
      ...sqlVsJs(sqlMs, jsMs),
      sqlTotalMs: Math.round(sqlMs.reduce((s, x) => s + x, 0)),
      jsTotalMs: Math.round(jsMs.reduce((s, x) => s + x, 0)),
      jsDecodeMs: decodeMs,
      putMs,
      cellsFileBytes: bytes.length,
      tableBytes,
      tableBytesPerArticle: Math.round(tableBytes / n),
      cellsFileBytesPerArticle: Math.round(bytes.length / n),
      tables,
    };
    return result;
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
