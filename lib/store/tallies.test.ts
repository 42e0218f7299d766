import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { attributedGroups } from '../analysis/aggregate';
import { monthTallies } from '../analysis/monthTallies';
import { analyzeArticles } from '../analysis/run';
import { tallyByOutlet } from '../analysis/tallies';
import { loadCorpus } from '../corpus/load';
import { packAnalyses } from './codec';
import { fileStore } from './files';
import { articleKey, lexiconKey, versionKey } from './keys';
import { hasTallies, readTallies, talliesKey, talliesKeyOf } from './tallies';
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
