import { describe, expect, test } from 'vitest';
import { closestPair, deltaE, linearToLab, simulate, type Vision } from './cvd';

describe('CIELAB', () => {
  // Reference values from the CIE formulas (D65), as published e.g. by Bruce Lindbloom's calculator.
  test.each([
    ['white', [1, 1, 1], [100, 0, 0]],
    ['black', [0, 0, 0], [0, 0, 0]],
    ['sRGB red', [1, 0, 0], [53.24, 80.09, 67.2]],
    ['sRGB green', [0, 1, 0], [87.73, -86.18, 83.18]],
  ] as [string, [number, number, number], number[]][])('%s', (_name, lin, lab) => {
    const got = linearToLab(lin);
    lab.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 0));
  });
});

describe('CVD simulation', () => {
  // Each Machado matrix's rows sum to 1, so greys are seen as themselves.
  test.each(['protanopia', 'deuteranopia', 'tritanopia'] as Vision[])('%s keeps greys', (v) => {
    const [r, g, b] = simulate('#808080', v);
    expect(Math.abs(r - g)).toBeLessThan(1e-3);
    expect(Math.abs(g - b)).toBeLessThan(1e-3);
  });
  test.each([
    // Red and green, the classic confusion pair: far apart normally, close without L- or M-cones.
    ['normal', 60, Infinity],
    ['deuteranopia', 0, 40],
    ['protanopia', 0, 40],
  ] as [Vision, number, number][])('red vs green under %s', (v, lo, hi) => {
    const d = deltaE('#d62728', '#2ca02c', v);
    expect(d).toBeGreaterThan(lo);
    expect(d).toBeLessThan(hi);
  });
  test('closestPair names the nearest pair', () => {
    const r = closestPair(['#000000', '#ffffff', '#fefefe'], 'normal');
    expect(r.pair).toEqual(['#ffffff', '#fefefe']);
    expect(r.distance).toBeLessThan(1);
  });
});
