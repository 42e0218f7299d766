import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { corpusStoriesOfText } from '../analysis/slice';
import { corpusFingerprint } from '../corpus/fingerprint';
import { loadCorpus } from '../corpus/load';
import { encodeTable } from '../vocabulary/tableCodec';
import { analyseInto } from './analyse';
import { metaOf, putCorpusIndex, textCharsOf } from './corpusIndex';
import { makeDrillCounts, putDrillCounts } from './drillCounts';
import { fileStore } from './files';
import { articleKey, lexiconKey, versionKey } from './keys';
import { makeMentionPostings, putMentionPostings } from './mentionPostings';
import { putIndexOrder, putLatestNgramCounts } from './ngramCounts';
import { encodeStories, STORIES_KIND, storeStories, storiesKey } from './storiesJob';
import { makeTallies, putTallies, talliesKeyOf } from './tallies';
import { storeTallies, versionTimeCells } from './talliesJob';
import { readTallyAnalyses } from './tallyAnalyses';
import { putTimeCells } from './timeCells';
import { versionListing } from './versionListing';
import { storeVocabulary, VOCABULARY_KIND, versionTable, versionWordLists } from './vocabularyJob';
import { putWordLists } from './wordIndexParts';
import { copiedCorpus, generatedCorpus } from './testCorpora';

const roots: string[] = [];
// Four scratch stores of analyses and derived files: removing them took past the default 10 s under load.
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })), 120_000);

// FA-KES (784 articles, 15 outlets, every term group), and 500 generated articles over 8 outlets.
const faKes = (root: string) => copiedCorpus(root, 'fa-kes');
const generated = (root: string) => generatedCorpus(root, { articles: 500, outlets: 8, seed: 11 });

/**
 * The three jobs as they were before the listing (main's code): the whole corpus loaded, every text held, the same
 * makers given the loaded corpus. The independent way the new jobs' files are checked against.
 */
async function wholeTextJobs(dir: string, storeRoot: string): Promise<void> {
  const before = corpusFingerprint(dir);
  const corpus = loadCorpus(dir);
  const store = fileStore(storeRoot);
  const scope = { corpus: path.basename(dir), lexicon: lexiconKey(corpus.lexicon) };
  const keys = corpus.articles.map(articleKey);
  const version = versionKey(keys, scope.lexicon);
  // Tallies job.
  const key = talliesKeyOf(corpus, version);
  const all = readTallyAnalyses(store, scope, corpus.articles, keys);
  await putTallies(store, scope, key, makeTallies(corpus, all));
  await putTimeCells(
    store,
    scope,
    key,
    versionTimeCells(store, scope, corpus, keys, () => all),
  );
  await putMentionPostings(store, scope, version, makeMentionPostings(all));
  await putDrillCounts(store, scope, version, makeDrillCounts(all));
  await putCorpusIndex(store, scope, before, {
    meta: metaOf(corpus),
    keys,
    version,
    tallies: key,
    chars: textCharsOf(corpus),
  });
  // Vocabulary job (no counts from an analysis run: counted from the store).
  const made = versionTable(store, scope, corpus, keys, null);
  await store.putDerived(scope, VOCABULARY_KIND, version, encodeTable(made.table, made.reading));
  if (made.counts) await putLatestNgramCounts(store, scope, made.counts);
  await putWordLists(store, scope, version, versionWordLists(store, scope, corpus, keys));
  await putIndexOrder(store, scope, { version, keys, dates: corpus.articles.map((a) => a.date) });
  // Stories job.
  const stories = storiesKey(
    version,
    corpus.articles.map((a) => a.date),
  );
  await store.putDerived(scope, STORIES_KIND, stories, encodeStories(corpusStoriesOfText(corpus)));
}

async function listedJobs(dir: string, storeRoot: string): Promise<void> {
  await storeTallies(dir, storeRoot);
  await storeVocabulary(dir, storeRoot);
  await storeStories(dir, storeRoot);
}

// Every file under a folder, by relative path, with its bytes.
function filesUnder(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(root, { withFileTypes: true, recursive: true }))
    if (e.isFile())
      out.set(path.relative(root, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name)));
  return out;
}

// The files of two stores that differ (by name or bytes), for a readable failure.
function differing(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.filter((n) => !a.has(n) || !b.has(n) || !a.get(n)!.equals(b.get(n)!));
}

