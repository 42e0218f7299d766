import { describe, expect, test } from 'vitest';
import { parseImportArgs, progressLine, streamProgressLine } from './args';

describe('parseImportArgs', () => {
  test('reads inputs and flags', () => {
    expect(
      parseImportArgs([
        'a.csv',
        'dir',
        '--corpus',
        'mine',
        '--map',
        'text=body,title=headline',
        '--create-outlets',
        '--date-order',
        'dmy',
      ]),
    ).toMatchObject({
      inputs: ['a.csv', 'dir'],
      corpus: 'mine',
      mapping: { text: 'body', title: 'headline' },
      createOutlets: true,
      dateOrder: 'dmy',
      progress: false,
    });
  });
  test.each([
    [['a.jsonl', '--corpus', 'x'], false],
    [['a.jsonl', '--corpus', 'x', '--progress'], true],
  ])('%j asks for the progress line: %s', (argv, progress) => {
    expect(parseImportArgs(argv).progress).toBe(progress);
  });
  test.each([
    [['a.csv'], '--corpus: is required'],
    [['a.csv', '--corpus', 'Bad Id'], '"Bad Id" is not an id'],
    [['--corpus', 'x'], 'names no files or folders'],
    [['a.csv', '--corpus', 'x', '--map', 'body=text'], '--map "body=text": is not FIELD=COLUMN'],
    [['a.csv', '--corpus', 'x', '--format', 'pdf'], '"pdf" is not text, html, json, jsonl or csv'],
    [['a.csv', '--corpus', 'x', '--frobnicate'], 'is not a known flag'],
  ])('%j', (argv, message) => expect(() => parseImportArgs(argv)).toThrow(message));
});

describe('progressLine', () => {
  test.each([
    [0, 100, 0, 'files 0/100 (0%) · 0/s · estimating'],
    [50, 100, 1000, 'files 50/100 (50%) · 50/s · 1 s left'],
    [100, 100, 2000, 'files 100/100 (100%) · 50/s · 0.0 s left'],
  ])('%i of %i after %i ms', (done, total, ms, line) => expect(progressLine('files', done, total, ms)).toBe(line));
});

describe('streamProgressLine', () => {
  test.each([
    [0, 0, 10e6, 0, 'records 0 · 0 records/s · 0.0 of 10.0 MB (0%) · estimating'],
    // 2 MB of 10 MB in 2 s: 1 MB/s, so 8 s left; 500 records in 2 s is 250/s.
    [500, 2e6, 10e6, 2000, 'records 500 · 250 records/s · 2.0 of 10.0 MB (20%) · 8 s left'],
    [1000, 10e6, 10e6, 4000, 'records 1000 · 250 records/s · 10.0 of 10.0 MB (100%) · 0.0 s left'],
  ])('%i records, %i of %i bytes after %i ms', (records, read, total, ms, line) => {
    expect(streamProgressLine(records, read, total, ms)).toBe(line);
  });
});
