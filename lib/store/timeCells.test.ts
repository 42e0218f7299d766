import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ArticleAnalysis } from '../analysis/article';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { makeTimeCells, type DatedAnalysis, type TimeCells } from '../time/cells';
import { packAnalyses } from './codec';
import { fileStore } from './files';
import { articleKey, lexiconKey } from './keys';
import { hasTallies } from './tallies';
import { storeTallies } from './talliesJob';
import {
  decodeTimeCells,
  encodeTimeCells,
  hasTimeCells,
  readTimeCells,
  TIME_CELLS,
  timeCellsGroups,
} from './timeCells';

function art(outlet: string, variants: string[], body = 50): DatedAnalysis['analysis'] {
  return {
    outlet,
    mentions: variants.map((variant) => ({ group: 'is', variant, section: 'body', voice: 'own', setAside: null })),
    tokens: { title: { all: 0, own: 0 }, caption: { all: 0, own: 0 }, body: { all: body, own: body } },
  } as unknown as ArticleAnalysis;
}

const GROUPS = [{ id: 'is', variants: ['isis', 'daesh'] }];
const SMALL = makeTimeCells(
  [
    { analysis: art('x', ['isis', 'daesh']), date: '2016-07-03' },
    { analysis: art('y', ['daesh']), date: '2016-07-04' },
    { analysis: art('x', []), date: null },
  ],
  GROUPS,
);
const EMPTY = makeTimeCells([], GROUPS);
// SMALL with its last product sum past 2^32 (an outlet's day of very long articles): stored as float64, still exact.
const WIDE = {
  ...SMALL,
  records: Float64Array.from(SMALL.records, (x, i) => (i === SMALL.records.length - 1 ? 2 ** 40 + 1 : x)),
};

const plain = (t: TimeCells) => ({
  ...t,
  cellOutlet: [...t.cellOutlet],
  cellDay: [...t.cellDay],
  cellArticles: [...t.cellArticles],
  tokens: [...t.tokens],
  starts: [...t.starts],
  records: [...t.records],
});

describe('time cells codec', () => {
  const numbers = (t: TimeCells) =>
    t.cellOutlet.length +
    t.cellDay.length +
    t.cellArticles.length +
    t.tokens.length +
    t.starts.length +
    t.records.length;
  test.each([
    ['two cells', SMALL, 4],
    ['no dated article', EMPTY, 4],
    ['a sum past 2^32', WIDE, 8],
  ])('%s: read back equal at %i bytes a number, and the same cells give the same bytes', (_, cells, width) => {
    const bytes = encodeTimeCells(cells);
    expect(plain(decodeTimeCells(bytes)!)).toEqual(plain(cells));
    // The numbers start after the magic, the header's length and the header, padded to a multiple of 8.
    const start = Math.ceil((8 + Buffer.from(bytes).readUInt32LE(4)) / 8) * 8;
    expect(bytes.length).toBe(start + numbers(cells) * width);
    expect(Buffer.from(encodeTimeCells(decodeTimeCells(bytes)!)).equals(Buffer.from(bytes))).toBe(true);
  });

  test('bytes at an offset that is not a multiple of 8 (a slice of a larger buffer) are read by a copy', () => {
    const bytes = encodeTimeCells(SMALL);
    const larger = new Uint8Array(bytes.length + 3);
    larger.set(bytes, 3);
    expect(plain(decodeTimeCells(larger.subarray(3))!)).toEqual(plain(SMALL));
  });

  const good = Buffer.from(encodeTimeCells(SMALL));
  const header = (edit: (h: Record<string, unknown>) => void) => {
    const length = good.readUInt32LE(4);
    const h = JSON.parse(good.toString('utf8', 8, 8 + length)) as Record<string, unknown>;
    edit(h);
    const json = Buffer.from(JSON.stringify(h));
    // Same length as before, so only the header's meaning changes (padded with spaces, valid JSON).
    const padded = Buffer.concat([json, Buffer.alloc(Math.max(0, length - json.length), ' ')]);
    return Buffer.concat([good.subarray(0, 8), padded.subarray(0, length), good.subarray(8 + length)]);
  };
  test.each([
    ['an empty file', new Uint8Array(0)],
    ['another magic', Buffer.concat([Buffer.from('XXXX'), good.subarray(4)])],
    ['cut short by one number', good.subarray(0, good.length - 8)],
    ['a header longer than the file', Buffer.concat([good.subarray(0, 4), Buffer.from([255, 255, 0, 0])])],
    ['another format', header((h) => (h.format = 2))],
    ['another number of options', header((h) => (h.views = 3))],
    ['a cell count that does not match the numbers', header((h) => (h.cells = 3))],
  ])('%s reads as no cells (made again)', async (_, bytes) => {
    expect(decodeTimeCells(bytes)).toBeNull();
    // Stored so, they count as not stored: the next preparation makes them again.
    const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-cells-')));
    const scope = { corpus: 'x', lexicon: 'l' };
    await store.putDerived(scope, TIME_CELLS, 'k', bytes);
    expect(hasTimeCells(store, scope, 'k')).toBe(false);
    expect(readTimeCells(store, scope, 'k')).toBeNull();
    expect(timeCellsGroups(store, scope, 'k')).toBeNull();
  });
});

