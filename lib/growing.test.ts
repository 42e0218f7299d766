import { describe, expect, test } from 'vitest';
import { growingF64, growingI32, growingU32 } from './growing';

describe('Growing', () => {
  test.each([
    ['uint32, room 1', () => growingU32(1), [0, 1, 2, 4294967295, 7], Uint32Array],
    ['int32, room 16', () => growingI32(), [-5, 0, 2147483647, -2147483648], Int32Array],
    [
      'float64, room 2, past its room several times',
      () => growingF64(2),
      [0.5, -1, 1e300, 3, 4, 5, 6, 7, 8],
      Float64Array,
    ],
    ['nothing pushed', () => growingU32(4), [], Uint32Array],
  ])('%s: done() holds what was pushed, in order, in its kind', (_name, make, xs, kind) => {
    const g = make();
    for (const x of xs) g.push(x);
    const out = g.done();
    expect(out).toBeInstanceOf(kind);
    expect([...out]).toEqual(xs);
    expect(g.length).toBe(xs.length);
  });

  test.each([
    [0, 3, 13],
    [2, -1, 1],
  ])('add(%i, %i) changes only that number', (i, by, want) => {
    const g = growingI32(1);
    [10, 20, 2].forEach((x) => g.push(x));
    g.add(i, by);
    expect(g.at(i)).toBe(want);
    expect([...g.done()].filter((_, k) => k !== i)).toEqual([10, 20, 2].filter((_, k) => k !== i));
  });

  test.each([[-1], [3]])('add at %i (outside the list) is refused', (i) => {
    const g = growingU32();
    [1, 2, 3].forEach((x) => g.push(x));
    expect(() => g.add(i, 1)).toThrow(`growing list: position ${i} of 3`);
    expect(g.at(i)).toBeUndefined();
  });
});
