// The tallies' rows in a real throwaway PostgreSQL (scripts/pg/testCluster.ts): stored with the file by the PG store's
// put, removed by its prune, and summed by SQL into exactly the per-outlet tallies rangeTallies
// (lib/analysis/monthTallies.ts, the independent JS implementation) sums from the same stored blocks, and into the
// same overview statistics (exportStats) under every voice and scope option.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testCluster } from '../../scripts/pg/testCluster';
import type { ArticleAnalysis } from '../analysis/article';
import { DEFAULT_OPTIONS, exportStats, type StatsCorpus } from '../analysis/aggregate';
import type { DateRange } from '../analysis/filters';
import { rangeTallies } from '../analysis/monthTallies';
import { analyzeArticles } from '../analysis/run';
import { CLUSTER_VIEWS, type ClusterView, type OutletTally } from '../analysis/tallies';
import { loadCorpus } from '../corpus/load';
import { scatteredAnalyses } from '../time/testCells';
import { derivedName } from './derived';
import { fileStore, scopeFolder } from './files';
import { pgPruneApplier, pgStore } from './pg';
import { closePools, ready } from './pgClient';
import { seedIfEmpty } from './pgReplica';
import { sqlRangeTallies } from './pgTallies';
import { tallySet, tallyTableBytes } from './pgTalliesQueries';
import { makeTallies, putTallies, TALLIES, type StoredTallies } from './tallies';

const { skip, database } = testCluster();
let url = '';
beforeAll(async () => {
  if (!skip) url = await database();
}, 60_000);
afterAll(() => closePools(), 60_000);

