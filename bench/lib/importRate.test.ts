import { describe, expect, test } from 'vitest';
import { streamProgressLine } from '../../lib/importing/args';
import { cpuOfStat, importRateRow, peakRssMbOfStatus, progressRecords } from './importRate';

describe('progressRecords', () => {
  test.each([
    // The CLI's own line, made by the function that prints it.
    [streamProgressLine(2000, 7e6, 35e6, 1000), 2000],
    [streamProgressLine(0, 0, 1, 0), 0],
    ['Import into corpus "bench": 2000 records read.', null],
    ['', null],
  ])('%j -> %j', (line, n) => expect(progressRecords(line)).toBe(n));
});

describe('cpuOfStat', () => {
  test.each([
    // A worker thread's line: utime 250 and stime 31 ticks (fields 14 and 15 of proc(5)) = 2,810 ms.
    ['4698 (node) S 4690 4690 4690 0 -1 4194560 9000 0 0 0 250 31 0 0 20 0 9 0 100 1000 200', 2810],
    // A name with a space and a parenthesis: the fields are counted after the last ')'; 7 + 3 ticks = 100 ms.
    ['12 (Worker (x) 1) R 1 1 1 0 -1 0 0 0 0 0 7 3 0 0 20 0 1 0 5 6 7', 100],
  ])('%j -> %d ms', (line, ms) => expect(cpuOfStat(line)).toBe(ms));
});

describe('importRateRow', () => {
  test.each([
    // 36 MB in 4 s = 9.0 MB/s; the engine took 3 s = 12.0 MB/s; 9 / 12 = 0.75. CPU 6 s / 8 s = 0.75.
    [
      { name: 'this', articles: 10, bytes: 36e6, importMs: 4000, engineMs: 3000, importCpuMs: 8000, engineCpuMs: 6000 },
      '36.0 MB, import 4.0 s = 9.0 MB/s; engine alone 12.0 MB/s; import/engine 0.75; CPU s import 8.0, engine 6.0, engine/import 0.75',
    ],
    // 10 MB in 2 s = 5.0 MB/s; engine 10 MB in 1 s = 10.0 MB/s; 5 / 10 = 0.50. CPU 3 s / 4 s = 0.75.
    [
      { name: 'ref', articles: 5, bytes: 10e6, importMs: 2000, engineMs: 1000, importCpuMs: 4000, engineCpuMs: 3000 },
      '10.0 MB, import 2.0 s = 5.0 MB/s; engine alone 10.0 MB/s; import/engine 0.50; CPU s import 4.0, engine 3.0, engine/import 0.75',
    ],
    // The engine on a sample: 20 MB in 2 s = 10.0 MB/s; the import 100 MB in 20 s = 5.0 MB/s; 5 / 10 = 0.50. CPU per
    // MB: engine 4 s / 20 MB = 0.2, import 50 s / 100 MB = 0.5; 0.2 / 0.5 = 0.40.
    [
      {
        name: 'this',
        articles: 7,
        bytes: 100e6,
        importMs: 20000,
        engineMs: 2000,
        importCpuMs: 50000,
        engineCpuMs: 4000,
        engineBytes: 20e6,
      },
      '100.0 MB, import 20.0 s = 5.0 MB/s; engine alone 10.0 MB/s (on the first 20.0 MB); import/engine 0.50; CPU s import 50.0, engine 4.0, engine/import 0.40',
    ],
  ])('%j', (x, tail) => expect(importRateRow(x)).toBe(`${x.name}: ${x.articles} articles, ${tail}`));
});

describe('peakRssMbOfStatus', () => {
  test.each([
    // 2,097,152 kB = 2,048 MB.
    ['Name:\tnode\nVmPeak:\t 9999999 kB\nVmHWM:\t 2097152 kB\nVmRSS:\t 1000 kB\n', 2048],
    ['Name:\tnode\n', NaN],
  ])('%j -> %d MB', (status, mb) => expect(peakRssMbOfStatus(status)).toBe(mb));
});
