import { describe, expect, test } from 'vitest';
import { medianMax, targetOf } from './httpLoad';

describe('targetOf', () => {
  test.each([
    [['a', 'b'], 0, 'a'],
    [['a', 'b'], 1, 'b'],
    [['a', 'b'], 49, 'b'],
    [['a'], 7, 'a'],
  ])('%j, connection %i -> %s', (targets, i, expected) => {
    expect(targetOf(targets, i)).toBe(expected);
  });

  test('50 connections over two servers are 25 each', () => {
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 50; i++) counts[targetOf(['a', 'b'] as const, i)]++;
    expect(counts).toEqual({ a: 25, b: 25 });
  });

  test('no target is an error', () => {
    expect(() => targetOf([], 0)).toThrow(/at least one target/);
  });
});

describe('medianMax', () => {
  test.each([
    [[], null, null],
    [[5], 5, 5],
    // Sorted 1, 3, 10: the middle one is 3.
    [[10, 1, 3], 3, 10],
    // Sorted 1, 2, 4, 100: the mean of 2 and 4.
    [[100, 4, 2, 1], 3, 100],
  ])('%j -> median %s, max %s', (ms, median, max) => {
    expect(medianMax(ms)).toEqual({ medianMs: median, maxMs: max });
  });
});
