import { describe, expect, test } from 'vitest';
import { smallest } from './smallest';

// A seeded permutation of 0..n-1 (Fisher-Yates over mulberry32), so each case can be run again.
function shuffled(n: number, seed: number): number[] {
  let t = seed >>> 0;
  const r = () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

describe('smallest', () => {
  test.each([
    // [items, k, expected]: worked by hand.
    [[5, 1, 4, 2, 3], 2, [1, 2]],
    [[5, 1, 4, 2, 3], 0, []],
    [[5, 1, 4], 10, [1, 4, 5]],
    [[], 3, []],
    [[9, 8, 7, 6], 1, [6]],
  ])('%j, k=%i', (items, k, expected) => {
    expect(smallest(items, k, (p, q) => p - q)).toEqual(expected);
  });

  // Candidate search's order: score descending, then rank ascending (ranks are a permutation: a total order).
  test.each([
    [50, 32, 1],
    [3000, 32, 2],
    [200, 1, 3],
    [40, 40, 4],
  ])('%i items with scores that tie, k=%i (seed %i): as sort then slice', (n, k, seed) => {
    const rank = shuffled(n, seed);
    const score = shuffled(n, seed + 100).map((x) => Math.floor(x / 7) / 3);
    const cmp = (p: number, q: number) => score[q] - score[p] || rank[p] - rank[q];
    const items = shuffled(n, seed + 200);
    expect(smallest(items, k, cmp)).toEqual([...items].sort(cmp).slice(0, k));
  });
});
