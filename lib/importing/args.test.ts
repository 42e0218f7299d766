import { describe, expect, test } from 'vitest';
import { parseImportArgs, progressLine } from './args';

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
    });
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
