import { describe, expect, test } from 'vitest';
import { InputError } from '../errors';
import { decodeFile, formatOf, MAX_FILE_BYTES } from './files';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeFile rejects what is not text, with a reason', () => {
  test.each([
    ['empty file', new Uint8Array(), 'text', 'a.txt: is empty'],
    ['only whitespace', bytes(' \n\t\n'), 'text', 'holds only whitespace'],
    ['binary (NUL bytes)', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'text', 'contains NUL bytes'],
    [
      'invalid UTF-8 (Latin-1 "é")',
      new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]),
      'text',
      'is not valid UTF-8 (first bad byte at offset 3)',
    ],
    ['over the limit', new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61), 'text', 'over the 5 MB limit for text files'],
  ] as const)('%s', (_case, input, format, message) => {
    expect(() => decodeFile(input, 'a.txt', format)).toThrow(InputError);
    expect(() => decodeFile(input, 'a.txt', format)).toThrow(message);
  });

  test('a UTF-8 byte-order mark is dropped', () =>
    expect(decodeFile(bytes('\uFEFFhello'), 'a.txt', 'text')).toBe('hello'));
  test('a batch file may be larger than a single article', () =>
    expect(decodeFile(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61), 'a.csv', 'csv').length).toBe(MAX_FILE_BYTES + 1));
});

describe('formatOf', () => {
  test.each([
    ['a.TXT', 'text'],
    ['page.htm', 'html'],
    ['x.json', 'json'],
    ['x.ndjson', 'jsonl'],
    ['x.csv', 'csv'],
    ['x.pdf', null],
    ['noext', null],
  ])('%s → %s', (name, f) => expect(formatOf(name)).toBe(f));
});

describe('the batch limit is an upload limit', () => {
  const csv = new TextEncoder().encode('title,text\nA,"Some words about Syria."\n');
  test.each([
    // The CSV above is 38 bytes: over a 20-byte limit, within an unlimited one (a local file read by the CLI).
    [20, /is 0\.0 MB, over the 0\.0000\d+ MB limit for csv files/],
    [Infinity, null],
  ])('with a limit of %s bytes', (limit, error) => {
    const run = () => decodeFile(csv, 'x.csv', 'csv', limit);
    if (error) expect(run).toThrow(error);
    else expect(run()).toContain('Some words about Syria.');
  });
});
