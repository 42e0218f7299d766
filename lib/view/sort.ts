/** A column value a table can sort by: text, a number, or nothing (sorted last either way). */
export type SortValue = string | number | null;

/** Sort direction. */
export type SortDir = 'asc' | 'desc';

/**
 * Rows sorted by one column, stably (ties keep their order); missing values go last in both directions, and text is
 * compared as people read it (numbers inside text by value, case ignored).
 */
export function sortRows<T>(rows: readonly T[], key: (row: T) => SortValue, dir: SortDir): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return rows
    .map((row, i) => ({ row, i, v: key(row) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      const c =
        typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      return c === 0 ? a.i - b.i : sign * c;
    })
    .map((x) => x.row);
}
