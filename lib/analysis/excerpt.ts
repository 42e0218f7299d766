/** Longest sentence, in characters, that a mention row carries whole (FA-KES's longest is 799). */
export const SENTENCE_WHOLE_MAX = 1000;

/** Characters kept on each side of the term when a longer sentence is cut to a window around it. */
export const SENTENCE_CONTEXT = 300;

/** A mention row's sentence text: the whole sentence, or a window of it around the term, and where each lies. */
export interface SentenceExcerpt {
  /** The text: the sentence, or the window of it (so `text.slice(sentenceStart, …)` gives it back). */
  sentence: string;
  /** Offset of `sentence` in the article text. */
  sentenceStart: number;
  /** Offsets of the whole sentence in the article text. */
  sentenceFrom: number;
  sentenceTo: number;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The sentence text a mention row carries. A sentence of up to SENTENCE_WHOLE_MAX characters is carried whole; a longer
 * one is cut to SENTENCE_CONTEXT characters either side of the term, at a space where one lies in that stretch: every
 * mention of a long sentence repeating the whole of it made the export grow with mentions × sentence length, past
 * V8's longest string on a 270 KB one-line article. Each cut scans at most SENTENCE_CONTEXT characters.
 */
export function sentenceExcerpt(
  text: string,
  sentence: { start: number; end: number } | undefined,
  term: { start: number; end: number },
): SentenceExcerpt {
  if (!sentence) return { sentence: '', sentenceStart: term.start, sentenceFrom: term.start, sentenceTo: term.start };
  const { start, end } = sentence;
  if (end - start <= SENTENCE_WHOLE_MAX)
    return { sentence: text.slice(start, end), sentenceStart: start, sentenceFrom: start, sentenceTo: end };
  let from = Math.max(start, term.start - SENTENCE_CONTEXT);
  if (from > start) {
    let i = from;
    while (i < term.start && !isSpace(text.charCodeAt(i))) i++;
    // No space before the term within the window: cut mid-word rather than widen it.
    if (i < term.start) from = i + 1;
    else if (isLowSurrogate(text.charCodeAt(from))) from++;
  }
  let to = Math.min(end, term.end + SENTENCE_CONTEXT);
  if (to < end) {
    let i = to;
    while (i > term.end && !isSpace(text.charCodeAt(i - 1))) i--;
    if (i > term.end) to = i - 1;
    else if (isLowSurrogate(text.charCodeAt(to))) to--;
  }
  return { sentence: text.slice(from, to), sentenceStart: from, sentenceFrom: start, sentenceTo: end };
}