describe('timeCellsGroups', () => {
  test.each([
    ['stored cells', encodeTimeCells(SMALL), GROUPS],
    ['stored empty cells', encodeTimeCells(EMPTY), GROUPS],
    ['cells cut short', encodeTimeCells(SMALL).subarray(0, 20), null],
  ])('%s: the groups from the header alone', async (_, bytes, expected) => {
    const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-cells-')));
    const scope = { corpus: 'x', lexicon: 'l' };
    await store.putDerived(scope, TIME_CELLS, 'k', bytes);
    expect(timeCellsGroups(store, scope, 'k')).toEqual(expected);
  });

  test('nothing stored: null', () => {
    const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-cells-')));
    expect(timeCellsGroups(store, { corpus: 'x', lexicon: 'l' }, 'k')).toBeNull();
  });
});

describe('the tallies job stores the time cells', () => {
  const dir = path.join(process.cwd(), 'corpus', 'fa-kes');
  const corpus = loadCorpus(dir);
  const analyses = analyzeArticles(corpus);

  test('FA-KES: stored beside the tallies under their key, equal to cells made from fresh analyses', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'framescope-cells-'));
    const store = fileStore(root);
    const scope = { corpus: 'fa-kes', lexicon: lexiconKey(corpus.lexicon) };
    await store.put(scope, { keys: corpus.articles.map(articleKey), packed: packAnalyses(analyses) });
    const key = await storeTallies(dir, root);
    expect(hasTallies(store, scope, key)).toBe(true);
    const expected = makeTimeCells(
      analyses.map((analysis, i) => ({ analysis, date: corpus.articles[i].date })),
      corpus.lexicon.groups.map((g) => ({ id: g.id, variants: g.variants.map((v) => v.id) })),
    );
    expect(plain(readTimeCells(store, scope, key)!)).toEqual(plain(expected));
    // Every dated article is in one cell: FA-KES's dated articles, counted from its dates.
    const dated = corpus.articles.filter((a) => a.date).length;
    expect([...expected.cellArticles].reduce((s, n) => s + n, 0)).toBe(dated);
  }, 60_000);

  test('a store with tallies but no cells gets the cells at the next run', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'framescope-cells-'));
    const store = fileStore(root);
    const scope = { corpus: 'fa-kes', lexicon: lexiconKey(corpus.lexicon) };
    await store.put(scope, { keys: corpus.articles.map(articleKey), packed: packAnalyses(analyses) });
    const key = await storeTallies(dir, root);
    // The store as a version before the cells left it: the cells file removed.
    const scopeDir = path.join(root, 'fa-kes', readdirSync(path.join(root, 'fa-kes'))[0]);
    const talliesFile = path.join(scopeDir, `tallies-${key}.bin`);
    const written = statSync(talliesFile).mtimeMs;
    rmSync(path.join(scopeDir, `${TIME_CELLS}-${key}.bin`));
    expect(hasTimeCells(fileStore(root), scope, key)).toBe(false);
    await storeTallies(dir, root);
    expect(hasTimeCells(fileStore(root), scope, key)).toBe(true);
    // Only the cells were made: the tallies file was not written again.
    expect(statSync(talliesFile).mtimeMs).toBe(written);
  }, 60_000);
});
