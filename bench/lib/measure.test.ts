import { describe, expect, test } from 'vitest';
import { firstLoadScripts, percentile, summarizeLoad } from './measure';

describe('percentile (nearest rank)', () => {
  const xs = Array.from({ length: 100 }, (_, i) => i + 1);
  test.each([
    [50, 50],
    [95, 95],
    [99, 99],
    [100, 100],
    [1, 1],
  ])('p%i of 1..100 = %i', (p, v) => expect(percentile(xs, p)).toBe(v));
  test('p95 of [10, 20, 30, 40] is 40; of nothing is null', () => {
    expect(percentile([10, 20, 30, 40], 95)).toBe(40);
    expect(percentile([], 95)).toBeNull();
  });
});

describe('summarizeLoad', () => {
  test('requests per second, percentiles and errors', () => {
    expect(summarizeLoad('/', [5, 1, 3, 2, 4, 6, 7, 8, 9, 10], 2, 2)).toEqual({
      route: '/',
      rps: 5,
      p50Ms: 5,
      p95Ms: 10,
      p99Ms: 10,
      errors: 2,
      requests: 12,
    });
  });
});

describe('firstLoadScripts', () => {
  test('unique /_next/static scripts in page order', () => {
    const html =
      '<script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/b.js"></script><script src="/_next/static/chunks/a.js"></script><script src="https://x/y.js"></script>';
    expect(firstLoadScripts(html)).toEqual(['/_next/static/chunks/a.js', '/_next/static/chunks/b.js']);
  });
});
