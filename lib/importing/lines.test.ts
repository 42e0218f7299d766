import { describe, expect, test } from 'vitest';
import { byteLineSplitter, joinLines } from './lines';

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const bytes = (...xs: number[]) => new Uint8Array(xs);
const cat = (...xs: Uint8Array[]) => new Uint8Array(Buffer.concat(xs));
// A line as its text (the bytes decoded, to compare), or null and its first bad byte.
type Line = { text: string | null; badAt: number | null };
const ok = (text: string): Line => ({ text, badAt: null });
const bad = (badAt: number): Line => ({ text: null, badAt });

// Feeds the bytes in pieces of `size` (so lines and characters are cut across chunks) and collects every line.
function lines(input: Uint8Array, size: number): Line[] {
  const s = byteLineSplitter();
  const out = [];
  for (let i = 0; i < input.length; i += size) out.push(...s.push(input.subarray(i, i + size)));
  return [...out, ...s.flush()].map((l) => ({
    text: l.bytes === null ? null : Buffer.from(l.bytes).toString('utf8'),
    badAt: l.badAt,
  }));
}

describe('byteLineSplitter', () => {
  test.each([
    ['two lines, LF', enc('{"a":1}\n{"b":2}\n'), [ok('{"a":1}'), ok('{"b":2}')]],
    ['CRLF, and a last line without a newline', enc('x\r\ny'), [ok('x'), ok('y')]],
    ['an empty line kept (numbering stays right)', enc('a\n\nb\n'), [ok('a'), ok(''), ok('b')]],
    ['nothing', enc(''), []],
    ['multi-byte characters', enc('Ḥalab — حلب\n'), [ok('Ḥalab — حلب')]],
    // Decoding a line drops one leading byte-order mark (the lines were decoded one by one before): the bytes do too.
    [
      'a byte-order mark at the start of lines',
      enc('\ufeffa\r\n\ufeff\ufeffb\nc\ufeff\n'),
      [ok('a'), ok('\ufeffb'), ok('c\ufeff')],
    ],
    // Latin-1 "é" (0xE9) alone at offset 2 of the second line: rejected, the lines around it kept.
    ['a Latin-1 byte', cat(enc('ok\n'), enc('ca'), bytes(0xe9), enc('\nnext\n')), [ok('ok'), bad(2), ok('next')]],
    ['a cut-short sequence at the end of a line', cat(enc('ab'), bytes(0xe2, 0x80), enc('\n')), [bad(2)]],
  ])('%s', (_, input, expected) => {
    for (const size of [1, 2, 3, 7, 1 << 16]) expect(lines(input, size)).toEqual(expected);
  });

  // Linear: one line of 10× and 100× the length fed one byte at a time is still one line (a quadratic rejoin of the
  // pieces would show as time, which tests do not assert; this checks the result at those sizes).
  test.each([1_000, 10_000, 100_000])('a %i-byte line fed in 1,000-byte pieces', (n) => {
    const input = cat(enc('x'.repeat(n)), enc('\n'));
    expect(lines(input, 1_000)).toEqual([ok('x'.repeat(n))]);
  });
});

describe('joinLines', () => {
  test.each([
    ['none', [], ''],
    ['one', ['a'], 'a'],
    ['three, one empty', ['{"a":1}', '', 'é'], '{"a":1}\n\né'],
  ])('%s', (_, parts, joined) => {
    expect(joinLines(parts.map(enc)).toString('utf8')).toBe(joined);
  });
});
