import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { analyzeArticle, compileEngine } from '../analysis/article';
import { loadCorpus } from '../corpus/load';
import { articleKey } from '../store/keys';
import { Counter, DEFAULT_LIMITS } from './table';
import { encodeTable } from './tableCodec';
import { countInto, storedTextCounter, tableOf, tableOfCounts } from './whole';

/**
 * The stored vocabulary table's bytes are pinned: making counting cheaper must not change one byte of what the store
 * keeps or the explorer reads. The digests below were made by the code after the canonical encoding (tableCodec.ts
 * `canonical`: every string one byte per character where its characters allow, every array packed, so the bytes no
 * longer depend on how the engine happened to hold a word or whether `map` had been optimised); the tables they
 * encode decode to exactly what the code of commit 7fab5f6 stored (its bytes were 2861865e… for the seeds and
 * 0cef1f9d… for FA-KES: the same decoded content, hashed both ways). Made with this same recipe: load the corpus,
 * analyse every article, then (a) tableOf(corpus, analyses) and (b) countInto in batches of 250 into one
 * storedTextCounter, counts(), then tableOfCounts; encodeTable(table, reading), sha-256. A change that is meant to
 * change the table (the lexicon, the codec, the word rules) makes them again the same way and says why in its commit.
 */
const PINNED: [string, string][] = [
  ['corpus/seeds', '929c79cc56f715ba26e9e1c7dcb12c5cc49aba0a22bcb01e92112ae7dff1f945'],
  ['corpus/fa-kes', 'cb358eb7b735c8406b2df49d9c43d6ca88cea6e3d2b88f77e9e7bc6dee62cf0c'],
];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// Each corpus analysed once for the tests below (FA-KES takes several seconds on a loaded machine).
const cache = new Map<string, ReturnType<typeof analyse>>();
function analyse(dir: string) {
  const corpus = loadCorpus(dir);
  const engine = compileEngine(corpus.lexicon);
  const analyses = corpus.articles.map((a) => analyzeArticle(a, engine));
  return { corpus, analyses, keys: corpus.articles.map(articleKey) };
}
function analysed(dir: string) {
  if (!cache.has(dir)) cache.set(dir, analyse(dir));
  return cache.get(dir)!;
}
const SLOW = 120_000;

describe('the stored vocabulary table is byte for byte what it was', () => {
  test.each(PINNED)(
    '%s',
    (dir, digest) => {
      const { corpus, analyses, keys } = analysed(dir);
      const direct = tableOf(corpus, analyses);
      expect(sha256(encodeTable(direct.table, direct.reading))).toBe(digest);
      const groups = corpus.lexicon.groups;
      const c = storedTextCounter(groups);
      for (let i = 0; i < analyses.length; i += 250)
        countInto(c, analyses.slice(i, i + 250), keys.slice(i, i + 250), groups);
      const merged = tableOfCounts(corpus, keys, c.counts(groups.map((g) => g.id)));
      expect(merged).not.toBeNull();
      expect(sha256(encodeTable(merged!.table, merged!.reading))).toBe(digest);
    },
    SLOW,
  );
});

describe("a worker's counter counts the same whether it starts with room or grows", () => {
  // FA-KES holds 16,831 kept n-grams and more counted: a counter made for 1,024 grows five times, the worker's does not.
  test.each([[1024], [4096]])(
    'growing from %i rows',
    (rows) => {
      const { corpus, analyses, keys } = analysed('corpus/fa-kes');
      const groups = corpus.lexicon.groups;
      const ids = groups.map((g) => g.id);
      const reserved = storedTextCounter(groups);
      const growing = new Counter([], groups.length, DEFAULT_LIMITS.liveCap, rows);
      countInto(reserved, analyses, keys, groups);
      countInto(growing, analyses, keys, groups);
      expect(growing.counts(ids)).toEqual(reserved.counts(ids));
    },
    SLOW,
  );
});
