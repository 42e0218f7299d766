import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { compileEngine } from '../analysis/article';
import { loadCorpus } from '../corpus/load';
import type { Counter } from '../vocabulary/table';
import { countsOfChunks, storedTextCounter, tableOfChunks } from '../vocabulary/whole';
import { encodeTable } from '../vocabulary/tableCodec';
import type { Article, Corpus } from '../types';
import { putIndexOrder, putLatestNgramCounts, readLatestNgramCounts } from './ngramCounts';
import { putWordIndex } from './wordIndexParts';
import type { AnalysisStore, StoreScope } from './types';
import { isWordIndexHead } from '../vocabulary/indexParts';
import { encodeWordIndex, makeWordIndex } from '../vocabulary/searchIndex';
import { analyseBatch } from './analyseBatch';
import { analyseInto, provenanceInto, vocabularyInto } from './analyse';
import { unpackAnalyses } from './codec';
import { hasProvenance } from './derived';
import { fileStore } from './files';
import { articleKey, lexiconKey, versionKey } from './keys';
import {
  hasVocabulary,
  hasWordIndex,
  readVocabulary,
  readWordIndex,
  storeVocabulary,
  versionTable,
  versionWordIndex,
  VOCABULARY_KIND,
  WORD_INDEX_KIND,
} from './vocabularyJob';

// Each test analyses a corpus on a worker: on a machine shared by several jobs that passes 5 s.
vi.setConfig({ testTimeout: 30_000 });

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

// A scratch copy of the seeds corpus (5 pages) with its own empty store.
function scratch() {
  const root = mkdtempSync(path.join(tmpdir(), 'framescope-vocabjob-'));
  roots.push(root);
  const dir = path.join(root, 's');
  cpSync(path.join(process.cwd(), 'corpus', 'seeds'), dir, { recursive: true });
  cpSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
  const corpus = loadCorpus(dir);
  const storeRoot = path.join(root, '.store');
  const scope = { corpus: 's', lexicon: lexiconKey(corpus.lexicon) };
  const version = versionKey(corpus.articles.map(articleKey), scope.lexicon);
  return { dir, corpus, storeRoot, store: fileStore(storeRoot), scope, version };
}

// The counts an analysis worker makes while analysing every article of the corpus (nothing stored).
function countedWhileAnalysing(s: ReturnType<typeof scratch>): Counter {
  const counter = storedTextCounter(s.corpus.lexicon.groups);
  const b = analyseBatch(s.corpus.articles, compileEngine(s.corpus.lexicon), counter);
  expect(unpackAnalyses(b.packed, s.corpus.articles)).toHaveLength(s.corpus.articles.length);
  return counter;
}

const bytesOf = (s: ReturnType<typeof scratch>) => s.store.readDerived(s.scope, VOCABULARY_KIND, s.version);

describe('storeVocabulary', () => {
  test.each([
    ['merged from the counts made while analysing', true],
    ['counted from the stored analyses', false],
  ])('%s: the table equals the other way, and is not made again once stored', async (_name, fromCounts) => {
    const s = scratch();
    await analyseInto(s.store, 's', s.corpus.articles, s.corpus.lexicon, undefined, 1);
    const counts = fromCounts ? countedWhileAnalysing(s).counts(s.corpus.lexicon.groups.map((g) => g.id)) : null;
    expect(await storeVocabulary(s.dir, s.storeRoot, counts)).toBe(s.version);
    const made = readVocabulary(s.store, s.scope, s.version)!;
    // The other way, in another store: the same counts, totals and lexicon reading.
    const t = scratch();
    await analyseInto(t.store, 's', t.corpus.articles, t.corpus.lexicon, undefined, 1);
    await storeVocabulary(
      t.dir,
      t.storeRoot,
      fromCounts ? null : countedWhileAnalysing(t).counts(t.corpus.lexicon.groups.map((g) => g.id)),
    );
    const other = readVocabulary(t.store, t.scope, t.version)!;
    expect(made.table.terms.size).toBeGreaterThan(0);
    expect([...made.table.terms].map(([k, r]) => [k, [...r.uses], [...r.articles]])).toEqual(
      [...other.table.terms].map(([k, r]) => [k, [...r.uses], [...r.articles]]),
    );
    expect({ ...made.table, terms: null }).toEqual({ ...other.table, terms: null });
    expect(made.reading).toEqual(other.reading);
    // Stored: a second run keeps the bytes (a stand-in written over them stays), whatever counts it is given.
    await s.store.putDerived(s.scope, VOCABULARY_KIND, s.version, new TextEncoder().encode('kept'));
    await storeVocabulary(s.dir, s.storeRoot, counts);
    expect(new TextDecoder().decode(bytesOf(s)!)).toBe('kept');
  });

  test('the word index is stored beside the table: that of the stored analyses in corpus order', async () => {
    const s = scratch();
    await analyseInto(s.store, 's', s.corpus.articles, s.corpus.lexicon, undefined, 1);
    expect(hasWordIndex(s.store, s.scope, s.version)).toBe(false);
    await storeVocabulary(s.dir, s.storeRoot, null);
    const stored = readWordIndex(s.store, s.scope, s.version)!;
    // The independent reading: the analyses read back in corpus order, indexed here.
    const analyses = s.store.read(s.scope, s.corpus.articles, s.corpus.articles.map(articleKey));
    expect(stored).toEqual(makeWordIndex(analyses.map((a) => a!)));
    // The seeds' five pages.
    expect(stored.articles).toBe(5);
    // A store that had the table but not the index (made before it existed) gets the index alone.
    await s.store.putDerived(s.scope, VOCABULARY_KIND, s.version, new TextEncoder().encode('kept'));
    const t = scratch();
    await analyseInto(t.store, 's', t.corpus.articles, t.corpus.lexicon, undefined, 1);
    await t.store.putDerived(t.scope, VOCABULARY_KIND, t.version, new TextEncoder().encode('kept'));
    await storeVocabulary(t.dir, t.storeRoot, null);
    expect(new TextDecoder().decode(bytesOf(t)!)).toBe('kept');
    expect(readWordIndex(t.store, t.scope, t.version)).toEqual(stored);
    // A store holding the index whole (the form before parts) gets it made again in parts: head and part 0.
    const u = scratch();
    await analyseInto(u.store, 's', u.corpus.articles, u.corpus.lexicon, undefined, 1);
    await u.store.putDerived(u.scope, VOCABULARY_KIND, u.version, new TextEncoder().encode('kept'));
    await u.store.putDerived(u.scope, WORD_INDEX_KIND, u.version, encodeWordIndex(stored));
    expect(hasWordIndex(u.store, u.scope, u.version)).toBe(false);
    await storeVocabulary(u.dir, u.storeRoot, null);
    expect(hasWordIndex(u.store, u.scope, u.version)).toBe(true);
    expect(isWordIndexHead(u.store.readDerived(u.scope, WORD_INDEX_KIND, u.version)!)).toBe(true);
    expect(readWordIndex(u.store, u.scope, u.version)).toEqual(stored);
  });
});

