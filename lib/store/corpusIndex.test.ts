import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import {
  hasCorpusIndex,
  metaOf,
  positionOf,
  putCorpusIndex,
  readCorpusIndex,
  textCharsOf,
  type CorpusIndex,
} from './corpusIndex';
import { analyzeArticle, compileEngine } from '../analysis/article';
import { fileStore } from './files';

const seeds = loadCorpus(path.join(process.cwd(), 'corpus', 'seeds'));
const scope = { corpus: 'seeds', lexicon: 'l' };

describe('metaOf', () => {
  test.each(seeds.articles.map((a, i) => [a.id, i] as const))('%s keeps every field but the text', (_, i) => {
    const { segments, ...rest } = seeds.articles[i];
    expect(segments.length).toBeGreaterThan(0);
    expect(metaOf(seeds).articles[i]).toEqual(rest);
  });

  test('keeps the manifest, lexicon, version and warnings', () => {
    const { articles: _a, ...manifest } = seeds;
    const { articles: _b, ...kept } = metaOf(seeds);
    void _a;
    void _b;
    expect(kept).toEqual(manifest);
  });
});

describe('positionOf', () => {
  const meta = metaOf(seeds);
  // Found by a scan, the definition of a position: the independent answer.
  test.each([...seeds.articles.map((a) => a.id), 'no-such-article', ''])('%s is where a scan finds it', (id) => {
    expect(positionOf(meta, id)).toBe(meta.articles.findIndex((a) => a.id === id));
  });
});

describe('the stored index', () => {
  const index: CorpusIndex = {
    meta: metaOf(seeds),
    keys: seeds.articles.map((a) => `k-${a.id}`),
    version: 'v',
    tallies: 't',
  };

  test('reads back what was stored, under its fingerprint only', async () => {
    const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-index-')));
    expect(hasCorpusIndex(store, scope, 'fp1')).toBe(false);
    await putCorpusIndex(store, scope, 'fp1', index);
    expect(hasCorpusIndex(store, scope, 'fp1')).toBe(true);
    expect(readCorpusIndex(store, scope, 'fp1')).toEqual(index);
    expect(readCorpusIndex(store, scope, 'fp2')).toBeNull();
  });

  test.each([
    ['bytes that are not a serialised value', new Uint8Array([9, 9, 9])],
    ['keys that do not match the articles', serialize({ ...index, keys: ['one'] })],
    ['another kind of value', serialize({ hello: 'world' })],
  ])('%s read back as no index (the full read is used, and the index made again)', async (_, bytes) => {
    const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-index-')));
    await store.putDerived(scope, 'corpus-index', 'fp', bytes);
    expect(readCorpusIndex(store, scope, 'fp')).toBeNull();
  });
});

describe('textCharsOf', () => {
  // The independent computation: the length of the text each article's analysis holds, summed.
  const engine = compileEngine(seeds.lexicon);
  test.each([
    ['no article', 0],
    ['the first seed', 1],
    ['every seed', seeds.articles.length],
  ])('%s: the analyses’ text lengths summed', (_, n) => {
    const articles = seeds.articles.slice(0, n);
    const expected = articles.reduce((sum, a) => sum + analyzeArticle(a, engine).text.length, 0);
    expect(textCharsOf({ articles })).toBe(expected);
    if (n > 0) expect(textCharsOf({ articles })).toBeGreaterThan(0);
  });
});
