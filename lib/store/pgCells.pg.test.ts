// The time cells' rows in a real throwaway PostgreSQL (scripts/pg/testCluster.ts): stored with the file by the PG
// store's put, removed by its prune, and summed by SQL into exactly the series cellSeries (lib/time/cells.ts, the
// independent JS implementation) sums from the same cells.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testCluster } from '../../scripts/pg/testCluster';
import type { DateRange, Filters } from '../analysis/filters';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { autoBin, BINS, type Bin } from '../time/bin';
import { CELL_VIEWS, cellSeries, makeTimeCells, type DatedAnalysis, type TimeCells } from '../time/cells';
import { derivedName } from './derived';
import { scopeFolder } from './files';
import { pgPruneApplier, pgStore } from './pg';
import { sqlCellSeries, storeCellRows } from './pgCells';
import { timeSetSpan, timeTableBytes } from './pgCellsQueries';
import { closePools, ready } from './pgClient';
import { seedIfEmpty } from './pgReplica';
import { encodeTimeCells, TIME_CELLS } from './timeCells';
import { FAKES_RANGES, fakesEntities, scatteredAnalyses } from '../time/testCells';

const { skip, database } = testCluster();
let url = '';
beforeAll(async () => {
  if (!skip) url = await database();
}, 60_000);
afterAll(() => closePools(), 60_000);

