import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compileEngine } from '../analysis/article';
import { loadCorpus } from '../corpus/load';
import type { Counter } from '../vocabulary/table';
import { storedTextCounter } from '../vocabulary/whole';
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
  VOCABULARY_KIND,
  WORD_INDEX_KIND,
} from './vocabularyJob';

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