// Removes the files the three jobs stored (all but the analyses and the corpus index), so they run again from the index.
function removeJobFiles(storeRoot: string): number {
  let removed = 0;
  for (const e of readdirSync(storeRoot, { withFileTypes: true, recursive: true })) {
    const made = [
      'tallies-',
      'time-cells-',
      'mention-postings-',
      'drill-counts-',
      'vocabulary-',
      'word-index-',
      'stories-',
    ];
    if (e.isFile() && made.some((p) => e.name.startsWith(p))) {
      rmSync(path.join(e.parentPath, e.name));
      removed++;
    }
  }
  return removed;
}

describe('the tallies, vocabulary and stories jobs without the whole text: the files the whole-text jobs stored', () => {
  test.each([
    ['FA-KES', faKes],
    ['a generated corpus', generated],
  ])(
    '%s: every stored file byte-identical, scanned and again from the stored index',
    async (_name, make) => {
      const root = mkdtempSync(path.join(tmpdir(), 'framescope-listedjobs-'));
      roots.push(root);
      const dir = make(root);
      const corpus = loadCorpus(dir);
      const whole = path.join(root, 'whole');
      const listed = path.join(root, 'listed');
      await analyseInto(fileStore(whole), path.basename(dir), corpus.articles, corpus.lexicon, undefined, 1);
      cpSync(whole, listed, { recursive: true });
      const analysed = filesUnder(whole).size;

      await wholeTextJobs(dir, whole);
      await listedJobs(dir, listed);
      const want = filesUnder(whole);
      // The analyses plus the files the jobs made (at least tallies, cells, postings, counts, index, table, stories).
      expect(want.size).toBeGreaterThan(analysed + 7);
      expect(differing(want, filesUnder(listed))).toEqual([]);

      // Again with the index stored: the listing is read from it, no article file is scanned, and nothing differs.
      expect(removeJobFiles(listed)).toBeGreaterThan(6);
      expect(versionListing(dir, listed).fromIndex).toBe(true);
      await listedJobs(dir, listed);
      expect(differing(want, filesUnder(listed))).toEqual([]);
    },
    300_000,
  );
});

describe("the tallies, vocabulary and stories jobs on the next version (one article added): the whole-text jobs' files", () => {
  test.each([
    ['FA-KES', faKes],
    ['a generated corpus', generated],
  ])(
    '%s: every stored file byte-identical after an article is added',
    async (_name, make) => {
      const root = mkdtempSync(path.join(tmpdir(), 'framescope-listedjobs-next-'));
      roots.push(root);
      const dir = make(root);
      // The article in the middle of the folder is held back from the first version, then added.
      const names = readdirSync(path.join(dir, 'articles')).sort();
      const heldName = names[Math.floor(names.length / 2)];
      const held = path.join(dir, 'articles', heldName);
      const aside = path.join(root, heldName);
      renameSync(held, aside);
      const whole = path.join(root, 'whole');
      const listed = path.join(root, 'listed');
      const first = loadCorpus(dir);
      await analyseInto(fileStore(whole), path.basename(dir), first.articles, first.lexicon, undefined, 1);
      cpSync(whole, listed, { recursive: true });
      await wholeTextJobs(dir, whole);
      await listedJobs(dir, listed);
      expect(differing(filesUnder(whole), filesUnder(listed))).toEqual([]);

      renameSync(aside, held);
      const next = loadCorpus(dir);
      expect(next.articles.length).toBe(first.articles.length + 1);
      // Only the added article is analysed; its segment is copied to the other store as it was for the first version.
      const before = filesUnder(whole);
      expect(await analyseInto(fileStore(whole), path.basename(dir), next.articles, next.lexicon, undefined, 1)).toBe(
        1,
      );
      for (const [name, bytes] of filesUnder(whole))
        if (!before.has(name)) {
          expect(existsSync(path.join(listed, name))).toBe(false);
          cpSync(path.join(whole, name), path.join(listed, name));
          expect(readFileSync(path.join(listed, name)).equals(bytes)).toBe(true);
        }
      await wholeTextJobs(dir, whole);
      await listedJobs(dir, listed);
      const want = filesUnder(whole);
      // The next version's files were made too: more files than the first version's store held.
      expect(want.size).toBeGreaterThan(before.size + 5);
      expect(differing(want, filesUnder(listed))).toEqual([]);
    },
    300_000,
  );
});
