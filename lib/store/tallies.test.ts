import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { beforeAll, describe, expect, test } from 'vitest';
import { attributedGroups } from '../analysis/aggregate';
import { monthTallies } from '../analysis/monthTallies';
import { analyzeArticles } from '../analysis/run';
import { tallyByOutlet } from '../analysis/tallies';
import { loadCorpus } from '../corpus/load';
import { packAnalyses } from './codec';
import { derivedName } from './derived';
import { fileStore, scopeFolder } from './files';
import type { AnalysisStore } from './types';
import { articleKey, lexiconKey, versionKey } from './keys';
import {
  hasTallies,
  headedSerialize,
  makeTallies,
  putTallies,
  readTallies,
  talliesKey,
  talliesKeyOf,
  talliesMaker,
  talliesOfBytes,
} from './tallies';
import { storeTallies } from './talliesJob';

const dir = path.join(process.cwd(), 'corpus', 'fa-kes');
const corpus = loadCorpus(dir);
const analyses = analyzeArticles(corpus);
const dateOf = new Map(corpus.articles.map((a) => [a.id, a.date]));

describe('talliesKey', () => {
  const dates = ['2015-01-02', null, '2016-07-18'];
  test.each<[string, string, (string | null)[], boolean]>([
    ['the same version and dates', 'v1', [...dates], true],
    ['another version', 'v2', [...dates], false],
    ['one date moved (the analysis stays, the month does not)', 'v1', ['2015-01-03', null, '2016-07-18'], false],
    ['an article dated that was undated', 'v1', ['2015-01-02', '2015-01-02', '2016-07-18'], false],
    ['the same dates in another order', 'v1', ['2016-07-18', null, '2015-01-02'], false],
  ])('%s: same key %s', (_, version, ds, same) => {
    expect(talliesKey(version, ds) === talliesKey('v1', dates)).toBe(same);
  });
});

describe('tallies stored by the write-time job equal fresh tallies', () => {
  test('the whole corpus, every year and month, and the dates, read back from the store', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'framescope-tallies-'));
    const store = fileStore(root);
    const scope = { corpus: 'fa-kes', lexicon: lexiconKey(corpus.lexicon) };
    const keys = corpus.articles.map(articleKey);
    await store.put(scope, { keys, packed: packAnalyses(analyses) });
    const key = await storeTallies(dir, root);
    expect(key).toBe(talliesKeyOf(corpus, versionKey(keys, scope.lexicon)));
    const stored = readTallies(store, scope, key);
    expect(stored).not.toBeNull();
    const attributed = attributedGroups(corpus);
    // Map equality here is by entries, whatever their order.
    expect(stored!.byOutlet).toEqual(tallyByOutlet(analyses, attributed));
    // The independent computation of each block: the articles whose date starts with its year or month.
    const fresh = (prefix: string) =>
      tallyByOutlet(
        analyses.filter((a) => dateOf.get(a.id)?.startsWith(prefix)),
        attributed,
      );
    let blocks = 0;
    for (const [y, year] of stored!.months.years) {
      expect(year.byOutlet).toEqual(fresh(y));
      for (const [m, month] of year.months) {
        expect(month.byOutlet).toEqual(fresh(m));
        blocks++;
      }
    }
    // As many months as distinct YYYY-MM among FA-KES's dates.
    expect(blocks).toBe(new Set(corpus.articles.flatMap((a) => (a.date ? [a.date.slice(0, 7)] : []))).size);
    const index = monthTallies(corpus, analyses);
    expect(stored!.months.dates).toEqual(index.dates);
    expect(stored!.months.size).toBe(784); // FA-KES's 784 articles
    // A second run finds them stored and writes nothing new.
    expect(await storeTallies(dir, root)).toBe(key);
  }, 60_000);

  test('a corpus whose analyses are not all stored is refused, naming the first article missing', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'framescope-tallies-'));
    await expect(storeTallies(dir, root)).rejects.toThrow(
      new RegExp(`fa-kes: article ${corpus.articles[0].id} has no stored analysis, so its tallies wait for it`),
    );
  });

  test.each([
    ['bytes that are not a serialised value', new Uint8Array([1, 2, 3])],
    ['an empty file', new Uint8Array(0)],
    ['the first format (every tally in one value)', serialize({ byOutlet: new Map(), months: { years: new Map() } })],
  ])('%s read back as no tallies (made again)', async (_, bytes) => {
    const root = mkdtempSync(path.join(tmpdir(), 'framescope-tallies-'));
    const store = fileStore(root);
    const scope = { corpus: 'x', lexicon: 'l' };
    await store.putDerived(scope, 'tallies', 'k', bytes);
    expect(readTallies(store, scope, 'k')).toBeNull();
    expect(hasTallies(store, scope, 'k')).toBe(false);
  });
});

