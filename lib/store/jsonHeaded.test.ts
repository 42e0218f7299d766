import { describe, expect, test } from 'vitest';
import { decodeJsonHeaded, encodeJsonHeaded } from './jsonHeaded';

const bad = (why: string) => new Error(`bad: ${why}`);

describe('encodeJsonHeaded', () => {
  test.each([
    // {"a":1} is 7 bytes: padded with one space to 8 when asked, left at 7 when not; then the u32 7 as 4 bytes.
    [true, 8, '{"a":1} '],
    [false, 7, '{"a":1}'],
  ])('pad %s: a header of %i bytes, then the arrays', (pad, size, json) => {
    const out = Buffer.from(encodeJsonHeaded('TEST', { a: 1 }, [Uint32Array.of(7)], pad));
    expect(out.toString('latin1', 0, 4)).toBe('TEST');
    expect(out.readUInt32LE(4)).toBe(size);
    expect(out.toString('utf8', 8, 8 + size)).toBe(json);
    expect(out.readUInt32LE(8 + size)).toBe(7);
    expect(out.length).toBe(8 + size + 4);
  });
});

describe('decodeJsonHeaded', () => {
  test('gives back the header and where the arrays start', () => {
    const bytes = encodeJsonHeaded('TEST', { ids: ['x'] }, [Uint8Array.of(1, 2)], false);
    const { header, buf, after } = decodeJsonHeaded(bytes, 'TEST', bad);
    expect(header).toEqual({ ids: ['x'] });
    expect([...buf.subarray(after)]).toEqual([1, 2]);
  });

  const good = Buffer.from(encodeJsonHeaded('TEST', { a: 1 }, []));
  test.each([
    ['another tag', Buffer.from(encodeJsonHeaded('NOPE', { a: 1 }, [])), 'it does not start with TEST'],
    ['four bytes', good.subarray(0, 4), 'it does not start with TEST'],
    ['a header cut short', good.subarray(0, 10), 'its header is cut short'],
    [
      'a header that is not JSON',
      Buffer.concat([good.subarray(0, 8), Buffer.from('{"a":   ')]),
      'its header is not JSON',
    ],
  ])('%s is refused', (_name, bytes, why) => {
    expect(() => decodeJsonHeaded(bytes, 'TEST', bad)).toThrow(`bad: ${why}`);
  });
});
