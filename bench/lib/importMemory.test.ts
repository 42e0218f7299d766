import { describe, expect, test } from 'vitest';
import { growthKbPerArticle, rssMbOfStatus } from './importMemory';

describe('rssMbOfStatus', () => {
  test.each([
    // 2048 kB = 2 MB; VmHWM (the peak) is not the current resident set.
    ['VmHWM:\t    9999 kB\nVmRSS:\t    2048 kB\n', 2],
    ['Name:\tnode\n', NaN],
  ])('%j -> %d', (status, mb) => expect(rssMbOfStatus(status)).toBe(mb));
});

describe('growthKbPerArticle', () => {
  test.each([
    // Peak 100 MB up to 1,000 records, 200 MB at the end (2,000): 100 MB = 102,400 kB over 1,000 articles = 102.4.
    [
      [
        { records: 0, rssMb: 50 },
        { records: 1000, rssMb: 100 },
        { records: 1500, rssMb: 180 },
        { records: 2000, rssMb: 150 },
        { records: 2000, rssMb: 200 },
      ],
      1000,
      102.4,
    ],
    // A dip after `from` does not count: peak 120 up to 500 records, 120 overall = 0 growth.
    [
      [
        { records: 500, rssMb: 120 },
        { records: 1000, rssMb: 60 },
      ],
      500,
      0,
    ],
    // No sample after `from`.
    [[{ records: 10, rssMb: 1 }], 10, NaN],
  ])('%j from %d -> %d', (samples, from, kb) => {
    const got = growthKbPerArticle(samples, from);
    if (Number.isNaN(kb)) expect(got).toBeNaN();
    else expect(got).toBeCloseTo(kb, 6);
  });
});
