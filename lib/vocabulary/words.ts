import { isLetterOrDigitUnit } from '../text/charClass';
import type { Span } from '../text/quotes';

/**
 * The word scanner shared by vocabulary counting and term search: one character loop over a text range, so both stay
 * linear in the text. A word is a run of letters/digits joined by inner apostrophes or inner hyphens ("al-Nusra",
 * "don't"), and single letters joined by dots are one abbreviation ("U.S."); URLs (http://…, https://…, www.…) are
 * skipped whole.
 */

/** One word as the scanner finds it: its span, and whether only white space separates it from the previous word. */
export interface Word {
  start: number;
  end: number;
  /** True when the previous word (in the same range) is followed by white space only; punctuation or a URL breaks it. */
  joined: boolean;
}

const isWord = isLetterOrDigitUnit;

/** Whether a UTF-16 unit is white space (ASCII, no-break and the Unicode spaces news text uses). */
export function isSpaceUnit(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

// Whether text[i..] starts with the lowercase ASCII `head`, ignoring ASCII case: char codes, no substring (this runs on
// every word starting with h or w, a tenth of the corpus's words).
function startsWithFolded(text: string, i: number, head: string): boolean {
  if (i + head.length > text.length) return false;
  for (let k = 0; k < head.length; k++) {
    const c = text.charCodeAt(i + k);
    // Only letters fold: "HTTP://" is a URL, but '/' | 32 is '/' and ':' | 32 is ':' already.
    if ((c >= 65 && c <= 90 ? c | 32 : c) !== head.charCodeAt(k)) return false;
  }
  return true;
}

function urlAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i) | 32;
  if (c === 104 /* h */) return startsWithFolded(text, i, 'http://') || startsWithFolded(text, i, 'https://');
  return c === 119 /* w */ && startsWithFolded(text, i, 'www.');
}

/** Word spans as a scan leaves them in a reused buffer: word k's start, end and joined flag (1 or 0) at 3k..3k+2. */
export class WordSpans {
  spans: Int32Array;
  count = 0;
  constructor(words = 256) {
    this.spans = new Int32Array(words * 3);
  }
}

/**
 * Calls visit(start, end, joined) for each word of text[start, end) in order (see Word; three arguments rather than an
 * object, as this runs on every word of the corpus); words whose start lies inside a skip span are not visited.
 */
export function scanWords(
  text: string,
  start: number,
  end: number,
  visit: (start: number, end: number, joined: boolean) => void,
  skip: readonly Span[] = [],
): void {
  // A buffer per call: a visit may scan again (nested scans must not share one).
  const out = scanWordsInto(text, start, end, skip, new WordSpans(32));
  for (let k = 0; k < out.count; k++) visit(out.spans[k * 3], out.spans[k * 3 + 1], out.spans[k * 3 + 2] === 1);
}

/**
 * The words of text[start, end) written into `out` (see WordSpans; reused from call to call, widened when full), words
 * starting inside a skip span left out: the scan counting runs on every sentence of the corpus, with no call per word.
 */
export function scanWordsInto(
  text: string,
  start: number,
  end: number,
  skip: readonly Span[],
  out: WordSpans,
): WordSpans {
  let spans = out.spans;
  let count = 0;
  let joined = false;
  let sawWord = false;
  let q = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpaceUnit(c)) {
      i++;
      continue;
    }
    if (!isWord(c)) {
      joined = false;
      i++;
      continue;
    }
    if (urlAt(text, i)) {
      while (i < end && !isSpaceUnit(text.charCodeAt(i))) i++;
      joined = false;
      continue;
    }
    const at = i;
    for (;;) {
      // ASCII letters by range before the table: most characters of a word are, and the test needs no memory.
      while (i < end) {
        const w = text.charCodeAt(i);
        if (((w | 32) - 97) >>> 0 < 26 || isWord(w)) i++;
        else break;
      }
      const d = text.charCodeAt(i);
      // An apostrophe or hyphen between two letters/digits joins them into one word.
      if (i + 1 < end && (d === 39 || d === 0x2019 || d === 45) && isWord(text.charCodeAt(i + 1))) i++;
      else break;
    }
    // Single letters joined by dots are one abbreviation ("U.S.", "U.N."), its final dot included.
    if (i - at === 1 && text.charCodeAt(i) === 46 && i + 2 <= end && isWord(text.charCodeAt(i + 1))) {
      let k = i;
      while (
        k + 1 < end &&
        text.charCodeAt(k) === 46 &&
        isWord(text.charCodeAt(k + 1)) &&
        !isWord(text.charCodeAt(k + 2))
      )
        k += 2;
      if (k > i) i = k < end && text.charCodeAt(k) === 46 ? k + 1 : k;
    }
    // Skip spans are sorted and disjoint and words only move right, so one pointer walks them.
    while (q < skip.length && skip[q].end <= at) q++;
    if (q < skip.length && at > skip[q].start && at < skip[q].end) {
      joined = false;
      continue;
    }
    if (count * 3 + 3 > spans.length) {
      const wider = new Int32Array(spans.length * 2);
      wider.set(spans);
      spans = out.spans = wider;
    }
    spans[count * 3] = at;
    spans[count * 3 + 1] = i;
    spans[count * 3 + 2] = joined && sawWord ? 1 : 0;
    count++;
    sawWord = true;
    joined = true;
  }
  out.count = count;
  return out;
}
