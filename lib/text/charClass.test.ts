import { describe, expect, test } from 'vitest';
import { isLetterOrDigitUnit } from './charClass';

describe('isLetterOrDigitUnit', () => {
  test.each([
    ['a', true],
    ['Z', true],
    ['7', true],
    ['ğ', true],
    ['İ', true],
    ['٣', true],
    ['中', true],
    [' ', false],
    ['-', false],
    ['’', false],
    ['.', false],
    ['\u00a0', false],
    ['\ud835', false],
    ['\udc00', false],
  ])('%s → %s', (ch, expected) => {
    expect(isLetterOrDigitUnit(ch.charCodeAt(0))).toBe(expected);
  });

  test('agrees with the Unicode regex on every code unit', () => {
    const re = /[\p{L}\p{N}]/u;
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isLetterOrDigitUnit(c) !== re.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});
