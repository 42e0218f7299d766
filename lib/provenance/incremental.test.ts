import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { provenanceInput } from './corpusProvenance';
import { creditSources } from './credits';
import { provenanceRows, reuseRows } from './exportRows';
import { buildProvenance, previousOf, updateProvenance, type CorpusProvenance, type ProvenanceInput } from './model';

// Incremental provenance must be the full computation: every result, pair, candidate list and posting the same.
function expectSame(inc: CorpusProvenance, full: CorpusProvenance) {
  expect(inc.articles).toEqual(full.articles);
  expect(inc.index.pairs.map((l) => l.map((p) => [p.a, p.b, p.passages]))).toEqual(
    full.index.pairs.map((l) => l.map((p) => [p.a, p.b, p.passages])),
  );
  expect(inc.index.candidates).toEqual(full.index.candidates);
  expect(inc.index.postings).toEqual(full.index.postings);
  expect(reuseRows(inc)).toEqual(reuseRows(full));
  expect(provenanceRows(inc)).toEqual(provenanceRows(full));
}

function inputsOf(dir: string) {
  const corpus = loadCorpus(path.join(process.cwd(), 'corpus', dir));
  const dates = new Map(corpus.articles.map((a) => [a.id, a.date]));
  const inputs = analyzeArticles(corpus).map((a) => provenanceInput(a, dates.get(a.id) ?? null));
  return { inputs, sources: creditSources(corpus.outlets) };
}

const fakes = inputsOf('fa-kes');
const without = (list: ProvenanceInput[], ids: Set<string>) => list.filter((x) => !ids.has(x.id));
// Ahram's AFP story on Al-Bab (2015-07-16), which the Jordan Times reprinted three days later (fakes.test.ts): an
// early source, so adding or removing it changes the first holders of its shingles.
const SOURCE = 'ahram-28a4592b3ae9';
const REPRINT = 'jordantimes-2aa485ef1515';
const every39 = new Set(fakes.inputs.filter((_, i) => i % 39 === 5).map((x) => x.id));
const byId = (id: string) => fakes.inputs.find((x) => x.id === id)!;

// Each case: the previous version's articles and the next version's, in corpus order.
const CASES: [string, ProvenanceInput[], ProvenanceInput[]][] = [
  ['add 1 (an early wire source)', without(fakes.inputs, new Set([SOURCE])), fakes.inputs],
  ['add 20', without(fakes.inputs, every39), fakes.inputs],
  ['remove 1 (the wire source)', fakes.inputs, without(fakes.inputs, new Set([SOURCE]))],
  [
    'change 1 (the reprint now reprints another story)',
    fakes.inputs,
    fakes.inputs.map((x) => (x.id === REPRINT ? { ...byId('sana-18bb54a453f4'), id: REPRINT, outlet: x.outlet } : x)),
  ],
  [
    'change 1 (the source redated after its reprint)',
    fakes.inputs,
    fakes.inputs.map((x) => (x.id === SOURCE ? { ...x, date: '2016-12-31' } : x)),
  ],
];

describe('incremental provenance equals the full computation on FA-KES', () => {
  const fullAll = buildProvenance(fakes.inputs, fakes.sources);
  test.each(CASES)(
    '%s',
    (_name, before, after) => {
      const prev = before === fakes.inputs ? fullAll : buildProvenance(before, fakes.sources);
      const full = after === fakes.inputs ? fullAll : buildProvenance(after, fakes.sources);
      const { provenance, recomputed } = updateProvenance(prev, after, fakes.sources, previousOf(before, after));
      expectSame(provenance, full);
      // Only what the change touches is computed again (FA-KES has 784 articles).
      expect(recomputed.length).toBeGreaterThan(0);
      expect(recomputed.length).toBeLessThan(after.length / 4);
    },
    60_000,
  );

  test('a new outlet (a new credit source) recomputes every article and still equals the full computation', () => {
    const sources = [...fakes.sources, ...creditSources([{ id: 'newcomer', name: 'The Newcomer' }])];
    const { provenance, recomputed } = updateProvenance(
      fullAll,
      fakes.inputs,
      sources,
      previousOf(fakes.inputs, fakes.inputs),
    );
    expect(recomputed).toHaveLength(fakes.inputs.length);
    expectSame(provenance, buildProvenance(fakes.inputs, sources));
  }, 60_000);
});

describe('incremental provenance equals the full computation on the seeds', () => {
  const seeds = inputsOf('seeds');
  test.each(seeds.inputs.map((x) => [x.id]))('add %s last', (id) => {
    const before = without(seeds.inputs, new Set([id]));
    const prev = buildProvenance(before, seeds.sources);
    const { provenance } = updateProvenance(prev, seeds.inputs, seeds.sources, previousOf(before, seeds.inputs));
    expectSame(provenance, buildProvenance(seeds.inputs, seeds.sources));
  });
});
