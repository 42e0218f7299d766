import { mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { corpusProvenance } from '../provenance/corpusProvenance';
import { analyseInto, batchesOf, missingArticles } from './analyse';
import { packAnalyses } from './codec';
import {
  decodeSegmentHeader,
  encodeSegment,
  fileStore,
  inPieces,
  readSegmentHeader,
  scopeFolder,
  spanOf,
} from './files';
import { articleKey, lexiconKey, versionKey } from './keys';
import { compactProvenance } from './provenanceCodec';
import { hasProvenance, putProvenance, readProvenance } from './derived';

const seeds = loadCorpus('corpus/seeds');
const root = mkdtempSync(path.join(tmpdir(), 'framescope-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const scope = { corpus: 'seeds', lexicon: lexiconKey(seeds.lexicon) };
const keys = seeds.articles.map(articleKey);

describe('the file store', () => {
  test('reads back exactly the analyses a worker pool stored, and nothing for other lexicons', async () => {
    const store = fileStore(path.join(root, 'a'));
    // The seeds hold 5 articles (corpus/seeds/articles has 5 files).
    expect(await analyseInto(store, 'seeds', seeds.articles, seeds.lexicon, undefined, 2)).toBe(5);
    expect(store.read(scope, seeds.articles, keys)).toEqual(analyzeArticles(seeds));
    expect(store.stored({ ...scope, lexicon: 'other' }, keys).size).toBe(0);
    // Stored once: a second run finds nothing missing and analyses nothing.
    expect(await analyseInto(store, 'seeds', seeds.articles, seeds.lexicon, undefined, 2)).toBe(0);
  });

  test('answers from segments another process wrote after this one first looked', async () => {
    const dir = path.join(root, 'b');
    const reader = fileStore(dir);
    expect(reader.stored(scope, keys).size).toBe(0);
    await fileStore(dir).put(scope, {
      keys: keys.slice(0, 2),
      packed: packAnalyses(analyzeArticles(seeds).slice(0, 2)),
    });
    expect([...reader.stored(scope, keys)]).toEqual(keys.slice(0, 2));
    expect(missingArticles(reader, scope, seeds.articles).map((a) => a.id)).toEqual(
      seeds.articles.slice(2).map((a) => a.id),
    );
  });

  test('keeps a version’s provenance', async () => {
    const store = fileStore(path.join(root, 'c'));
    const p = compactProvenance(corpusProvenance(seeds, analyzeArticles(seeds)));
    const v = versionKey(keys, scope.lexicon);
    expect(readProvenance(store, scope, v)).toBeNull();
    expect(hasProvenance(store, scope, v)).toBe(false);
    await putProvenance(store, scope, v, p);
    expect(hasProvenance(store, scope, v)).toBe(true);
    expect(readProvenance(store, scope, v)).toEqual(p);
  });

  test.each([
    ['a truncated segment', (b: Buffer) => b.subarray(0, b.length - 4), /integers cut short/],
    ['another file', () => Buffer.from('hello world'), /wrong magic/],
    ['a header cut short', (b: Buffer) => b.subarray(0, 12), /header cut short/],
  ])('refuses %s, naming the file', (_case, spoil, message) => {
    const good = encodeSegment({ keys: keys.slice(0, 1), packed: packAnalyses(analyzeArticles(seeds).slice(0, 1)) });
    expect(() => decodeSegmentHeader(spoil(good), 'x/seg-1.fsa')).toThrow(message);
    expect(() => decodeSegmentHeader(spoil(good), 'x/seg-1.fsa')).toThrow(/x\/seg-1\.fsa/);
    // Read from a file, only the header's bytes: the same checks, the same messages.
    const file = path.join(root, `spoilt-${_case.replace(/\W+/g, '-')}.fsa`);
    writeFileSync(file, spoil(good));
    expect(() => readSegmentHeader(file)).toThrow(message);
  });

  test('reads a whole segment file’s header alone as decoding the whole file does', () => {
    const good = encodeSegment({ keys: keys.slice(0, 2), packed: packAnalyses(analyzeArticles(seeds).slice(0, 2)) });
    const file = path.join(root, 'good.fsa');
    writeFileSync(file, good);
    expect(readSegmentHeader(file)).toEqual(decodeSegmentHeader(good, file));
  });

  test('ignores files that are not segments (a dead writer’s temporary file)', async () => {
    const dir = path.join(root, 'd');
    const store = fileStore(dir);
    await store.put(scope, { keys: keys.slice(0, 1), packed: packAnalyses(analyzeArticles(seeds).slice(0, 1)) });
    const scopeDir = path.join(dir, 'seeds', readdirSync(path.join(dir, 'seeds'))[0]);
    writeFileSync(path.join(scopeDir, '.seg-x.fsa.123.abc.tmp'), 'half');
    expect(fileStore(dir).stored(scope, keys).size).toBe(1);
  });

  // Ten stored bytes, 0..9: a head is their first `length` (all ten when longer), the size always 10.
  test.each([
    ['none', 0, []],
    ['the first four', 4, [0, 1, 2, 3]],
    ['exactly all', 10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ['more than there are', 64, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
  ])('reads %s of a derived piece’s bytes and its whole size, not the rest', async (_case, length, head) => {
    const store = fileStore(path.join(root, 'head'));
    await store.putDerived(
      scope,
      'tallies',
      'k',
      Uint8Array.from({ length: 10 }, (_, i) => i),
    );
    const got = store.derivedHead(scope, 'tallies', 'k', length);
    expect(got && [...got.head]).toEqual(head);
    expect(got?.size).toBe(10);
    expect(store.derivedHead(scope, 'tallies', 'other', length)).toBeNull();
  });

  // The same ten bytes: a range is `length` of them from `offset`, cut at the end.
  test.each([
    ['none', 3, 0, []],
    ['three from the fourth', 3, 3, [3, 4, 5]],
    ['the last two', 8, 2, [8, 9]],
    ['past the end, cut there', 7, 64, [7, 8, 9]],
    ['from the end', 10, 4, []],
  ])('reads %s of a derived piece’s bytes', async (_case, offset, length, bytes) => {
    const store = fileStore(path.join(root, 'range'));
    await store.putDerived(
      scope,
      'tallies',
      'k',
      Uint8Array.from({ length: 10 }, (_, i) => i),
    );
    expect([...store.derivedRange(scope, 'tallies', 'k', offset, length)!]).toEqual(bytes);
    expect(store.derivedRange(scope, 'tallies', 'other', offset, length)).toBeNull();
  });
});

describe('warming a store', () => {
  // 40 segments of one analysis each (the first seed's analysis, under 40 keys).
  const dir = path.join(root, 'warm');
  const one = packAnalyses(analyzeArticles(seeds).slice(0, 1));
  const warmKeys = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, '0')}`);
  const written = (async () => {
    for (const k of warmKeys) await fileStore(dir).put(scope, { keys: [k], packed: one });
  })();

  test('learns every segment in steps of 16 headers (2 yields for 40), as a first read would', async () => {
    await written;
    const store = fileStore(dir);
    const steps = store.warm(scope);
    let yields = 0;
    while (!steps.next().done) yields++;
    expect(yields).toBe(2);
    expect([...store.stored(scope, warmKeys)]).toEqual(warmKeys);
  });

  test('a read between its steps, and a segment written meanwhile, are answered whole', async () => {
    await written;
    const store = fileStore(dir);
    const steps = store.warm(scope);
    steps.next();
    await fileStore(dir).put(scope, { keys: ['late'], packed: one });
    expect(store.stored(scope, [...warmKeys, 'late']).size).toBe(41);
    while (!steps.next().done);
    expect(store.stored(scope, [...warmKeys, 'late']).size).toBe(41);
  });
});

// 40 FA-KES articles in one segment: a few of them are read piece by piece, all of them with the whole file.
describe('reading some analyses of a segment', () => {
  const fakes = loadCorpus('corpus/fa-kes');
  const articles = fakes.articles.slice(0, 40);
  const fscope = { corpus: 'fa-kes', lexicon: lexiconKey(fakes.lexicon) };
  const fkeys = articles.map(articleKey);
  const analyses = analyzeArticles({ ...fakes, articles });
  const dir = path.join(root, 'pieces');
  const stored = fileStore(dir).put(fscope, { keys: fkeys, packed: packAnalyses(analyses) });

  test.each([
    ['the first', [0]],
    ['the last', [39]],
    ['three apart, out of order', [31, 2, 17]],
    ['every fifth', [0, 5, 10, 15, 20, 25, 30, 35]],
    ['all of them', Array.from({ length: 40 }, (_, i) => i)],
  ])('%s read as the analyses that were stored', async (_case, at) => {
    await stored;
    const got = fileStore(dir).read(
      fscope,
      at.map((i) => articles[i]),
      at.map((i) => fkeys[i]),
    );
    expect(got).toEqual(at.map((i) => analyses[i]));
  });

  test.each([
    // Spans of 10, 10 and 20 integers of 100: a quarter is 25.
    [[{ start: 0, end: 10 }], 100, true],
    [
      [
        { start: 0, end: 10 },
        { start: 50, end: 60 },
      ],
      100,
      true,
    ],
    [
      [
        { start: 0, end: 10 },
        { start: 80, end: 100 },
      ],
      100,
      false,
    ],
    [[{ start: 0, end: 100 }], 100, false],
  ])('spans %j of %i integers are read in pieces: %s', (spans, ints, pieces) => {
    expect(inPieces(spans, ints)).toBe(pieces);
  });

  test.each([
    [0, { start: 0, end: 7 }],
    [1, { start: 7, end: 19 }],
    [2, { start: 19, end: 30 }],
  ])('analysis %i of offsets 0, 7, 19 in 30 integers spans %j', (i, span) => {
    expect(spanOf({ offsets: [0, 7, 19], ints: 30 }, i)).toEqual(span);
  });

  test('a segment cut short after it was listed gives an error naming it, not a wrong analysis', async () => {
    const cut = path.join(root, 'pieces-cut');
    const store = fileStore(cut);
    await store.put(fscope, { keys: fkeys, packed: packAnalyses(analyses) });
    expect(store.stored(fscope, fkeys).size).toBe(40);
    const folder = path.join(cut, 'fa-kes', readdirSync(path.join(cut, 'fa-kes'))[0]);
    const seg = readdirSync(folder).find((f) => f.endsWith('.fsa'))!;
    const full = readSegmentHeader(path.join(folder, seg));
    truncateSync(path.join(folder, seg), full.at + spanOf(full.header, 39).start * 4 + 4);
    expect(() => store.read(fscope, [articles[39]], [fkeys[39]])).toThrow(new RegExp(`${seg}.*cut short`));
  });
});

describe('batches', () => {
  test.each([
    [0, 3, []],
    [5, 2, [2, 2, 1]],
    [6, 3, [3, 3]],
  ])('%i items in batches of %i have sizes %j', (n, size, sizes) => {
    expect(
      batchesOf(
        Array.from({ length: n }, (_, i) => i),
        size,
      ).map((b) => b.length),
    ).toEqual(sizes);
  });
});

describe('the learned segment index, as segments are written and removed', () => {
  const analyses = analyzeArticles(seeds);
  type Step = ['write', string, number[]] | ['remove', string];
  // Each key sits at a different position in each segment holding it, so a lookup that picked the wrong segment or
  // position reads another article's analysis, and one left pointing at a removed segment reads none.
  test.each<[string, Step[], number[]]>([
    [
      'two segments sharing a key',
      [
        ['write', 'a', [0, 1, 2]],
        ['write', 'b', [2, 3]],
      ],
      [0, 1, 2, 3],
    ],
    [
      'the older one removed: its other keys go, the shared key answers from the newer',
      [
        ['write', 'a', [0, 1, 2]],
        ['write', 'b', [2, 3]],
        ['remove', 'a'],
      ],
      [2, 3],
    ],
    [
      'removed before the next is written',
      [
        ['write', 'a', [0, 1, 2]],
        ['remove', 'a'],
        ['write', 'b', [2, 3]],
      ],
      [2, 3],
    ],
    ['a key twice in one segment', [['write', 'c', [1, 1, 0]]], [0, 1]],
    [
      'five segments of one key each, the second and fourth removed',
      [...[0, 1, 2, 3, 4].map((i): Step => ['write', `s${i}`, [i]]), ['remove', 's1'], ['remove', 's3']],
      [0, 2, 4],
    ],
    [
      'a key written again after its segment was removed',
      [
        ['write', 'a', [4, 0]],
        ['remove', 'a'],
        ['write', 'b', [1, 0]],
      ],
      [0, 1],
    ],
  ])('%s', async (_, steps, stored) => {
    const dir = mkdtempSync(path.join(root, 'learned-'));
    const folder = path.join(dir, scopeFolder(scope));
    const store = fileStore(dir);
    // Written as a writer does (encodeSegment, a segment file name), read after every step.
    await store.put(scope, { keys: [keys[0]], packed: packAnalyses([analyses[0]]) });
    for (const f of readdirSync(folder)) rmSync(path.join(folder, f));
    for (const step of steps) {
      const file = path.join(folder, `seg-${step[1]}.fsa`);
      if (step[0] === 'write')
        writeFileSync(
          file,
          encodeSegment({ keys: step[2].map((i) => keys[i]), packed: packAnalyses(step[2].map((i) => analyses[i])) }),
        );
      else rmSync(file);
      store.read(scope, seeds.articles, keys);
    }
    const want = analyses.map((a, i) => (stored.includes(i) ? a : null));
    expect(store.read(scope, seeds.articles, keys)).toEqual(want);
    expect([...store.stored(scope, keys)]).toEqual(stored.map((i) => keys[i]));
  });
});