const tmp = mkdtempSync(path.join(tmpdir(), 'framescope-pgtallies-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const faKes = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
const faKesAnalyses = analyzeArticles(faKes);

const scopeOf = (name: string) => ({ corpus: name, lexicon: '0123456789abcdef' });
const relOf = (name: string, key: string) => path.posix.join(scopeFolder(scopeOf(name)), derivedName(TALLIES, key));

async function stored(name: string, key: string, t: StoredTallies): Promise<string> {
  await putTallies(pgStore(url, path.join(tmp, name)), scopeOf(name), key, t);
  return relOf(name, key);
}

// Every map of a tally listed in order, so equality checks the order a merge gives, not only the contents.
function ordered(t: OutletTally, view: ClusterView): unknown {
  const pairs = <V>(m: Map<string | number, V>, f: (v: V) => unknown = (v) => v) => [...m].map(([k, v]) => [k, f(v)]);
  const stats = (s: OutletTally['sentences']) =>
    Object.entries(s).map(([section, kinds]) => [
      section,
      Object.entries(kinds).map(([k, st]) => [k, { ...st, histogram: pairs(st.histogram) }]),
    ]);
  const cl = t.clusters[view];
  return {
    articles: t.articles,
    tokens: t.tokens,
    mentions: pairs(t.mentions),
    actorLabels: pairs(t.actorLabels),
    setAside: pairs(t.setAside),
    sentences: stats(t.sentences),
    actorTone: pairs(t.actorTone, stats),
    clusterArticles: pairs(cl.articles),
    clusterProducts: pairs(cl.products, (row) => pairs(row)),
  };
}

const byOutletOrdered = (m: Map<string, OutletTally>, view: ClusterView) =>
  [...m].map(([o, t]) => [o, ordered(t, view)]);

// Every cluster view (voice x scope) x range: SQL's tallies equal rangeTallies' (the stored whole text's without a
// range) in every number and map order, and give the same overview statistics; a range that cuts a month is null.
async function expectSame(
  rel: string,
  t: StoredTallies,
  analyses: ArticleAnalysis[],
  corpus: StatsCorpus,
  ranges: DateRange[],
  cut: DateRange[],
): Promise<number> {
  const db = await ready(url);
  let compared = 0;
  for (const view of CLUSTER_VIEWS) {
    const [voice, scope] = view.split('/') as ['all' | 'own', 'all' | 'body'];
    const o = { ...DEFAULT_OPTIONS, voice, scope };
    for (const range of ranges) {
      const whole = range.from === null && range.to === null;
      const js = whole ? t.byOutlet : rangeTallies(t.months, analyses, range);
      const sql = await sqlRangeTallies(db, rel, range, view);
      expect(sql).not.toBeNull();
      expect(byOutletOrdered(sql!, view)).toEqual(byOutletOrdered(js, view));
      expect(exportStats(corpus, sql!, o)).toEqual(exportStats(corpus, js, o));
      compared += js.size;
    }
    for (const range of cut) expect(await sqlRangeTallies(db, rel, range, view)).toBeNull();
  }
  return compared;
}

describe.skipIf(skip !== null)('tallies summed by PostgreSQL', () => {
  const faKesTallies = makeTallies(faKes, faKesAnalyses);

  test('FA-KES: every voice and scope, the whole text, a year, whole months across years, an open range', async () => {
    const rel = await stored('fa-kes', 'k1', faKesTallies);
    const ranges = [
      { from: null, to: null },
      { from: '2013-01-01', to: '2013-12-31' },
      { from: '2012-03-01', to: '2014-06-30' },
      { from: '2015-01-01', to: null },
      { from: null, to: '2013-04-30' },
      // Before every article: no block, no outlet.
      { from: '1990-01-01', to: '1990-12-31' },
    ];
    // FA-KES has articles on 2016-07-01 and 2016-07-29 (read from its articles' dates): the 15th cuts July 2016.
    const cut = [
      { from: '2016-07-15', to: null },
      { from: null, to: '2016-07-15' },
    ];
    // Outlets with articles in each range, counted from FA-KES's articles' outlets and dates: all 15 in the whole text,
    // 10 in 2013, 10 from March 2012 to June 2014, 15 from 2015, 2 to April 2013, none in 1990; for each of 4 views.
    expect(await expectSame(rel, faKesTallies, faKesAnalyses, faKes, ranges, cut)).toBe(4 * (15 + 10 + 10 + 15 + 2));
  }, 120_000);

  test('a generated corpus with undated articles (four outlets over 60 days of 2020)', async () => {
    const { outlets, analyses: dated } = scatteredAnalyses(faKesAnalyses.map((analysis) => ({ analysis })));
    // scatteredAnalyses keeps the whole FA-KES analyses it was given, typed by what the cells read.
    const analyses = dated.map((d) => d.analysis as ArticleAnalysis);
    const corpus = {
      ...faKes,
      outlets: outlets.map((id) => ({ ...faKes.outlets[0], id, name: id })),
      outletGroups: [{ id: 'ab', label: 'a and b', members: ['a', 'b'] }],
      articles: analyses.map((a, i) => ({ id: a.id, date: dated[i].date })),
    };
    const t = makeTallies(corpus, analyses);
    const rel = await stored('generated', 'k1', t);
    const ranges = [
      { from: null, to: null },
      { from: '2020-01-01', to: '2020-01-31' },
      { from: '2020-02-01', to: null },
      { from: '2019-06-01', to: '2020-12-31' },
    ];
    const cut = [
      { from: '2020-01-15', to: null },
      { from: '2020-01-01', to: '2020-02-10' },
    ];
    expect(await expectSame(rel, t, analyses, corpus, ranges, cut)).toBe(4 * 4 * 4);
  }, 120_000);

  test('rows are replaced when the same path is stored again, and removed by the prune with their file', async () => {
    const small = makeTallies(faKes, faKesAnalyses.slice(0, 40));
    const rel = await stored('pruned', 'k1', small);
    const db = await ready(url);
    const first = await tallySet(db, rel);
    await stored('pruned', 'k1', small);
    const again = await tallySet(db, rel);
    expect(again!.id).not.toBe(first!.id);
    const before = (await tallyTableBytes(db)).find((x) => x.table === 'framescope_tally_rows')!.rows;
    const { rows } = await db.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM framescope_tally_rows WHERE set_id = $1`,
      [again!.id],
    );
    expect(Number(rows[0].n)).toBeGreaterThan(0);
    await pgPruneApplier(url, path.join(tmp, 'pruned'))({ writes: [], removes: [rel] }, 'pruned');
    expect(await tallySet(db, rel)).toBeNull();
    const after = (await tallyTableBytes(db)).find((x) => x.table === 'framescope_tally_rows')!.rows;
    expect(before - after).toBe(Number(rows[0].n));
    // The old set's rows went when the path was stored again (nothing left under its id).
    const { rows: old } = await db.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM framescope_tally_rows WHERE set_id = $1`,
      [first!.id],
    );
    expect(Number(old[0].n)).toBe(0);
  }, 60_000);

  test('no rows stored at a path: null (the JS path answers)', async () => {
    expect(
      await sqlRangeTallies(await ready(url), relOf('none', 'k9'), { from: null, to: null }, 'all/all'),
    ).toBeNull();
  });

  test('an empty database seeded from a local store gets the tallies rows with their file', async () => {
    const seeded = await database();
    const roots = { corpus: path.join(tmp, 'seed', 'corpus'), store: path.join(tmp, 'seed', 'store') };
    mkdirSync(roots.corpus, { recursive: true });
    await putTallies(fileStore(roots.store), scopeOf('seeded'), 'k1', makeTallies(faKes, faKesAnalyses.slice(0, 30)));
    expect(await seedIfEmpty(seeded, roots)).toBe(1);
    const set = await tallySet(await ready(seeded), relOf('seeded', 'k1'));
    expect(set!.blocks[0].name).toBe('*');
  }, 60_000);
});