describe('the prepared check reads the tallies header alone', () => {
  const seeds = loadCorpus(path.join(process.cwd(), 'corpus', 'seeds'));
  const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-tallies-check-')));
  const scope = { corpus: 'x', lexicon: 'l' };
  let good = Buffer.alloc(0);
  beforeAll(async () => {
    await putTallies(store, scope, 'good', makeTallies(seeds, analyzeArticles(seeds)));
    good = Buffer.from(store.readDerived(scope, 'tallies', 'good')!);
  });
  // The header: "FTL2", the format (u32 LE), the file's length (u64 LE): 16 bytes.
  const edit = (at: number, write: (b: Buffer) => void) => (b: Buffer) => {
    const copy = Buffer.from(b);
    write(copy.subarray(at));
    return copy;
  };
  test.each<[string, (b: Buffer) => Buffer | Uint8Array, boolean, boolean]>([
    ['a good file', (b) => b, true, true],
    ['cut short to nothing', (b) => b.subarray(0, 0), false, false],
    ['cut short inside the magic', (b) => b.subarray(0, 3), false, false],
    ['cut short inside the header', (b) => b.subarray(0, 15), false, false],
    ['cut short to the header alone', (b) => b.subarray(0, 16), false, false],
    ['cut short half way', (b) => b.subarray(0, b.length >> 1), false, false],
    ['cut short by one byte', (b) => b.subarray(0, b.length - 1), false, false],
    ['one byte more than the header names', (b) => Buffer.concat([b, Buffer.from([0])]), false, false],
    ['a wrong magic', edit(0, (h) => h.write('FTL1', 'latin1')), false, false],
    ['another format', edit(4, (h) => h.writeUInt32LE(3)), false, false],
    ['a header naming one byte more', edit(8, (h) => h.writeBigUInt64LE(h.readBigUInt64LE() + 1n)), false, false],
    ['a header naming one byte less', edit(8, (h) => h.writeBigUInt64LE(h.readBigUInt64LE() - 1n)), false, false],
    // Stored before the header: made again by the next preparation, and read meanwhile.
    ['the body alone (stored before the header)', (b) => b.subarray(16), false, true],
    // The check does not read the body; its failure is found where it is decoded, as before (no tallies, made again).
    ['a whole header over a body that does not decode', edit(16, (body) => body.fill(0)), true, false],
  ])('%s: stored %s, read %s', async (_case, spoil, checked, read) => {
    await store.putDerived(scope, 'tallies', 'k', spoil(good));
    expect(hasTallies(store, scope, 'k')).toBe(checked);
    expect(readTallies(store, scope, 'k') !== null).toBe(read);
  });

  test('no file: not stored', () => {
    expect(hasTallies(store, scope, 'missing')).toBe(false);
  });
});

describe('talliesMaker: the tallies makeTallies makes of the whole list (months tallied as they come)', () => {
  // The stored bytes of tallies, through a scratch store (putTallies encodes them).
  const stored = async (t: ReturnType<typeof makeTallies>) => {
    const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-tallies-maker-')));
    const scope = { corpus: 'fa-kes', lexicon: 'l' };
    await putTallies(store, scope, 'k', t);
    return Buffer.from(store.readDerived(scope, 'tallies', 'k')!);
  };
  let whole: Buffer;
  beforeAll(async () => {
    whole = await stored(makeTallies(corpus, analyses));
  });

  test.each([[1], [7], [100], [784], [5000]])('FA-KES %i at a time: the same stored bytes', async (chunk) => {
    const maker = talliesMaker(corpus);
    for (let from = 0; from < analyses.length; from += chunk) maker.add(analyses.slice(from, from + chunk));
    expect((await stored(maker.finish())).equals(whole)).toBe(true);
  });

  test.each([
    [
      'an analysis out of corpus order',
      [analyses[1]],
      `analysis ${analyses[1].id} came at position 0, where the corpus has article ${corpus.articles[0].id}`,
    ],
    [
      'more analyses than articles',
      [...analyses, analyses[0]],
      `came at position 784, where the corpus has no article`,
    ],
  ])('%s is refused', (_name, list, message) => {
    expect(() => talliesMaker(corpus).add(list)).toThrow(message);
  });
});

describe('headedSerialize: the tallies file header, then the bytes serialize gives', () => {
  const blocks: [string, Uint8Array][] = [
    ['2016', serialize(new Map([['o', { n: 1 }]]))],
    ['2016-07', serialize({ name: 'Ελληνικά ٢' })],
  ];
  test.each<[string, unknown]>([
    ['a packed value with blocks and a two-byte string', { format: 2, whole: serialize(new Map()), blocks }],
    ['an odd-length string first', { s: 'abc', list: [1, 2.5, null] }],
    ['an empty object', {}],
    ['FA-KES tallies', makeTallies(corpus, analyses).byOutlet],
  ])('%s', (_name, value) => {
    const bytes = headedSerialize(value);
    expect(bytes.toString('latin1', 0, 4)).toBe('FTL2');
    expect(bytes.readUInt32LE(4)).toBe(2);
    expect(Number(bytes.readBigUInt64LE(8))).toBe(bytes.length);
    expect(bytes.subarray(16).equals(serialize(value))).toBe(true);
  });
});

