import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { benchOutlets, generateArticles } from '../../bench/lib/generate';
import { sentencePool } from '../../bench/lib/sentencePool';
import type { ArticleAnalysis } from '../analysis/article';
import { serializeArticleFile } from '../corpus/articleFile';
import { loadCorpus } from '../corpus/load';
import { encodeWordIndexHead, splitWordIndex } from '../vocabulary/indexParts';
import { makeWordIndex } from '../vocabulary/searchIndex';
import { encodeTable } from '../vocabulary/tableCodec';
import { countsOfChunks, tableOfParts } from '../vocabulary/whole';
import { analyseInto } from './analyse';
import { fileStore } from './files';
import { articleKey, lexiconKey, versionKey } from './keys';
import { encodeNgramCounts, NGRAM_COUNTS } from './ngramCounts';
import { storeVocabulary, VOCABULARY_KIND, WORD_INDEX_KIND } from './vocabularyJob';
import { wordPartKey } from './wordIndexParts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

// FA-KES copied into a scratch root (784 articles, 15 outlets, every term group).
function faKes(root: string): string {
  const dir = path.join(root, 'fa-kes');
  cpSync(path.join(process.cwd(), 'corpus', 'fa-kes'), dir, { recursive: true });
  return dir;
}

// 600 generated articles over 8 outlets from the bench's sentence pool, written as a corpus folder.
function generated(root: string): string {
  const dir = path.join(root, 'gen');
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  const outlets = benchOutlets(8);
  const manifest = { id: 'gen', title: 'Generated', description: 'generated', outlets, outletGroups: [] };
  writeFileSync(path.join(dir, 'corpus.json'), JSON.stringify(manifest));
  for (const a of generateArticles(sentencePool(), { articles: 600, outlets: 8, seed: 7 }))
    writeFileSync(path.join(dir, 'articles', `${a.id}.txt`), serializeArticleFile(a));
  return dir;
}

describe('storeVocabulary in chunks with parts stored as cut: the bytes of the whole-at-once way', () => {
  test.each([
    ['FA-KES', faKes],
    ['a generated corpus', generated],
  ])(
    '%s: the table, the n-gram counts, the word index head and every part',
    async (_name, make) => {
      const root = mkdtempSync(path.join(tmpdir(), 'framescope-vocabbytes-'));
      roots.push(root);
      const dir = make(root);
      const corpus = loadCorpus(dir);
      const id = path.basename(dir);
      const storeRoot = path.join(root, '.store');
      const store = fileStore(storeRoot);
      await analyseInto(store, id, corpus.articles, corpus.lexicon, undefined, 1);
      const scope = { corpus: id, lexicon: lexiconKey(corpus.lexicon) };
      const keys = corpus.articles.map(articleKey);
      const version = versionKey(keys, scope.lexicon);
      // Chunks of 97 articles: every chunk boundary falls inside the corpus (784 and 600 are not multiples of it).
      expect(await storeVocabulary(dir, storeRoot, null, 97)).toBe(version);

      // The whole-at-once way, as the step made them before (one read of every analysis, the whole index then split).
      const all = store.read(scope, corpus.articles, keys) as ArticleAnalysis[];
      expect(all.every((a) => a !== null)).toBe(true);
      const made = tableOfParts(corpus, keys, [countsOfChunks(corpus.lexicon.groups, [all], keys)])!;
      const { head, parts } = splitWordIndex(makeWordIndex(all));
      const same = (kind: string, key: string, want: Uint8Array) =>
        expect(Buffer.from(store.readDerived(scope, kind, key)!).equals(Buffer.from(want))).toBe(true);
      same(VOCABULARY_KIND, version, encodeTable(made.table, made.reading));
      same(NGRAM_COUNTS, 'latest', encodeNgramCounts(made.counts));
      expect(parts.length).toBeGreaterThan(0);
      parts.forEach((p, k) => same(WORD_INDEX_KIND, wordPartKey(version, k), p));
      expect(store.hasDerived(scope, WORD_INDEX_KIND, wordPartKey(version, parts.length))).toBe(false);
      same(WORD_INDEX_KIND, version, encodeWordIndexHead(head));
    },
    180_000,
  );

  test('a chunk under one article is refused, naming the size asked for', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'framescope-vocabbytes-'));
    roots.push(root);
    const dir = generated(root);
    const corpus = loadCorpus(dir);
    await analyseInto(fileStore(path.join(root, '.store')), 'gen', corpus.articles, corpus.lexicon, undefined, 1);
    await expect(storeVocabulary(dir, path.join(root, '.store'), null, 0)).rejects.toThrow(
      'analyses are read at least one article at a time (asked for 0 per chunk)',
    );
  }, 180_000);
});
