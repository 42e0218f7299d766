// Every hot text pass asks "is this UTF-16 unit a letter or digit?" per character. A 64 KB table answers it
// without a Unicode regex call; surrogate halves are not letters on their own.
const LETTER_OR_DIGIT = new Uint8Array(0x10000);
{
  const re = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 0x10000; c++) if (re.test(String.fromCharCode(c))) LETTER_OR_DIGIT[c] = 1;
}

/** Whether a UTF-16 code unit is a letter or digit (\p{L} or \p{N}); surrogate halves are not. */
export function isLetterOrDigitUnit(code: number): boolean {
  return LETTER_OR_DIGIT[code] === 1;
}
