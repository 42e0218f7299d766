import { describe, expect, test } from 'vitest';
import { csvBody, csvDocument, roundRows, roundValue } from './csvExport';

describe('roundValue', () => {
  test.each([
    ['shareLow', 5.551115123125783e-17, 0],
    ['share', 0.1234567, 0.1235],
    ['count', 12, 12],
    ['q', 0.000012345, 0.0000123],
    ['q', 0.0495123, 0.0495],
    ['z', -3.14159, -3.1416],
    ['mean', -0.00001, 0],
  ])('%s %d -> %d', (col, v, r) => expect(roundValue(col, v)).toBe(r));
});

describe('roundRows', () => {
  test('rounds numbers only', () =>
    expect(roundRows([{ outlet: 'voa', share: 1 / 3, n: null }])).toEqual([{ outlet: 'voa', share: 0.3333, n: null }]));
});

describe('csvDocument', () => {
  const src = {
    title: 'Press TV vs VOA: Islamic State',
    corpus: 'seeds',
    corpusTitle: 'Seed pages',
    version: 'abc123',
    filters: 'all voices, all sections',
    url: 'https://example.org/compare?outlets=presstv,voa&v=abc123',
    exported: '2024-05-01',
  };
  test.each([
    [
      'the header names corpus and version',
      /^# Press TV vs VOA: Islamic State\n# corpus: Seed pages \(seeds\), version abc123\n/,
    ],
    ['the URL is a comment line', /\n# url: https:\/\/example\.org\/compare\?outlets=presstv,voa&v=abc123\n/],
    ['the table follows, rounded', /\noutlet,share\nvoa,0\.6667\n$/],
  ])('%s', (_name, re) => expect(csvDocument([{ outlet: 'voa', share: 2 / 3 }], src)).toMatch(re));
  test('a newline in a title cannot start a data line', () =>
    expect(csvDocument([], { ...src, title: 'a\nb,c' }).split('\n')[0]).toBe('# a b,c'));
});

describe('csvBody', () => {
  // Worked by hand: 1/3 to 4 decimals, q to 3 significant figures, a comma-holding name quoted, null empty.
  test.each([
    [[{ outlet: 'voa', share: 1 / 3 }], 'outlet,share\nvoa,0.3333\n'],
    [[{ term: 'a,b', q: 0.000123456, n: null }], 'term,q,n\n"a,b",0.000123,\n'],
    [[], ''],
  ])('%j', (rows, text) => expect(csvBody(rows)).toBe(text));
});
