import { describe, expect, test } from 'vitest';
import { compileEngine, type ArticleAnalysis } from '../analysis/article';
import { loadCorpus } from '../corpus/load';
import { analyseBatch } from '../store/analyseBatch';
import { unpackAnalyses } from '../store/codec';
import { articleKey } from '../store/keys';
import type { Corpus } from '../types';
import { Counter, DEFAULT_LIMITS, type VocabularyCounts } from './table';
import { decodeTable, encodeTable, type LexiconReading } from './tableCodec';
import type { VocabularyTable } from './table';
import { storedTextCounter, tableOf, tableOfChunks, tableOfCounts } from './whole';

// The version's table merged from the counts analysis workers make in the same pass (lib/store/analyseBatch.ts), against
// counting the corpus again as the stored table always was: the stored bytes decode to the same table and reading.
const stored = (t: { table: VocabularyTable; reading: LexiconReading }) => {
  const d = decodeTable(encodeTable(t.table, t.reading))!;
  return {
    terms: [...d.table.terms].map(([term, r]) => [term, [...r.uses], [...r.articles], [...r.withGroup]]),
    table: { ...d.table, terms: null },
    marks: [...d.reading!.marks],
    candidates: d.reading!.candidates,
    contexts: d.reading!.contexts,
  };
};
function analysedInBatches(corpus: Corpus, size: number): { analyses: ArticleAnalysis[]; counts: VocabularyCounts } {
  const engine = compileEngine(corpus.lexicon);
  const merged = new Counter([], corpus.lexicon.groups.length, DEFAULT_LIMITS.liveCap);
  const analyses: ArticleAnalysis[] = [];
  // Batches come back in any order on several workers: the last batch first here.
  const starts = Array.from({ length: Math.ceil(corpus.articles.length / size) }, (_, i) => i * size).reverse();
  const byStart = new Map<number, ArticleAnalysis[]>();
  const workers = [storedTextCounter(corpus.lexicon.groups), storedTextCounter(corpus.lexicon.groups)];
  for (const from of starts) {
    const batch = corpus.articles.slice(from, from + size);
    // Two workers, each counting its batches into the counter it keeps, take the batches in turn.
    const b = analyseBatch(batch, engine, workers[byStart.size % 2]);
    byStart.set(from, unpackAnalyses(b.packed, batch));
  }
  for (const from of [...byStart.keys()].sort((x, y) => x - y)) analyses.push(...byStart.get(from)!);
  // The writer collects each worker's counts at the end and merges them.
  for (const w of workers) merged.merge(w.counts(corpus.lexicon.groups.map((g) => g.id)));
  return { analyses, counts: merged.counts(corpus.lexicon.groups.map((g) => g.id)) };
}

describe.each([
  ['corpus/seeds', 2],
  ['corpus/fa-kes', 100],
])('%s: the table merged from batch counts is the table counted again', (dir, size) => {
  const corpus = loadCorpus(dir);
  const keys = corpus.articles.map(articleKey);
  const { analyses, counts } = analysedInBatches(corpus, size);
  const again = tableOf(corpus, analyses);
  test('the same stored table (counts, totals, pruning, lexicon marks and candidates)', () => {
    const merged = tableOfCounts(corpus, keys, counts);
    expect(merged).not.toBeNull();
    expect(stored(merged!)).toEqual(stored(again));
    expect(merged!.table.terms.size).toBeGreaterThan(0);
  });
  test('counting the stored analyses a chunk at a time gives the same table', () => {
    const chunks = [analyses.slice(0, 3), analyses.slice(3, 200), analyses.slice(200)];
    const chunked = tableOfChunks(corpus, chunks);
    expect(stored(chunked)).toEqual(stored(again));
  });
  test.each<[string, (c: VocabularyCounts) => [string[], VocabularyCounts]]>([
    ['an article missing from the counts', (c) => [keys, { ...c, keys: c.keys.slice(1) }]],
    ['an article the version lacks', (c) => [keys.slice(1), c]],
    ['an article counted twice', (c) => [keys, { ...c, keys: [...c.keys.slice(1), c.keys[2]] }]],
    ['counts that dropped rare n-grams', (c) => [keys, { ...c, lossy: true }]],
    ['counts of other term groups', (c) => [keys, { ...c, groups: [...c.groups].reverse() }]],
    ['an outlet the corpus lacks', (c) => [keys, { ...c, outlets: [...c.outlets.slice(1), 'nowhere'] }]],
  ])('not used (counted again instead): %s', (_, change) => {
    const [k, c] = change(counts);
    expect(tableOfCounts(corpus, k, c)).toBeNull();
  });
});