const tmp = mkdtempSync(path.join(tmpdir(), 'framescope-pgcells-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
const analyses = analyzeArticles(corpus);
const faKes: DatedAnalysis[] = analyses.map((analysis, i) => ({ analysis, date: corpus.articles[i].date }));
const groups = corpus.lexicon.groups.map((g) => ({ id: g.id, variants: g.variants.map((v) => v.id) }));

const scopeOf = (name: string) => ({ corpus: name, lexicon: '0123456789abcdef' });
const relOf = (name: string, key: string) => path.posix.join(scopeFolder(scopeOf(name)), derivedName(TIME_CELLS, key));

// Stores the cells through the PG store's put (file and rows in one transaction) and returns their store path.
async function stored(name: string, key: string, cells: TimeCells): Promise<string> {
  await pgStore(url, path.join(tmp, name)).putDerived(scopeOf(name), TIME_CELLS, key, encodeTimeCells(cells));
  return relOf(name, key);
}

// Every option x group x range x bin: the series from SQL equals cellSeries's, row for row; returns rows compared.
async function expectSame(
  rel: string,
  cells: TimeCells,
  entities: { id: string; members: Set<string> }[],
  ranges: DateRange[],
  bins: readonly Bin[],
): Promise<number> {
  const db = await ready(url);
  let compared = 0;
  for (const view of CELL_VIEWS)
    for (const g of groups)
      for (const range of ranges)
        for (const bin of bins) {
          const filters = { ...view, provenance: 'all' } as unknown as Filters;
          const request = { group: g.id, variants: g.variants, entities, filters };
          const expected = cellSeries(cells, { ...request, bin, range })!;
          const got = await sqlCellSeries(db, rel, { ...request, range }, () => bin);
          expect(got!.bin).toBe(bin);
          expect(got!.periods).toEqual(expected.periods);
          expect(got!.rows).toEqual(expected.rows);
          compared += expected.rows.length;
        }
  return compared;
}

describe.skipIf(skip !== null)('time cells summed by PostgreSQL', () => {
  const faKesCells = makeTimeCells(faKes, groups);
  const faKesEntities = fakesEntities(corpus.outlets.map((o) => o.id));
  test.each(FAKES_RANGES)(
    'FA-KES by %s: every option and group, every outlet and an outlet group, from %o to %o',
    async (bin, from, to) => {
      const rel = await stored('fa-kes', 'k1', faKesCells);
      const ranges = from.map((f, i) => ({ from: f, to: to[i] }));
      expect(await expectSame(rel, faKesCells, faKesEntities, ranges, [bin])).toBeGreaterThan(1_000);
    },
    120_000,
  );

  test('a generated corpus with undated articles: every option, group and bin, two ranges', async () => {
    const cells = makeTimeCells(scatteredAnalyses(faKes).analyses, groups);
    const rel = await stored('generated', 'k1', cells);
    const entities = [
      ...['a', 'b', 'c', 'd'].map((id) => ({ id, members: new Set([id]) })),
      { id: 'ab', members: new Set(['a', 'b']) },
    ];
    const ranges = [
      { from: null, to: null },
      { from: '2020-01-15', to: '2020-02-10' },
    ];
    expect(await expectSame(rel, cells, entities, ranges, BINS)).toBeGreaterThan(1_000);
  }, 120_000);

  test.each([
    // A group the cells hold with other variants (another lexicon's), and a group they do not hold.
    ['other variants', groups[0].id, [...groups[0].variants].reverse()],
    ['unknown group', 'no-such-group', ['x']],
  ])('the rows cannot answer: %s -> null', async (_, group, variants) => {
    const rel = await stored('unanswered', 'k1', makeTimeCells(faKes.slice(0, 50), groups));
    const filters = { voice: 'all', scope: 'all', provenance: 'all' } as unknown as Filters;
    const got = await sqlCellSeries(
      await ready(url),
      rel,
      { group, variants, entities: [], filters, range: { from: null, to: null } },
      () => 'month',
    );
    expect(got).toBeNull();
  });

  test('auto bin: binOf gets the range first and last day, as cellSpan gives them', async () => {
    const cells = makeTimeCells(faKes, groups);
    const rel = await stored('auto', 'k1', cells);
    const seen: (string | undefined)[] = [];
    const filters = { voice: 'all', scope: 'all', provenance: 'all' } as unknown as Filters;
    const got = await sqlCellSeries(
      await ready(url),
      rel,
      {
        group: groups[0].id,
        variants: groups[0].variants,
        entities: [],
        filters,
        range: { from: '2016-06-01', to: null },
      },
      (first, last) => {
        seen.push(first, last);
        return autoBin(first!, last!);
      },
    );
    const kept = cells.days.filter((d) => d >= '2016-06-01');
    expect(seen).toEqual([kept[0], kept[kept.length - 1]]);
    expect(got!.bin).toBe(autoBin(kept[0], kept[kept.length - 1]));
  });

  test('a version stored again replaces its rows; a prune removes them with the file', async () => {
    const small = makeTimeCells(faKes.slice(0, 100), groups);
    const whole = makeTimeCells(faKes, groups);
    const db = await ready(url);
    const cellCount = async (rel: string) =>
      Number(
        (
          await db.query<{ n: string }>(
            `SELECT COUNT(*) AS n FROM framescope_time_cells c JOIN framescope_time_sets s ON s.id = c.set_id
             WHERE s.path = $1`,
            [rel],
          )
        ).rows[0].n,
      );
    const rel = await stored('again', 'k1', small);
    expect(await cellCount(rel)).toBe(small.cellArticles.length);
    await stored('again', 'k1', whole);
    expect(await cellCount(rel)).toBe(whole.cellArticles.length);
    const kept = await stored('again', 'k2', small);
    await pgPruneApplier(url, path.join(tmp, 'again'))({ writes: [], removes: [rel] }, 'again');
    expect(await cellCount(rel)).toBe(0);
    // The other version's rows stay.
    expect(await cellCount(kept)).toBe(small.cellArticles.length);
    const { rows } = await db.query(`SELECT 1 FROM framescope_time_sets WHERE path = $1`, [rel]);
    expect(rows).toEqual([]);
    // Every table reports its rows and bytes (the bench divides these by articles).
    const sizes = await timeTableBytes(db);
    expect(sizes.map((s) => s.table)).toContain('framescope_time_counts');
    expect(sizes.every((s) => s.bytes > 0)).toBe(true);
  });

  test.each([
    ['time cells', 'time-cells-k9.bin', true],
    ['another kind', 'tallies-k9.bin', false],
    ['a segment', 'seg-1.fsa', false],
  ])('storeCellRows: %s -> %s', async (_, name, expected) => {
    const db = await ready(url);
    const rel = `rows/0123456789abcdef-e1/${name}`;
    expect(await storeCellRows(db, 'rows', rel, encodeTimeCells(makeTimeCells(faKes.slice(0, 30), groups)))).toBe(
      expected,
    );
    expect((await timeSetSpan(db, rel, { from: null, to: null })) !== null).toBe(expected);
  });

  test('an empty database seeded from a local store gets the time cells rows with their file', async () => {
    const seeded = await database();
    const roots = { corpus: path.join(tmp, 'seed', 'corpus'), store: path.join(tmp, 'seed', 'store') };
    const rel = relOf('seeded', 'k1');
    mkdirSync(path.dirname(path.join(roots.store, rel)), { recursive: true });
    mkdirSync(roots.corpus, { recursive: true });
    const cells = makeTimeCells(faKes, groups);
    writeFileSync(path.join(roots.store, rel), encodeTimeCells(cells));
    expect(await seedIfEmpty(seeded, roots)).toBe(1);
    const set = await timeSetSpan(await ready(seeded), rel, { from: null, to: null });
    expect(set).not.toBeNull();
    expect([set!.first, set!.last]).toEqual([cells.days[0], cells.days[cells.days.length - 1]]);
  });
});
