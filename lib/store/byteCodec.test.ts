import { describe, expect, test } from 'vitest';
import { ByteReader, ByteWriter, fields, ratioOf, ShapeError, StringTable } from './byteCodec';

describe('varints', () => {
  // Byte counts worked by hand: 7 bits per byte, so 127 takes 1, 128 takes 2, 2^31 takes 5 (32 bits), 2^53 - 1 takes 8.
  test.each([
    [0, 1],
    [127, 1],
    [128, 2],
    [2 ** 31 - 1, 5],
    [2 ** 31, 5],
    [2 ** 40 + 3, 6],
    [Number.MAX_SAFE_INTEGER, 8],
  ])('%d reads back in %i bytes', (v, size) => {
    const w = new ByteWriter();
    w.uint(v);
    expect(w.n).toBe(size);
    expect(new ByteReader(w.bytes()).uint()).toBe(v);
  });

  test.each([[0], [-1], [1], [-(2 ** 31) - 7], [2 ** 33], [-(2 ** 51)]])('zigzag %d reads back', (v) => {
    const w = new ByteWriter();
    w.int(v);
    expect(new ByteReader(w.bytes()).int()).toBe(v);
  });

  test.each([
    ['a negative number', -1],
    ['a fraction', 1.5],
    ['past 2^53', 2 ** 53],
    ['NaN', NaN],
    ['a string', '7' as unknown as number],
  ])('%s is not a whole number of 0 or more: a ShapeError', (_, v) => {
    expect(() => new ByteWriter().uint(v)).toThrow(ShapeError);
  });
});

describe('ratios', () => {
  // k/n found for what is k/n (worked by hand), exactly the same float; others are stored as float64.
  test.each([
    [0, [0, 1]],
    [1, [1, 1]],
    [1 / 3, [1, 3]],
    [2 / 7, [2, 7]],
    [17 / 19, [17, 19]],
    [999 / 1000, [999, 1000]],
    [12345 / 65521, [12345, 65521]],
    [Math.PI / 4, null],
    [NaN, null],
    [-0, null],
    [-0.5, null],
  ])('%d', (x, want) => {
    const r = ratioOf(x);
    expect(r).toEqual(want);
    if (r) expect(Object.is(r[0] / r[1], x)).toBe(true);
  });

  test.each([[0], [1], [1 / 3], [0.1 + 0.2], [Math.PI / 4], [5e-324], [null]])('%d reads back as itself', (x) => {
    const w = new ByteWriter();
    w.ratio(x, true);
    expect(Object.is(new ByteReader(w.bytes()).ratio(true), x)).toBe(true);
  });

  test('every k/n with n up to 300 reads back as the very same number', () => {
    let misses = 0;
    for (let n = 1; n <= 300; n++)
      for (let k = 0; k <= n; k++) {
        const w = new ByteWriter();
        w.ratio(k / n);
        if (!Object.is(new ByteReader(w.bytes()).ratio(), k / n)) misses++;
      }
    expect(misses).toBe(0);
  });
});

describe('string tables', () => {
  const roundTrip = (list: string[]) => {
    const t = new StringTable();
    const body = new ByteWriter(t);
    for (const s of list) body.text(s);
    const head = new ByteWriter();
    t.writeTo(head);
    const r = new ByteReader(Buffer.concat([head.bytes(), body.bytes()]));
    r.readStrings();
    const out = list.map(() => r.text());
    r.done();
    return { out, table: r.strings!.length };
  };

  test.each([
    ['ASCII, repeated', ['a', 'b', 'a', 'a'], 2],
    ['non-ASCII ids and outlets', ['الجزيرة-1', 'Le Monde — édition', '新华社', '🛰️ wire'], 4],
    ['a lone surrogate (not UTF-8)', ['\ud800x', 'x\udfff', 'ok'], 3],
    ['the empty string', ['', 'a', ''], 2],
    ['300 distinct strings (past one byte of index)', Array.from({ length: 300 }, (_, i) => `id-${i}`), 300],
  ])('%s: read back, one entry per distinct string', (_, list, distinct) => {
    const { out, table } = roundTrip(list);
    expect(out).toEqual(list);
    expect(table).toBe(distinct);
  });
});

describe('reading cut-short bytes', () => {
  const w = new ByteWriter();
  w.uint(300);
  w.float64(0.25);
  const bytes = w.bytes();
  test.each([
    ['in a number', 1, (r: ByteReader) => r.uint(), /in the middle of a number/],
    ['in a float', 5, (r: ByteReader) => (r.uint(), r.float64()), /in the middle of a float/],
    ['a list longer than the bytes left', 2, (r: ByteReader) => r.count(), /says 300 items/],
  ])('%s: a clear error', (_, cut, read, message) => {
    expect(() => read(new ByteReader(bytes.subarray(0, cut)))).toThrow(message);
  });

  test('bytes left over are refused', () => {
    const r = new ByteReader(bytes);
    r.uint();
    expect(() => r.done()).toThrow('8 bytes follow where it should end');
  });
});

describe('fields', () => {
  test.each([
    ['the right count', { a: 1, b: 2 }, 2, true],
    ['one more', { a: 1, b: 2, c: 3 }, 2, false],
    ['a list', [1, 2], 2, false],
    ['null', null, 0, false],
  ])('%s', (_, x, n, ok) => {
    if (ok) expect(() => fields(x, n, 'x')).not.toThrow();
    else expect(() => fields(x, n, 'x')).toThrow(ShapeError);
  });
});
