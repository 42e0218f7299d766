import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { rangeTallies } from '../analysis/monthTallies';
import { analyzeArticles } from '../analysis/run';
import { CLUSTER_VIEWS } from '../analysis/tallies';
import { loadCorpus } from '../corpus/load';
import {
  rangeBlocks,
  ROW,
  storedTalliesOf,
  tallyRows,
  talliesOfSums,
  type TallyBlock,
  type TallySumRow,
} from './pgTallies';
import { makeTallies } from './tallies';

// Two years; 2020 with January (1st to 20th) and March (2nd to 31st), 2021 with February (only the 10th).
const BLOCKS: TallyBlock[] = [
  { name: '*', year: null, first: '', last: '' },
  { name: '2020', year: null, first: '2020-01-01', last: '2020-03-31' },
  { name: '2020-01', year: '2020', first: '2020-01-01', last: '2020-01-20' },
  { name: '2020-03', year: '2020', first: '2020-03-02', last: '2020-03-31' },
  { name: '2021', year: null, first: '2021-02-10', last: '2021-02-10' },
  { name: '2021-02', year: '2021', first: '2021-02-10', last: '2021-02-10' },
];

describe('rangeBlocks', () => {
  test.each([
    ['no range: the whole text', null, null, [0]],
    ['a whole year', '2020-01-01', '2020-12-31', [1]],
    ['both years whole (undated articles left out)', '2019-01-01', null, [1, 4]],
    ['a month of a year cut between months', '2020-02-01', '2021-12-31', [3, 4]],
    ['the first month only', null, '2020-02-15', [2]],
    ['nothing in range', '2022-01-01', null, []],
    ['a range cutting January', '2020-01-10', null, null],
    ['a range cutting March', null, '2020-03-15', null],
  ])('%s', (_, from, to, expected) => {
    expect(rangeBlocks(BLOCKS, { from, to })).toEqual(expected);
  });
});

// SQL's sums done in JS on the rows (SUM n, MIN of block x 2^32 + place), as an independent check of the rebuild.
function sumInJs(rows: NonNullable<ReturnType<typeof tallyRows>>, blocks: number[], view: number): TallySumRow[] {
  const c = rows.columns;
  const out = new Map<string, TallySumRow>();
  for (let i = 0; i < c.n.length; i++) {
    if (!blocks.includes(c.block[i])) continue;
    if (c.kind[i] >= ROW.clusterArticles && c.c[i] !== view) continue;
    const key = [c.outlet[i], c.kind[i], c.a[i], c.b[i], c.c[i], c.d[i]].join();
    const oa = c.block[i] * 2 ** 32 + c.oa[i];
    const ob = c.block[i] * 2 ** 32 + c.ob[i];
    const s = out.get(key);
    if (!s)
      out.set(key, {
        outlet: c.outlet[i],
        kind: c.kind[i],
        a: c.a[i],
        b: c.b[i],
        c: c.c[i],
        d: c.d[i],
        n: c.n[i],
        oa,
        ob,
      });
    else {
      s.n += c.n[i];
      s.oa = Math.min(s.oa, oa);
      s.ob = Math.min(s.ob, ob);
    }
  }
  // SQL returns groups in no set order: the rebuild must not depend on it.
  return [...out.values()].reverse();
}

describe('tallyRows and talliesOfSums', () => {
  const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
  const analyses = analyzeArticles(corpus).slice(0, 200);
  const t = makeTallies(corpus, analyses);
  const rows = tallyRows(t)!;

  test.each([
    ['the whole text', null, null],
    ['2013 to 2014', '2013-01-01', '2014-12-31'],
  ])('%s: the rebuilt tallies equal rangeTallies under every cluster view', (_, from, to) => {
    const range = { from, to };
    const blocks = rangeBlocks(rows.blocks, range)!;
    const js = from === null && to === null ? t.byOutlet : rangeTallies(t.months, analyses, range);
    CLUSTER_VIEWS.forEach((view, v) => {
      const got = talliesOfSums(sumInJs(rows, blocks, v), rows.keys, rows.outlets, view);
      expect([...got.keys()]).toEqual([...js.keys()]);
      for (const [o, tally] of js) {
        const want = { ...tally, clusters: { ...got.get(o)!.clusters, [view]: tally.clusters[view] } };
        expect(got.get(o)).toEqual(want);
        expect([...got.get(o)!.mentions.keys()]).toEqual([...tally.mentions.keys()]);
        expect([...got.get(o)!.actorLabels.keys()]).toEqual([...tally.actorLabels.keys()]);
      }
    });
  });

  test('a sentence score that is not a whole number: no rows (the JS path answers)', () => {
    const odd = makeTallies(corpus, analyses.slice(0, 5));
    const [first] = odd.byOutlet.values();
    first.sentences.body.all.histogram.set(0.5, 1);
    expect(tallyRows(odd)).toBeNull();
  });

  test.each([
    ['another kind of derived data', 'c/l/time-cells-k1.bin', true],
    ['tallies bytes that do not decode', 'c/l/tallies-k1.bin', false],
  ])('storedTalliesOf: %s -> null', (_, rel, real) => {
    const bytes = real ? new Uint8Array(16) : new Uint8Array([1, 2, 3]);
    expect(storedTalliesOf(rel, bytes)).toBeNull();
  });
});
