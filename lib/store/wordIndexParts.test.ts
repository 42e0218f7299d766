import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import type { Section } from '../types';
import { decodeWordPart, splitWordIndex } from '../vocabulary/indexParts';
import { addHits, encodeWordIndex, makeWordIndex, matchingWords, type IndexedArticle } from '../vocabulary/searchIndex';
import { fileStore } from './files';
import { ENGINE_VERSION } from './keys';
import {
  hasWordIndex,
  openWordIndex,
  PartCache,
  putWordIndex,
  readWordIndex,
  WORD_INDEX_KIND,
  wordPartKey,
} from './wordIndexParts';

// One body sentence per article.
const article = (s: string, section: Section = 'body'): IndexedArticle => ({
  text: s,
  sentences: [{ start: 0, end: s.length, section, score: 0, words: 0, ownScore: 0, ownWords: 0 }],
  quotes: [],
});
// Distinct words, read from the texts: and, fled, forces, rebel, rebellion, rebels, rest, terror, terrorists, the (10).
const ix = makeWordIndex([
  article('Rebels fled.'),
  article('Rebel forces and the rebellion rest.', 'title'),
  article('Terrorists, terror and the rebels.'),
]);
const scope = { corpus: 'c', lexicon: 'l' };
const hitsOf = (parts: ReturnType<NonNullable<ReturnType<typeof openWordIndex>>['partsFor']>, words: string[]) => {
  const out = new Int32Array(ix.articles);
  for (const p of parts) addHits(p, matchingWords(p, words), { voice: 'all', scope: 'all' }, out);
  return [...out];
};
const wholeHits = (words: string[]) => {
  const out = new Int32Array(ix.articles);
  addHits(ix, matchingWords(ix, words), { voice: 'all', scope: 'all' }, out);
  return [...out];
};

