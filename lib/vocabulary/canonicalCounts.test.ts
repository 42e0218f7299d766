import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { analyzeArticle, compileEngine } from '../analysis/article';
import { loadCorpus } from '../corpus/load';
import { encodeNgramCounts } from '../store/ngramCounts';
import { articleKey } from '../store/keys';
import type { Corpus } from '../types';
import { canonicalCounts } from './canonicalCounts';
import { Counter, DEFAULT_LIMITS, type VocabularyCounts } from './table';
import { decodeTable, encodeTable } from './tableCodec';
import { countInto, storedTextCounter, tableOfCounts } from './whole';

// Two workers' counts of a corpus (alternate batches of `size` articles each), as an import's workers send them back.
function workerCounts(corpus: Corpus, size: number): VocabularyCounts[] {
  const engine = compileEngine(corpus.lexicon);
  const groups = corpus.lexicon.groups;
  const workers = [storedTextCounter(groups), storedTextCounter(groups)];
  for (let from = 0, b = 0; from < corpus.articles.length; from += size, b++) {
    const batch = corpus.articles.slice(from, from + size);
    countInto(
      workers[b % 2],
      batch.map((a) => analyzeArticle(a, engine)),
      batch.map(articleKey),
      groups,
    );
  }
  return workers.map((w) => w.counts(groups.map((g) => g.id)));
}

// The counts the writer stores after merging the workers' counts in the given order.
function merged(corpus: Corpus, parts: readonly VocabularyCounts[]): VocabularyCounts {
  const c = new Counter([], corpus.lexicon.groups.length, DEFAULT_LIMITS.liveCap);
  for (const p of parts) c.merge(p);
  return c.counts(corpus.lexicon.groups.map((g) => g.id));
}

// The stored bytes' digest (a failure then prints two digests, not megabytes).
const bytes = (c: VocabularyCounts) => createHash('sha256').update(encodeNgramCounts(c)).digest('hex');

describe.each([
  ['corpus/seeds', 2],
  ['corpus/fa-kes', 50],
])('%s: merged counts stored in canonical order', (dir, size) => {
  const corpus = loadCorpus(dir);
  const [a, b] = workerCounts(corpus, size);
  const ab = merged(corpus, [a, b]);
  const ba = merged(corpus, [b, a]);
  const keys = corpus.articles.map(articleKey);

  test('merged in two orders, the counts differ in order (what made the stored bytes vary)', () => {
    expect(bytes(ab)).not.toBe(bytes(ba));
  });

  test('merged in two orders, canonical counts store the same bytes', () => {
    expect(bytes(canonicalCounts(ab))).toBe(bytes(canonicalCounts(ba)));
  });

  test('canonical counts are already canonical', () => {
    const once = canonicalCounts(ab);
    expect(bytes(canonicalCounts(once))).toBe(bytes(once));
  });

  // A table's content as stored (decoded again): terms with their counts, totals, pruning, lexicon reading.
  const content = (counts: VocabularyCounts) => {
    const made = tableOfCounts(corpus, keys, counts)!;
    const d = decodeTable(encodeTable(made.table, made.reading))!;
    return {
      terms: [...d.table.terms].map(([term, r]) => [term, [...r.uses], [...r.articles], [...r.withGroup]]),
      table: { ...d.table, terms: null },
      reading: d.reading,
    };
  };
  const tableBytes = (counts: VocabularyCounts) => {
    const made = tableOfCounts(corpus, keys, counts)!;
    return createHash('sha256').update(encodeTable(made.table, made.reading)).digest('hex');
  };

  test.each([
    ['merged b then a', () => ba],
    ['canonical', () => canonicalCounts(ab)],
    ['canonical of canonical', () => canonicalCounts(canonicalCounts(ba))],
  ])('the table made from the counts %s holds what the table of the original counts holds', (_, counts) => {
    const original = content(ab);
    expect(original.terms.length).toBeGreaterThan(0);
    expect(content(counts())).toEqual(original);
  });

  test('tables made from canonical counts merged in two orders store the same bytes', () => {
    expect(tableBytes(canonicalCounts(ba))).toBe(tableBytes(canonicalCounts(ab)));
  });
});

describe('canonicalCounts on counts written by hand', () => {
  // Words "b", "a"; n-grams "b", "a", "b a", "a b"; outlets y, x; one cell per n-gram and outlet as read below.
  const raw: VocabularyCounts = {
    keys: ['k2', 'k1'],
    outlets: ['y', 'x'],
    groups: ['g0', 'g1'],
    words: ['b', 'a'],
    first: Int32Array.of(0, 1, 0, 1),
    second: Int32Array.of(-1, -1, 1, 0),
    cells: Int32Array.of(0, 0, 5, 1, 0, 1, 7, 2, 3, 1, 4, 1, 1, 0, 6, 3),
    withGroup: Int32Array.of(3, 1, 2, 0, 0, 9),
    n: [11, 11],
    tokens: [20, 30],
    articles: [2, 3],
    sentences: 4,
    groupNgrams: [9, 2],
    lossy: false,
  };
  const c = canonicalCounts(raw);
  // By hand: words a(0) b(1); n-grams a(0), "a b"(1), b(2), "b a"(3); outlets x(0) y(1).
  test.each<[string, unknown, unknown]>([
    ['keys', c.keys, ['k1', 'k2']],
    ['outlets', c.outlets, ['x', 'y']],
    ['words', c.words, ['a', 'b']],
    ['first words', [...c.first], [0, 0, 1, 1]],
    ['second words', [...c.second], [-1, 1, -1, 0]],
    // "a" in y 6/3; "a b" in x 4/1; "b" in x 7/2 and y 5/1.
    ['cells', [...c.cells], [0, 1, 6, 3, 1, 0, 4, 1, 2, 0, 7, 2, 2, 1, 5, 1]],
    // "a b" with g1 2; "b" with g0 9.
    ['co-occurrences', [...c.withGroup], [1, 1, 2, 2, 0, 9]],
    ['n per outlet', c.n, [11, 11]],
    ['tokens per outlet', c.tokens, [30, 20]],
    ['articles per outlet', c.articles, [3, 2]],
    ['groups', c.groups, ['g0', 'g1']],
    ['totals', [c.sentences, c.groupNgrams, c.lossy], [4, [9, 2], false]],
  ])('%s', (_, got, want) => {
    expect(got).toEqual(want);
  });
});