describe('vocabularyInto and provenanceInto', () => {
  test('the table is stored from counts on its own, with no stored analysis; provenance then fails and leaves it', async () => {
    // No analysis is stored, so provenance cannot be made; the counts cover the version, so the table can. Before this,
    // the table was made after provenance on provenance's worker: a provenance that failed (or took 20 minutes at
    // 100,000 articles) left none. The word index reads the analyses, so it fails after the table is stored.
    const s = scratch();
    await expect(vocabularyInto(s.dir, s.storeRoot, s.corpus.lexicon, countedWhileAnalysing(s))).rejects.toThrow(
      /has no stored analysis, so its word index waits for it/,
    );
    expect(hasVocabulary(s.store, s.scope, s.version)).toBe(true);
    expect(hasWordIndex(s.store, s.scope, s.version)).toBe(false);
    expect(readVocabulary(s.store, s.scope, s.version)!.table.terms.size).toBeGreaterThan(0);
    await expect(provenanceInto(s.dir, s.storeRoot)).rejects.toThrow(
      /has no stored analysis, so provenance waits for it/,
    );
    expect(hasProvenance(s.store, s.scope, s.version)).toBe(false);
    expect(hasVocabulary(s.store, s.scope, s.version)).toBe(true);
  });

  test.each([
    ['lossy counts are not used', true],
    ['counts that miss an article are not used', false],
  ])('%s: the table is counted from the store, which lacks the analyses, so it fails', async (_name, lossy) => {
    const s = scratch();
    const counter = countedWhileAnalysing(s);
    if (lossy) counter.lossy = true;
    else counter.keys.pop();
    await expect(vocabularyInto(s.dir, s.storeRoot, s.corpus.lexicon, counter)).rejects.toThrow(
      /has no stored analysis, so its vocabulary waits for it/,
    );
    expect(hasVocabulary(s.store, s.scope, s.version)).toBe(false);
  });
});

// Picks articles by position; `n` is the corpus size, so cases name positions before the corpus is read.
type Pick = (n: number) => number[];
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const allBut =
  (...out: number[]): Pick =>
  (n) =>
    range(0, n).filter((i) => !out.includes(i));
const first =
  (k: number): Pick =>
  () =>
    range(0, k);

