import { describe, expect, test } from 'vitest';
import type { Filters } from '../analysis/filters';
import { sqlSeriesOf, timeCellsPath } from './seriesSql';
import type { Bundle } from './bundles';

const scope = { corpus: 'fa-kes', lexicon: '0123456789abcdef' };
const bundle = (dates: (string | null)[], storeKey = true) =>
  ({
    storeKey: storeKey ? { scope, version: 'v1' } : undefined,
    meta: { articles: dates.map((date, i) => ({ id: `a${i}`, date })) },
  }) as unknown as Bundle;

describe('timeCellsPath', () => {
  test.each([
    // The path the PG store gives the file and its rows: scope folder, then time-cells-<tallies key>.bin.
    ['a stored version', bundle(['2020-01-01', null]), /^fa-kes\/0123456789abcdef-e\d+\/time-cells-[0-9a-f]{16}\.bin$/],
    ['no store', bundle(['2020-01-01'], false), null],
  ])('%s', (_, b, expected) => {
    const got = timeCellsPath(b);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toMatch(expected);
  });

  test('a changed date moves the path (the tallies key hashes every date)', () => {
    expect(timeCellsPath(bundle(['2020-01-01']))).not.toBe(timeCellsPath(bundle(['2020-01-02'])));
  });
});

describe('sqlSeriesOf', () => {
  test.each([
    ['no DATABASE_URL', undefined],
    ['a blank DATABASE_URL', '  '],
  ])('%s: null (the files backend sums in JS)', async (_, url) => {
    const before = process.env.DATABASE_URL;
    if (url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = url;
    try {
      const filters = { voice: 'all', scope: 'all', provenance: 'all' } as unknown as Filters;
      const request = { group: 'g', variants: ['x'], entities: [], filters };
      expect(await sqlSeriesOf(bundle(['2020-01-01']), request, { from: null, to: null }, () => 'month')).toBeNull();
    } finally {
      if (before === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = before;
    }
  });
});
