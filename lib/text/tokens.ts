import { isLetterOrDigitUnit } from './charClass';
import type { Span } from './quotes';

// Surrogate halves are tested alone, so letters outside the BMP do not count (none occur in news text).
const isWord = isLetterOrDigitUnit;

/**
 * Counts word tokens (letter/digit runs joined by inner apostrophes) in text[start, end), all and outside quotes.
 * One character loop rather than a Unicode regex: this runs over every byte of the corpus.
 */
export function countTokens(text: string, start: number, end: number, quotes: Span[]): { all: number; own: number } {
  let all = 0;
  let own = 0;
  let q = 0;
  let i = start;
  while (i < end) {
    if (!isWord(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const at = i;
    all++;
    // Quotes are sorted and disjoint and token starts only grow, so one pointer walks them.
    while (q < quotes.length && quotes[q].end <= at) q++;
    if (!(q < quotes.length && at > quotes[q].start && at < quotes[q].end)) own++;
    for (;;) {
      while (i < end && isWord(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      if (i + 1 < end && (c === 39 || c === 0x2019) && isWord(text.charCodeAt(i + 1))) i++;
      else break;
    }
  }
  return { all, own };
}
