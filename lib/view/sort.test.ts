import { describe, expect, test } from 'vitest';
import { sortRows, type SortDir, type SortValue } from './sort';

describe('sortRows', () => {
  const rows: { id: string; v: SortValue }[] = [
    { id: 'a', v: '2016-10-02' },
    { id: 'b', v: null },
    { id: 'c', v: '2016-09-30' },
    { id: 'd', v: '2016-10-02' },
  ];
  test.each([
    ['asc', ['c', 'a', 'd', 'b']],
    // Ties keep their order and missing values stay last when descending too.
    ['desc', ['a', 'd', 'c', 'b']],
  ] as [SortDir, string[]][])('dates %s', (dir, ids) =>
    expect(sortRows(rows, (r) => r.v, dir).map((r) => r.id)).toEqual(ids),
  );
  test.each([
    [[10, 9, 100], 'asc', [9, 10, 100]],
    [['Item 10', 'item 9', 'Item 100'], 'asc', ['item 9', 'Item 10', 'Item 100']],
  ] as [SortValue[], SortDir, SortValue[]][])('%j %s', (values, dir, out) =>
    expect(sortRows(values, (v) => v, dir)).toEqual(out),
  );
});
