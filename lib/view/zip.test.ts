import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { crc32, dosDateTime, zipArchive, type ZipEntry } from './zip';

const dir = mkdtempSync(path.join(tmpdir(), 'framescope-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crc32', () => {
  // Check values: the CRC-32 catalogue's "123456789" check value, and zlib's crc32 of the empty input and "a".
  test.each<[string, number]>([
    ['', 0],
    ['a', 0xe8b7be43],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('%j -> %i', (s, expected) => {
    expect(crc32(Buffer.from(s, 'utf8'))).toBe(expected);
  });
});

describe('dosDateTime', () => {
  // Worked by hand: 2016-07-21 13:45:30 UTC -> time (13<<11)|(45<<5)|15 = 26624+1440+15 = 28079;
  // date ((2016-1980)<<9)|(7<<5)|21 = 18432+224+21 = 18677.
  test.each<[string, number, number]>([
    ['2016-07-21T13:45:30Z', 28079, 18677],
    ['1980-01-01T00:00:00Z', 0, 33],
    ['1970-06-01T00:00:00Z', 0, 33],
  ])('%s', (iso, time, date) => {
    expect(dosDateTime(new Date(iso))).toEqual({ time, date });
  });
});

const ENTRIES: ZipEntry[] = [
  { name: 'README.txt', data: 'Framescope data\nline two\n' },
  { name: 'tables/counts.csv', data: `outlet,count\n${'presstv,12\n'.repeat(200)}` },
  { name: 'ünïcode name.txt', data: 'Daesh — ISIS — ISIL\n' },
  { name: 'empty.txt', data: '' },
  { name: 'bytes.bin', data: new Uint8Array([0, 1, 2, 255, 254]) },
];

function written(entries: ZipEntry[]): string {
  const file = path.join(dir, `t${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, zipArchive(entries, new Date('2016-07-21T13:45:30Z')));
  return file;
}

describe('zipArchive, read back by independent readers', () => {
  const file = written(ENTRIES);

  test('unzip -t finds no error', () => {
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
  });

  test('python3 -m zipfile -t finds no error', () => {
    expect(() => execFileSync('python3', ['-m', 'zipfile', '-t', file], { encoding: 'utf8' })).not.toThrow();
  });

  test.each(ENTRIES.map((e) => [e.name, e] as const))('%s comes back byte for byte', (name, e) => {
    const out = execFileSync('unzip', ['-p', file, name]);
    const expected = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : Buffer.from(e.data);
    expect(out.equals(expected)).toBe(true);
  });

  test('names, sizes and dates as python reads them; the repetitive CSV is deflated, tiny files stored', () => {
    const script = [
      'import sys, zipfile, json',
      'z = zipfile.ZipFile(sys.argv[1])',
      'print(json.dumps([[i.filename, i.file_size, i.compress_type, list(i.date_time)] for i in z.infolist()]))',
    ].join('\n');
    const infos = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as [
      string,
      number,
      number,
      number[],
    ][];
    expect(infos.map((i) => i[0])).toEqual(ENTRIES.map((e) => e.name));
    // 'outlet,count\n' is 13 bytes, 'presstv,12\n' 11 bytes x 200 = 2,200: 2,213 bytes.
    expect(infos[1][1]).toBe(2213);
    expect(infos[1][2]).toBe(8);
    expect(infos[4][2]).toBe(0);
    // DOS time keeps even seconds: 30 stays 30.
    expect(infos[0][3]).toEqual([2016, 7, 21, 13, 45, 30]);
  });
});

describe('zipArchive refuses what would make a broken or unsafe archive', () => {
  test.each<[string, ZipEntry[], RegExp]>([
    ['a duplicate name', [ENTRIES[0], ENTRIES[0]], /"README.txt" is listed twice/],
    ['an absolute path', [{ name: '/etc/x', data: 'x' }], /must be a relative path/],
    ['a parent part', [{ name: 'a/../../x', data: 'x' }], /no "\.\." part/],
    ['an empty name', [{ name: '', data: 'x' }], /must be a relative path/],
  ])('%s', (_, entries, message) => {
    expect(() => zipArchive(entries, new Date())).toThrow(message);
  });

  test('an empty archive is still a valid one', () => {
    const file = written([]);
    expect(readFileSync(file).length).toBe(22);
    expect(() => execFileSync('python3', ['-m', 'zipfile', '-l', file])).not.toThrow();
  });
});