describe("versionTable: the next version's table from the latest counts plus the added articles", () => {
  const corpora = new Map<string, { corpus: Corpus; store: AnalysisStore; scope: StoreScope }>();
  beforeAll(async () => {
    for (const name of ['fa-kes', 'seeds']) {
      const root = mkdtempSync(path.join(tmpdir(), 'framescope-vocabnext-'));
      roots.push(root);
      // FA-KES's first 300 articles (of 784): enough outlets and words, and a suite that stays quick.
      const whole = loadCorpus(path.join(process.cwd(), 'corpus', name));
      const corpus = { ...whole, articles: whole.articles.slice(0, 300) };
      const store = fileStore(root);
      await analyseInto(store, name, corpus.articles, corpus.lexicon, undefined, 1);
      corpora.set(name, { corpus, store, scope: { corpus: name, lexicon: lexiconKey(corpus.lexicon) } });
    }
  }, 300_000);

  // A version of a corpus: some of its articles, in corpus order.
  const versionOf = (c: Corpus, positions: number[]): Corpus => ({
    ...c,
    articles: positions.map((i) => c.articles[i]),
  });

  // A store that counts the analyses read through it.
  function counting(store: AnalysisStore) {
    const seen = { analyses: 0 };
    const wrapped = Object.create(store) as AnalysisStore;
    wrapped.read = (scope: StoreScope, articles: readonly Article[], keys: readonly string[]) => {
      seen.analyses += articles.length;
      return store.read(scope, articles, keys);
    };
    return { wrapped, seen };
  }

  test.each<[string, string, Pick, Pick, 'added' | 'whole']>([
    // FA-KES here holds 300 articles (corpus/fa-kes/articles, the first 300 of 784); the seeds 5.
    ['FA-KES: one article added at the end', 'fa-kes', (n) => range(0, n - 1), (n) => range(0, n), 'added'],
    [
      'FA-KES: ten scattered added',
      'fa-kes',
      allBut(3, 77, 150, 151, 200, 220, 255, 260, 271, 299),
      (n) => range(0, n),
      'added',
    ],
    ['FA-KES: five removed and 100 added (counted whole)', 'fa-kes', first(200), () => range(5, 300), 'whole'],
    ['seeds: one page added', 'seeds', first(4), first(5), 'added'],
    ['seeds: from one page to five', 'seeds', first(1), first(5), 'added'],
    ['seeds: nothing added, nothing removed', 'seeds', first(3), first(3), 'added'],
    ['seeds: one removed, one added (counted whole)', 'seeds', first(4), allBut(2), 'whole'],
  ])(
    '%s: the same bytes as counting the version whole (table and word index)',
    (_name, name, before, after, way) => {
      const { corpus, store, scope } = corpora.get(name)!;
      const n = corpus.articles.length;
      const prev = versionOf(corpus, before(n));
      const next = versionOf(corpus, after(n));
      const prevKeys = prev.articles.map(articleKey);
      const nextKeys = next.articles.map(articleKey);
      // The previous version's table, made whole (no latest counts yet), leaves its counts as the latest.
      const base = versionTable(store, scope, prev, prevKeys, null);
      expect(base.counts!.keys).toHaveLength(prevKeys.length);
      return putLatestNgramCounts(store, scope, base.counts!).then(async () => {
        const { wrapped, seen } = counting(store);
        const made = versionTable(wrapped, scope, next, nextKeys, null);
        // The independent way: the whole version counted by tableOfChunks (countVocabulary), as before the counts.
        const analyses = store.read(scope, next.articles, nextKeys) as NonNullable<
          ReturnType<AnalysisStore['read']>[number]
        >[];
        const whole = tableOfChunks(next, [analyses]);
        expect(Buffer.from(encodeTable(made.table, made.reading))).toEqual(
          Buffer.from(encodeTable(whole.table, whole.reading)),
        );
        const had = new Set(prevKeys);
        const added = nextKeys.filter((k) => !had.has(k)).length;
        // Only the added articles' analyses were read, or every one when an article was removed.
        expect(seen.analyses).toBe(way === 'added' ? added : nextKeys.length);
        expect(new Set(made.counts!.keys)).toEqual(new Set(nextKeys));
        // The word index: the previous version's stored with its order, the next made from it and the added articles
        // alone (removals too: postings are dropped exactly), equal byte for byte to the index of every article.
        const prevVersion = versionKey(prevKeys, scope.lexicon);
        await putWordIndex(store, scope, prevVersion, versionWordIndex(store, scope, prev, prevKeys));
        await putIndexOrder(store, scope, { version: prevVersion, keys: prevKeys });
        const words = counting(store);
        const index = versionWordIndex(words.wrapped, scope, next, nextKeys);
        expect(Buffer.from(encodeWordIndex(index))).toEqual(Buffer.from(encodeWordIndex(makeWordIndex(analyses))));
        expect(words.seen.analyses).toBe(added);
        // The run's own counts of exactly the added articles stand for them: nothing is read.
        if (way === 'added') {
          const addedArticles = next.articles.filter((_, i) => !had.has(nextKeys[i]));
          const addedKeys = addedArticles.map(articleKey);
          const run = countsOfChunks(
            next.lexicon.groups,
            [store.read(scope, addedArticles, addedKeys) as typeof analyses],
            addedKeys,
          );
          const quiet = counting(store);
          const again = versionTable(quiet.wrapped, scope, next, nextKeys, run);
          expect(quiet.seen.analyses).toBe(0);
          expect(Buffer.from(encodeTable(again.table, again.reading))).toEqual(
            Buffer.from(encodeTable(whole.table, whole.reading)),
          );
        }
      });
    },
    120_000,
  );

  test('storeVocabulary keeps the latest counts, so a second version reads only its added article', async () => {
    const s = scratch();
    await analyseInto(s.store, 's', s.corpus.articles, s.corpus.lexicon, undefined, 1);
    await storeVocabulary(s.dir, s.storeRoot, null);
    // The seeds' five pages.
    expect(readLatestNgramCounts(s.store, s.scope)!.keys).toHaveLength(5);
  });
});
