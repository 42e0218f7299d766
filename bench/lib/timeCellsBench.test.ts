import { describe, expect, test } from 'vitest';
import { cellAnalysis } from '../../lib/time/testCells';
import { benchDate } from './generate';
import { resampledAnalyses, sqlVsJs } from './timeCellsBench';

describe('resampledAnalyses', () => {
  const pool = [cellAnalysis('x', [['is', 'isis']]), cellAnalysis('y', [])];
  test.each([
    [1, 1],
    [500, 3],
  ])('%i articles on %i outlets: each from the pool, on a bench outlet and date', (n, outlets) => {
    const out = resampledAnalyses(pool, n, outlets, 7);
    expect(out).toHaveLength(n);
    const ids = new Set(out.map((a) => a.analysis.outlet));
    expect(ids.size).toBeLessThanOrEqual(outlets);
    for (const id of ids) expect(id).toMatch(/^bench-\d\d$/);
    out.forEach((a, i) => {
      expect(a.date).toBe(benchDate(7, i));
      expect(pool.some((p) => p.mentions === a.analysis.mentions)).toBe(true);
    });
  });

  test('the same seed gives the same articles; an empty pool is refused', () => {
    expect(resampledAnalyses(pool, 50, 4, 3)).toEqual(resampledAnalyses(pool, 50, 4, 3));
    expect(() => resampledAnalyses([], 5, 2, 1)).toThrow(/needs a pool of at least one analysis/);
  });
});

describe('sqlVsJs', () => {
  test.each([
    // Medians by hand: [1, 2, 9] -> 2 and [1, 1, 4] -> 1 (nearest rank), ratio 2 / 1 = 2.
    [[9, 1, 2], [1, 4, 1], { sqlMedianMs: 2, jsMedianMs: 1, ratio: 2 }],
    // [3] -> 3 and [6] -> 6, ratio 0.5.
    [[3], [6], { sqlMedianMs: 3, jsMedianMs: 6, ratio: 0.5 }],
    // JS took no time: no ratio.
    [[3], [0], { sqlMedianMs: 3, jsMedianMs: 0, ratio: null }],
  ])('%o vs %o', (sql, js, expected) => {
    expect(sqlVsJs(sql, js)).toEqual(expected);
  });

  test('no timings is an error', () => {
    expect(() => sqlVsJs([], [1])).toThrow(/at least one timing/);
  });
});
