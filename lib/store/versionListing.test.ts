import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { serializeArticleFile } from '../corpus/articleFile';
import { corpusFingerprint } from '../corpus/fingerprint';
import { loadCorpus } from '../corpus/load';
import { metaOf, putCorpusIndex, textCharsOf } from './corpusIndex';
import { fileStore } from './files';
import { articleKey, lexiconKey, versionKey } from './keys';
import { talliesKeyOf } from './tallies';
import { copiedCorpus, generatedCorpus } from './testCorpora';
import { articlesAt, articlesIn, scannedListing, versionListing } from './versionListing';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function scratch(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'framescope-listing-'));
  roots.push(root);
  return root;
}

// A bundled corpus copied into a scratch root.
const bundled = (name: string) => () => copiedCorpus(scratch(), name);

// 300 generated articles over 6 outlets written as a corpus folder with no index.
const generated = () => generatedCorpus(scratch(), { articles: 300, outlets: 6, seed: 3 });

const corpora: [string, () => string][] = [
  ['FA-KES', bundled('fa-kes')],
  ['seeds', bundled('seeds')],
  ['a generated corpus', generated],
];

describe('versionListing: what loadCorpus gives, without the text', () => {
  test.each(corpora)('%s, scanned (no index stored), then from the index the tallies job stores', async (_n, make) => {
    const dir = make();
    const storeRoot = path.join(path.dirname(dir), '.store');
    const corpus = loadCorpus(dir);
    const keys = corpus.articles.map(articleKey);
    const lexicon = lexiconKey(corpus.lexicon);
    const version = versionKey(keys, lexicon);
    const check = (fromIndex: boolean) => {
      const listing = versionListing(dir, storeRoot);
      expect(listing.fromIndex).toBe(fromIndex);
      expect(listing.keys).toEqual(keys);
      expect(listing.version).toBe(version);
      expect(listing.scope).toEqual({ corpus: path.basename(dir), lexicon });
      expect(listing.fingerprint).toBe(corpusFingerprint(dir));
      expect(listing.meta).toEqual(metaOf(corpus));
      expect(listing.corpus.articles.map((a) => a.date)).toEqual(corpus.articles.map((a) => a.date));
      expect(listing.corpus.outlets).toEqual(corpus.outlets);
      expect(listing.corpus.lexicon).toEqual(corpus.lexicon);
      expect(listing.chars).toBe(textCharsOf(corpus));
      // Texts read back from the files: the loaded articles themselves, wherever a chunk starts and ends.
      const n = corpus.articles.length;
      expect(articlesIn(listing.corpus, 0, n)).toEqual(corpus.articles);
      expect(articlesIn(listing.corpus, n - 2, n + 5)).toEqual(corpus.articles.slice(n - 2));
      expect(articlesAt(listing.corpus, [n - 1, 0, 2])).toEqual([n - 1, 0, 2].map((i) => corpus.articles[i]));
    };
    check(false);
    await putCorpusIndex(fileStore(storeRoot), { corpus: path.basename(dir), lexicon }, corpusFingerprint(dir), {
      meta: metaOf(corpus),
      keys,
      version,
      tallies: talliesKeyOf(corpus, version),
      chars: textCharsOf(corpus),
    });
    check(true);
  });

  test('an index stored before it held the text length gives the listing without it', async () => {
    const dir = bundled('seeds')();
    const storeRoot = path.join(path.dirname(dir), '.store');
    const corpus = loadCorpus(dir);
    const keys = corpus.articles.map(articleKey);
    const scope = { corpus: 'seeds', lexicon: lexiconKey(corpus.lexicon) };
    const version = versionKey(keys, scope.lexicon);
    await putCorpusIndex(fileStore(storeRoot), scope, corpusFingerprint(dir), {
      meta: metaOf(corpus),
      keys,
      version,
      tallies: 't',
    });
    const listing = versionListing(dir, storeRoot);
    expect([listing.fromIndex, listing.chars, listing.version]).toEqual([true, null, version]);
  });

  test('a folder changed since its index was stored is scanned again (the fingerprint no longer matches)', async () => {
    const dir = bundled('seeds')();
    const storeRoot = path.join(path.dirname(dir), '.store');
    const before = loadCorpus(dir);
    const scope = { corpus: 'seeds', lexicon: lexiconKey(before.lexicon) };
    await putCorpusIndex(fileStore(storeRoot), scope, corpusFingerprint(dir), {
      meta: metaOf(before),
      keys: before.articles.map(articleKey),
      version: 'old',
      tallies: 't',
    });
    unlinkSync(path.join(dir, 'articles', `${before.articles[0].id}.txt`));
    const listing = versionListing(dir, storeRoot);
    expect(listing.fromIndex).toBe(false);
    expect(listing.keys).toEqual(before.articles.slice(1).map(articleKey));
  });
});

describe('reading texts from a listing', () => {
  // Each way a file can differ from the listing once it is made: the job stops rather than count other text.
  test.each<[string, (file: string, source: string) => void, string]>([
    [
      'edited',
      (file, source) => writeFileSync(file, `${source.trimEnd()}\n\nAn added sentence.\n`),
      'changed while its version was being prepared',
    ],
    ['removed', (file) => unlinkSync(file), 'was removed while its version was being prepared'],
  ])('an article file %s after the listing was made is an error naming it', (_how, change, message) => {
    const dir = bundled('seeds')();
    const listing = scannedListing(dir);
    const id = listing.corpus.articles[1].id;
    const file = path.join(dir, 'articles', `${id}.txt`);
    change(file, serializeArticleFile(loadCorpus(dir).articles[1]));
    expect(() => articlesAt(listing.corpus, [0])).not.toThrow();
    expect(() => articlesAt(listing.corpus, [1])).toThrow(`seeds/articles/${id}.txt ${message}`);
  });

  test('a position past the last article is refused, naming how many the version lists', () => {
    const listing = scannedListing(bundled('seeds')());
    const n = listing.keys.length;
    expect(() => listing.corpus.articlesAt([n])).toThrow(`seeds: no article at position ${n} (the version lists ${n})`);
  });

  test('a folder without corpus.json is refused as loadCorpus refuses it', () => {
    const dir = path.join(scratch(), 'empty');
    mkdirSync(dir);
    expect(() => versionListing(dir, path.join(dir, '.store'))).toThrow('has no corpus.json');
  });
});