describe('a word index stored in parts', () => {
  test('written part by part, the head last; read back whole it is the same index', async () => {
    const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-wordparts-')));
    expect(hasWordIndex(store, scope, 'v1')).toBe(false);
    await putWordIndex(store, scope, 'v1', ix, 1);
    expect(hasWordIndex(store, scope, 'v1')).toBe(true);
    // One byte per part: one word per part, 10 parts.
    expect(store.hasDerived(scope, WORD_INDEX_KIND, wordPartKey('v1', 9))).toBe(true);
    expect(store.hasDerived(scope, WORD_INDEX_KIND, wordPartKey('v1', 10))).toBe(false);
    expect(readWordIndex(store, scope, 'v1')).toEqual(ix);
  });

  // Parts of one word each: rebel* reads rebel, rebellion, rebels; *s reads all ten; a literal word its one part.
  test.each<[string, string[], number]>([
    ['a literal word', ['rebels'], 1],
    ['a word nowhere', ['zzz'], 1],
    ['a literal head', ['rebel', ''], 3],
    ['no literal head', ['', 's'], 10],
  ])('%s reads its parts once (%j: %i reads), then from the cache', async (_what, words, reads) => {
    const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-wordparts-')));
    await putWordIndex(store, scope, 'v1', ix, 1);
    const spy = vi.spyOn(store, 'readDerived');
    const open = openWordIndex(store, scope, 'v1', new PartCache(1 << 20))!;
    // The head alone.
    expect(spy).toHaveBeenCalledTimes(1);
    expect(hitsOf(open.partsFor(words), words)).toEqual(wholeHits(words));
    expect(spy).toHaveBeenCalledTimes(1 + reads);
    expect(spy.mock.calls.slice(1).every(([, kind, key]) => kind === WORD_INDEX_KIND && /^v1-w\d$/.test(key))).toBe(
      true,
    );
    expect(hitsOf(open.partsFor(words), words)).toEqual(wholeHits(words));
    expect(spy).toHaveBeenCalledTimes(1 + reads);
  });

  test('an index stored whole (before parts) is still read, answers the same, and is not counted as stored', async () => {
    const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-wordparts-')));
    await store.putDerived(scope, WORD_INDEX_KIND, 'v1', encodeWordIndex(ix));
    // So the version's kinds check (lib/store/versionStored.ts) sends it to the watcher's preparation, made in parts.
    expect(hasWordIndex(store, scope, 'v1')).toBe(false);
    expect(readWordIndex(store, scope, 'v1')).toEqual(ix);
    const open = openWordIndex(store, scope, 'v1', new PartCache(1 << 20))!;
    expect(open.articles).toBe(3);
    for (const words of [['rebels'], ['rebel', ''], ['', 's']])
      expect(hitsOf(open.partsFor(words), words)).toEqual(wholeHits(words));
  });

  test.each<[string, string[], number]>([
    ['a literal word', ['rebels'], 1],
    ['a literal head', ['rebel', ''], 3],
    ['no literal head', ['', 's'], 10],
  ])('%s: partReads reads nothing until each read is called, then the same parts (%j: %i)', async (_w, words, n) => {
    const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-wordparts-')));
    await putWordIndex(store, scope, 'v1', ix, 1);
    const open = openWordIndex(store, scope, 'v1', new PartCache(1 << 20))!;
    const spy = vi.spyOn(store, 'readDerived');
    const reads = open.partReads(words);
    expect(reads).toHaveLength(n);
    expect(spy).not.toHaveBeenCalled();
    expect(
      hitsOf(
        reads.map((read) => read()),
        words,
      ),
    ).toEqual(wholeHits(words));
    expect(spy).toHaveBeenCalledTimes(n);
  });

  test.each<[string, (root: string, s: ReturnType<typeof fileStore>) => Promise<void>]>([
    ['no index', async () => {}],
    [
      'a head whose part is missing (removed by hand)',
      async (root, s) => {
        await putWordIndex(s, scope, 'v1', ix, 1);
        rmSync(path.join(root, 'c', `l-e${ENGINE_VERSION}`, 'word-index-v1-w3.bin'));
      },
    ],
    [
      'a head that is not readable',
      async (_root, s) => s.putDerived(scope, WORD_INDEX_KIND, 'v1', new TextEncoder().encode('FWH1junk')),
    ],
  ])('%s: nothing to search (the text answers)', async (_what, make) => {
    const root = mkdtempSync(path.join(tmpdir(), 'framescope-wordparts-'));
    const store = fileStore(root);
    await make(root, store);
    expect(openWordIndex(store, scope, 'v1', new PartCache(1 << 20))).toBeNull();
  });

  test('a part that cannot be decoded is named when a search reads it', async () => {
    const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-wordparts-')));
    await putWordIndex(store, scope, 'v1', ix, 1);
    const open = openWordIndex(store, scope, 'v1', new PartCache(1 << 20))!;
    await store.putDerived(scope, WORD_INDEX_KIND, wordPartKey('v1', 0), new TextEncoder().encode('junk'));
    expect(() => open.partsFor(['and'])).toThrow('c/word-index-v1-w0');
  });
});

describe('the cache of decoded parts', () => {
  const part = decodeWordPart(splitWordIndex(ix, 1 << 20).parts[0], 'p');
  test.each<[string, [string, number][], string[], string[], number]>([
    [
      'under the bound all stay',
      [
        ['a', 10],
        ['b', 10],
      ],
      [],
      ['a', 'b'],
      20,
    ],
    [
      'past the bound the oldest goes',
      [
        ['a', 10],
        ['b', 10],
        ['c', 10],
      ],
      [],
      ['b', 'c'],
      20,
    ],
    [
      'a read part is kept over an older one',
      [
        ['a', 10],
        ['b', 10],
      ],
      ['a'],
      ['a', 'c'],
      20,
    ],
    [
      'a part larger than the bound is kept alone',
      [
        ['a', 10],
        ['big', 50],
      ],
      [],
      ['big'],
      50,
    ],
  ])('%s', (_what, puts, touched, kept, bytes) => {
    const cache = new PartCache(25);
    for (const [k, n] of puts.slice(0, 2)) cache.set(k, part, n);
    for (const k of touched) cache.get(k);
    for (const [k, n] of puts.slice(2)) cache.set(k, part, n);
    if (touched.length) cache.set('c', part, 10);
    expect(['a', 'b', 'c', 'big'].filter((k) => cache.get(k) !== undefined)).toEqual(kept);
    expect(cache.bytes).toBe(bytes);
  });
});
