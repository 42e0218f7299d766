import { describe, expect, test } from 'vitest';
import { closestPair, deltaE, type Vision } from './cvd';
import { CATEGORICAL, DIVERGING, contrast, evidenceWeight, signedColor, textOn, variantColor } from './palette';

const VISIONS: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

describe('categorical colours for variants', () => {
  // The largest term group (armed groups) has 9 variants; all 9 must stay apart with each kind of dichromacy.
  test.each(VISIONS)('9 variant colours at least ΔE 15 apart under %s', (v) => {
    expect(closestPair(CATEGORICAL.slice(0, 9), v).distance).toBeGreaterThan(15);
  });
  test.each([
    [0, '#332288'],
    [8, '#aa4499'],
    [9, '#332288'],
  ])('variant %i gets %s', (i, c) => expect(variantColor(i)).toBe(c));
  test('a negative index is refused', () => expect(() => variantColor(-1)).toThrow(/not a variant position/));
});

describe('diverging colours for signed values', () => {
  test.each(VISIONS)('negative and positive ends at least ΔE 50 apart under %s', (v) => {
    expect(deltaE(DIVERGING.negative, DIVERGING.positive, v)).toBeGreaterThan(50);
    expect(deltaE(DIVERGING.paleNegative, DIVERGING.palePositive, v)).toBeGreaterThan(15);
  });
  test.each([
    [-0.5, true, DIVERGING.negative],
    [0, true, DIVERGING.positive],
    [2, false, DIVERGING.palePositive],
    [-2, false, DIVERGING.paleNegative],
  ])('%d (marked %s) is %s', (v, m, c) => expect(signedColor(v, m)).toBe(c));
});

describe('text on fills', () => {
  test.each([...CATEGORICAL, DIVERGING.negative, DIVERGING.positive])('label on %s reaches 4.5:1', (fill) => {
    expect(contrast(fill, textOn(fill))).toBeGreaterThan(4.5);
  });
  // WCAG: black on white is 21:1, equal colours 1:1.
  test.each([
    ['#000000', '#ffffff', 21],
    ['#777777', '#777777', 1],
  ])('contrast(%s, %s) = %d', (a, b, r) => expect(contrast(a, b)).toBeCloseTo(r, 5));
});

describe('evidence weight', () => {
  // n / (n + 4) worked by hand: 1/5, 4/8, 36/40.
  test.each([
    [0, 0],
    [1, 0.2],
    [4, 0.5],
    [36, 0.9],
  ])('n = %i weighs %d', (n, w) => expect(evidenceWeight(n)).toBeCloseTo(w, 10));
  test('a negative count is refused', () => expect(() => evidenceWeight(-1)).toThrow(/not a count/));
});
