import { describe, expect, test } from 'vitest';
import { changePoints, type ChangePoint, type SeriesPoint } from './changePoints';

const s = (rows: [string, number[]][]): SeriesPoint[] => rows.map(([period, counts]) => ({ period, counts }));

describe('changePoints (leader flips among periods with enough mentions)', () => {
  test.each<[string, SeriesPoint[], number, ChangePoint[]]>([
    // Variant 0 = ISIS, 1 = Daesh. ISIS leads 8:2 and 7:4, then Daesh leads 3:9 in 2016-03: one change there.
    [
      'one flip',
      s([
        ['2016-01', [8, 2]],
        ['2016-02', [7, 4]],
        ['2016-03', [3, 9]],
        ['2016-04', [1, 12]],
      ]),
      10,
      [{ period: '2016-03', previous: '2016-02', from: 0, to: 1, n: 12 }],
    ],
    // 2016-02 has 1:4 (5 mentions < 10): skipped, so the flip is dated to 2016-03, the first period that shows it.
    [
      'a sparse period is not read',
      s([
        ['2016-01', [8, 2]],
        ['2016-02', [1, 4]],
        ['2016-03', [2, 9]],
      ]),
      10,
      [{ period: '2016-03', previous: '2016-01', from: 0, to: 1, n: 11 }],
    ],
    // A 5:5 tie has no leader: ISIS (0) leads before and after, so nothing changes.
    [
      'a tie is skipped',
      s([
        ['2016-01', [8, 2]],
        ['2016-02', [5, 5]],
        ['2016-03', [9, 3]],
      ]),
      10,
      [],
    ],
    // Back and forth: 0 -> 2 in Q2, 2 -> 0 in Q3 (three variants).
    [
      'two flips',
      s([
        ['2016-Q1', [6, 1, 3]],
        ['2016-Q2', [2, 1, 8]],
        ['2016-Q3', [7, 0, 4]],
      ]),
      10,
      [
        { period: '2016-Q2', previous: '2016-Q1', from: 0, to: 2, n: 11 },
        { period: '2016-Q3', previous: '2016-Q2', from: 2, to: 0, n: 11 },
      ],
    ],
    // With minN 1 the sparse 1:4 period counts and carries the flip.
    [
      'minN 1 reads every period',
      s([
        ['2016-01', [8, 2]],
        ['2016-02', [1, 4]],
      ]),
      1,
      [{ period: '2016-02', previous: '2016-01', from: 0, to: 1, n: 5 }],
    ],
    ['empty', [], 10, []],
  ])('%s', (_name, series, minN, expected) => expect(changePoints(series, minN)).toEqual(expected));
});