describe('readTallies keeps the year and month blocks in the file and reads each by range', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'framescope-tallies-ranges-'));
  const files = fileStore(root);
  const scope = { corpus: 'fa-kes', lexicon: 'l' };
  let bytes: Uint8Array;
  beforeAll(async () => {
    await putTallies(files, scope, 'k', makeTallies(corpus, analyses));
    bytes = Buffer.from(files.readDerived(scope, 'tallies', 'k')!);
  });
  // The store with its range reads counted: a block costs one, and the whole file is read once, at the start.
  const counted = () => {
    const reads = { whole: 0, ranges: 0 };
    const store: AnalysisStore = {
      ...files,
      readDerived: (...a) => (reads.whole++, files.readDerived(...a)),
      derivedRange: (...a) => (reads.ranges++, files.derivedRange(...a)),
    };
    return { store, reads };
  };
  // Every block by name, as the old path (every block decoded from the whole file's bytes) gives it.
  const blocksOf = (t: NonNullable<ReturnType<typeof readTallies>>) =>
    [...t.months.years].flatMap(([y, year]) => [
      [y, year.byOutlet] as const,
      ...[...year.months].map(([m, month]) => [m, month.byOutlet] as const),
    ]);

  test.each([
    ['whole-text tallies', (t: NonNullable<ReturnType<typeof readTallies>>) => t.byOutlet],
    ['dates', (t: NonNullable<ReturnType<typeof readTallies>>) => t.months.dates],
    ['size', (t: NonNullable<ReturnType<typeof readTallies>>) => t.months.size],
    ['attributed groups', (t: NonNullable<ReturnType<typeof readTallies>>) => t.months.attributed],
    ['every year and month block, in order', blocksOf],
  ])('%s equal the whole-bytes decode', (_, pick) => {
    const { store } = counted();
    expect(pick(readTallies(store, scope, 'k')!)).toEqual(pick(talliesOfBytes(bytes)!));
  });

  test('keeps no view of the bytes it read: those zeroed after the read, everything still decodes as before', () => {
    let read: Buffer | null = null;
    const store: AnalysisStore = { ...files, readDerived: (...a) => (read = Buffer.from(files.readDerived(...a)!)) };
    const t = readTallies(store, scope, 'k')!;
    read!.fill(0);
    const old = talliesOfBytes(bytes)!;
    expect(t.byOutlet).toEqual(old.byOutlet);
    expect(blocksOf(t)).toEqual(blocksOf(old));
  });

  test('one range read per block read (none for the whole text), decoded once', () => {
    const { store, reads } = counted();
    const t = readTallies(store, scope, 'k')!;
    void t.byOutlet;
    void t.months.dates;
    expect(reads).toEqual({ whole: 1, ranges: 0 });
    const [y, year] = [...t.months.years][0];
    const first = year.byOutlet;
    expect(year.byOutlet).toBe(first);
    expect(reads.ranges).toBe(1);
    const month = [...year.months.values()][0];
    void month.byOutlet;
    expect(reads.ranges).toBe(2);
    expect(first).toEqual(fresh(y));
  });

  // The independent computation of a block: the articles whose date starts with its year.
  const fresh = (prefix: string) =>
    tallyByOutlet(
      analyses.filter((a) => dateOf.get(a.id)?.startsWith(prefix)),
      attributedGroups(corpus),
    );

  test.each<[string, (file: string) => void]>([
    ['removed', (file) => rmSync(file)],
    ['replaced by one a byte shorter', (file) => writeFileSync(file, bytes.subarray(0, bytes.length - 1))],
  ])('a block read after the file was %s fails naming the tallies and the block', async (_, spoil) => {
    const own = mkdtempSync(path.join(tmpdir(), 'framescope-tallies-gone-'));
    await fileStore(own).putDerived(scope, 'tallies', 'gone', bytes);
    const t = readTallies(fileStore(own), scope, 'gone')!;
    const whole = t.byOutlet;
    const [y, year] = [...t.months.years][0];
    spoil(path.join(own, scopeFolder(scope), derivedName('tallies', 'gone')));
    // What was decoded before stays readable.
    expect(t.byOutlet).toBe(whole);
    expect(() => year.byOutlet).toThrow(
      `stored tallies gone of fa-kes changed or went missing while served (block ${y})`,
    );
  });
});
