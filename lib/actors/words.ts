import { isLetterOrDigitUnit } from '../text/charClass';

/** One word of a sentence, with its offsets in the article text. */
export interface WordToken {
  start: number;
  end: number;
  text: string;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

// Length in UTF-16 units of the letter or digit at i (0 if none); only surrogate pairs need a regex.
function wordLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c >= 0xe000) return isLetterOrDigitUnit(c) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && SPACE.test(String.fromCharCode(c)));
}

function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

/**
 * The words of text[start, end) as attribution reads them: a letter or digit, then letters, digits, apostrophes
 * and periods, with hyphens (one space before a hyphen still joins: "USA -backed") when a letter or digit follows.
 * The same words as the Unicode regex in words.test.ts over the slice, found by one
 * character loop (words.test.ts checks both on every sentence of the bundled corpora).
 */
export function sentenceTokens(text: string, start: number, end: number): WordToken[] {
  const out: WordToken[] = [];
  let i = start;
  while (i < end) {
    const first = wordLength(text, i);
    if (first === 0 || i + first > end) {
      i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) < 0xdc00 && i + 1 < end ? 2 : 1;
      continue;
    }
    const from = i;
    i += first;
    for (;;) {
      if (i >= end) break;
      const c = text.charCodeAt(i);
      if (c === 39 || c === 0x2019 || c === 46) {
        i++;
        continue;
      }
      const n = wordLength(text, i);
      if (n > 0 && i + n <= end) {
        i += n;
        continue;
      }
      const j = isSpace(c) ? i + 1 : i;
      if (j < end && isHyphen(text.charCodeAt(j)) && j + 1 < end) {
        const after = wordLength(text, j + 1);
        if (after > 0 && j + 1 + after <= end) {
          i = j + 1;
          continue;
        }
      }
      break;
    }
    out.push({ start: from, end: i, text: text.slice(from, i) });
  }
  return out;
}
