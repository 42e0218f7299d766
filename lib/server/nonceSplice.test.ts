import { randomBytes } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { adler32, adler32Combine, deflatedWithNonce, splicePage, withNonce } from './nonceSplice';

const N1 = 'dUYAFheY4lxT9+bkljBuHQ==';
const N2 = 'Q2hhbmdlZCBub25jZSEhIQ==';

describe('Adler-32', () => {
  test.each([
    // RFC 1950 test values, also zlib.adler32's.
    ['', 0x00000001],
    ['a', 0x00620062],
    ['abc', 0x024d0127],
    ['Wikipedia', 0x11e60398],
  ])('adler32(%j) = %i', (s, expected) => expect(adler32(Buffer.from(s))).toBe(expected));

  test('combining two checksums equals the checksum of both buffers, at every split of long text', () => {
    const text = randomBytes(20_000);
    for (const at of [0, 1, 5552, 5553, 12_345, 19_999, 20_000]) {
      const a = text.subarray(0, at);
      const b = text.subarray(at);
      expect(adler32Combine(adler32(a), adler32(b), b.length)).toBe(adler32(text));
    }
  });
});

describe('a cached page with a fresh nonce per answer', () => {
  const page = (nonces: number) => {
    const parts = ['<!doctype html><html><head>'];
    for (let i = 0; i < nonces; i++)
      parts.push(`<script nonce="${N1}">self.__next_f.push([${i},"${'x'.repeat(i * 37)}"])</script>`);
    parts.push(`<p>${'A chart of what outlets call the Islamic State. '.repeat(500)}</p></html>`);
    return Buffer.from(parts.join(''));
  };

  test.each([0, 1, 2, 60])('%i occurrences: inflating the spliced stream gives the page with the new nonce', (n) => {
    const body = page(n);
    const spliced = splicePage(body, N1);
    expect(spliced.pieces).toHaveLength(n + 1);
    const expected = body.toString().split(N1).join(N2);
    expect(withNonce(spliced, N2).toString()).toBe(expected);
    // inflateSync checks the zlib header and the Adler-32 trailer: a wrong checksum throws.
    expect(inflateSync(deflatedWithNonce(spliced, N2)).toString()).toBe(expected);
    expect(inflateSync(deflatedWithNonce(spliced, N1))).toEqual(body);
  });

  test('a nonce at the very start and end of the page', () => {
    const body = Buffer.from(`${N1}middle${N1}`);
    const spliced = splicePage(body, N1);
    expect(inflateSync(deflatedWithNonce(spliced, N2)).toString()).toBe(`${N2}middle${N2}`);
  });

  test('the compressed answer is far smaller than the page', () => {
    const body = page(60);
    expect(deflatedWithNonce(splicePage(body, N1), N2).length).toBeLessThan(body.length / 5);
  });
});
