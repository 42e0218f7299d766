import { describe, expect, test } from 'vitest';
import { linearX, niceStep, rowLayout, sharedAxis, symmetricTicks, tickLabel } from './plot';

describe('niceStep', () => {
  test.each([
    [0.3, 0.5],
    [1, 1],
    [1.2, 2],
    [2.2, 2.5],
    [24, 25],
    [26, 50],
    [2.0000000001, 2],
  ])('%d -> %d', (raw, step) => expect(niceStep(raw)).toBe(step));
  test('zero is refused', () => expect(() => niceStep(0)).toThrow(/not a positive finite/));
});

describe('symmetricTicks', () => {
  test.each([
    // The FA-KES axis (|z| up to 48) showed −48, −23, 2.00, 27, 48: now round and 0 labelled.
    [48, [-50, -25, 0, 25, 50]],
    [1, [-1, -0.5, 0, 0.5, 1]],
    [3, [-3, -2, -1, 0, 1, 2, 3]],
    [4, [-4, -2, 0, 2, 4]],
    [62.18, [-75, -50, -25, 0, 25, 50, 75]],
  ])('±%d', (m, ticks) => {
    expect(symmetricTicks(m)).toEqual(ticks);
  });
});

describe('tickLabel', () => {
  test.each([
    [0, 25, '0'],
    [-25, 25, '−25'],
    [0.5, 0.5, '0.5'],
    [-1, 0.5, '−1'],
    [2.5, 2.5, '2.5'],
  ])('%d with step %d', (v, step, text) => expect(tickLabel(v, step)).toBe(text));
});

describe('sharedAxis', () => {
  test.each([
    ['all small: at least ±3', [0.5, -1.2], 3, false],
    ['even spread: wide enough for all', [10, -12, 9], 15, false],
    // 62 is more than twice 14: the axis stops near 14 and the 62 bar is clipped with its value printed.
    ['one huge bar is clipped', [62.18, 14.35, -3], 15, true],
    ['two huge bars keep the scale', [62, 50], 75, false],
    ['no values', [], 3, false],
  ])('%s', (_name, values, max, clipped) => {
    const a = sharedAxis(values as number[]);
    expect(a.max).toBe(max);
    expect(a.clipped).toBe(clipped);
    expect(a.ticks).toContain(0);
  });
});

describe('rowLayout', () => {
  test.each([
    // 30 characters are 12 + 6.6*30 = 210 px: beside the plot at 640 px (430 px plot), above it at 340 px.
    [640, 30, false, 210, 414],
    [340, 30, true, 332, 316],
  ])('width %i, %i chars', (w, chars, stacked, labelWidth, plotWidth) => {
    const l = rowLayout(w, chars);
    expect(l.stacked).toBe(stacked);
    expect(l.labelWidth).toBe(labelWidth);
    expect(l.plotWidth).toBe(plotWidth);
  });
});

describe('linearX', () => {
  const x = linearX(2, 100, 400);
  test.each([
    [-2, 100],
    [0, 300],
    [1, 400],
    [5, 500],
  ])('%d -> %d (clamped at the edge)', (v, px) => expect(x(v)).toBe(px));
});
