import { describe, expect, test } from 'vitest';
import { PAGE_SIZE, pageOf } from './kwic';

// Rows i = 1…n, three to an article: row i comes from article ⌈i/3⌉.
const list = (n: number) => Array.from({ length: n }, (_, i) => ({ i: i + 1, article: `a${Math.ceil((i + 1) / 3)}` }));

describe('pageOf', () => {
  test.each([
    // rows, page asked, page given, pages, first, last, rows on the page
    [0, 1, 1, 1, 0, 0, 0],
    [1, 1, 1, 1, 1, 1, 1],
    [100, 1, 1, 1, 1, 100, 100],
    [101, 2, 2, 2, 101, 101, 1],
    [2340, 3, 3, 24, 201, 300, 100],
    [2340, 24, 24, 24, 2301, 2340, 40],
    // A page beyond the last shows the last (a link made before the corpus shrank still lands somewhere real).
    [2340, 99, 24, 24, 2301, 2340, 40],
    [50, 0, 1, 1, 1, 50, 50],
  ])('%i rows, page %i → page %i of %i, rows %i–%i', (n, asked, page, pages, first, last, shown) => {
    const p = pageOf(list(n), asked);
    expect([p.page, p.pages, p.first, p.last, p.rows.length, p.total]).toEqual([page, pages, first, last, shown, n]);
    if (shown) expect([p.rows[0].i, p.rows[p.rows.length - 1].i]).toEqual([first, last]);
    // Articles of every page, not this one: n rows, three to an article.
    expect(p.articles).toBe(Math.ceil(n / 3));
  });

  test('the page size is 100 rows', () => expect(PAGE_SIZE).toBe(100));
});
