import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_REUSE } from '../../lib/provenance/reuseIndex';
import { encodeReuseIndex, type ReuseIndexMade } from '../../lib/store/reuseIndexCodec';
import {
  folderBytes,
  importTimes,
  jsonlRecord,
  kindBytesOf,
  numberFlag,
  reuseIndexOf,
  tenth,
  vocabularyStepOf,
} from './storeBench';

describe('store bench helpers', () => {
  test('a JSONL record holds the title, body, outlet and date, not the title segment twice', () => {
    const line = jsonlRecord({
      id: 'x',
      outlet: 'bench-01',
      title: 'T',
      date: '2014-02-03',
      url: null,
      raw: null,
      note: null,
      segments: [
        { section: 'title', text: 'T' },
        { section: 'body', text: 'Body text.' },
      ],
    });
    expect(JSON.parse(line)).toEqual({ title: 'T', text: 'Body text.', outlet: 'bench-01', date: '2014-02-03' });
  });

  test.each([
    [1.26, 1.3],
    [0.04, 0],
    [12, 12],
  ])('tenth(%d) = %d', (x, y) => expect(tenth(x)).toBe(y));

  test('folder bytes count files at every depth', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'framescope-bytes-'));
    mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(path.join(dir, 'one'), '12345');
    writeFileSync(path.join(dir, 'a', 'b', 'two'), '123');
    // 5 + 3 bytes.
    expect(folderBytes(dir)).toBe(8);
  });
});

describe('numberFlag', () => {
  test.each([
    [['--scale'], null],
    [['--scale', '--articles', '10000'], 10000],
  ])('%j gives %s', (argv, n) => expect(numberFlag(argv, '--articles')).toBe(n));
  test.each([[['--articles']], [['--articles', 'many']], [['--articles', '-5']], [['--articles', '1.5']]])(
    '%j is refused with an example',
    (argv) => expect(() => numberFlag(argv, '--articles')).toThrow('--articles needs a positive whole number'),
  );
});

describe('importTimes', () => {
  test.each([
    [
      'Corpus version: (new) → x\nTime: 51.2 s storing articles and analyses, 170.0 s for the version and provenance',
      { batches: 51.2, finish: 170 },
    ],
  ])('reads %j', (text, times) => expect(importTimes(text)).toEqual(times));
  test('names a summary without times', () => expect(() => importTimes('Import …')).toThrow('has no Time line'));
});

describe('reuseIndexOf', () => {
  const made: ReuseIndexMade = { mode: 'incremental', ms: 42, readMs: 20, writeMs: 10, recomputed: 3 };
  const bytes = encodeReuseIndex({
    version: 'v',
    keys: [],
    dates: [],
    options: DEFAULT_REUSE,
    postings: { keys: new Uint32Array(0), offsets: new Uint32Array(1), holders: new Uint32Array(0) },
    candidates: [],
    made,
  });
  test.each([
    ['a stored index', true, { made, version: 'v', bytes: bytes.length }],
    ['no index yet', false, null],
  ])('%s', (_name, write, expected) => {
    const store = mkdtempSync(path.join(tmpdir(), 'framescope-reuse-'));
    mkdirSync(path.join(store, 'bench', 'lex-e1'), { recursive: true });
    if (write) writeFileSync(path.join(store, 'bench', 'lex-e1', 'reuse-index-latest.bin'), bytes);
    expect(reuseIndexOf(store, 'bench')).toEqual(expected);
  });
});

describe('kindBytesOf', () => {
  test.each([
    // 3 + 4 bytes of time-cells in two scopes; tallies and a name that only starts like the kind are not counted.
    [
      'two scopes',
      [
        ['lex-e1', 'time-cells-a.bin', 3],
        ['lex-e2', 'time-cells-b.bin', 4],
        ['lex-e1', 'tallies-a.bin', 9],
        ['lex-e1', 'time-cells-a.tmp', 5],
      ],
      7,
    ],
    ['none stored', [['lex-e1', 'tallies-a.bin', 9]], 0],
  ] as [string, [string, string, number][], number][])('%s: %i bytes', (_, files, bytes) => {
    const store = mkdtempSync(path.join(tmpdir(), 'framescope-kind-'));
    for (const [scope, name, size] of files) {
      mkdirSync(path.join(store, 'bench', scope), { recursive: true });
      writeFileSync(path.join(store, 'bench', scope, name), Buffer.alloc(size));
    }
    expect(kindBytesOf(store, 'bench', 'time-cells')).toBe(bytes);
  });
});

describe('vocabularyStepOf', () => {
  // File times in seconds: tallies written at 100, the corpus index at 103, the table at 110.5 (so 7.5 s after the index).
  test.each([
    [
      'a table after tallies and index',
      ['tallies-a.bin', 100],
      ['corpus-index-f.bin', 103],
      { seconds: 7.5, bytes: 5 },
    ],
    ['a table after tallies only', ['tallies-a.bin', 104], null, { seconds: 6.5, bytes: 5 }],
    ['no table', null, null, null],
  ])('%s', (_name, tallies, index, expected) => {
    const store = mkdtempSync(path.join(tmpdir(), 'framescope-vocabstep-'));
    const dir = path.join(store, 'bench', 'lex-e1');
    mkdirSync(dir, { recursive: true });
    const write = (name: string, at: number, text = 'x') => {
      writeFileSync(path.join(dir, name), text);
      utimesSync(path.join(dir, name), at, at);
    };
    // A segment file is not a step's start, whatever its time.
    write('seg-1.bin', 108);
    if (tallies) write(tallies[0] as string, tallies[1] as number);
    if (index) write(index[0] as string, index[1] as number);
    if (expected) write('vocabulary-v.bin', 110.5, 'table');
    expect(vocabularyStepOf(store, 'bench')).toEqual(expected);
  });
});
