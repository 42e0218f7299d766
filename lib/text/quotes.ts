/** A half-open character range [start, end). */
export interface Span {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]/u;
const OPENER_BEFORE = /[\s([{"“—–-]/u;

/**
 * Finds quotation spans (marks included): straight or curly double quotes, and single quotes that
 * open before a word and close after one, so apostrophes ("Syria’s", "Workers’") are not quotes.
 * A double quote left open runs to the end of its paragraph, as in multi-paragraph quotations.
 * Spans come sorted and may nest; mergeSpans flattens them for voice tests.
 */
export function quoteSpans(text: string): Span[] {
  const spans: Span[] = [];
  let dbl = -1;
  let sgl = -1;
  const endParagraph = (at: number) => {
    if (dbl >= 0) spans.push({ start: dbl, end: at });
    dbl = -1;
    sgl = -1;
  };
  // Only quote marks and paragraph breaks matter: jump from one to the next instead of testing every character.
  const marks = /\n\n|["“”'‘’]/g;
  for (let m = marks.exec(text); m !== null; m = marks.exec(text)) {
    const i = m.index;
    const ch = text[i];
    const prev = i > 0 ? text[i - 1] : ' ';
    const next = i + 1 < text.length ? text[i + 1] : ' ';
    if (ch === '\n') {
      endParagraph(i);
      continue;
    }
    if (ch === '"') {
      if (dbl < 0) {
        if (!/\s/.test(next)) dbl = i;
      } else {
        spans.push({ start: dbl, end: i + 1 });
        dbl = -1;
      }
    } else if (ch === '“') {
      if (dbl < 0) dbl = i;
    } else if (ch === '”') {
      if (dbl >= 0) {
        spans.push({ start: dbl, end: i + 1 });
        dbl = -1;
      }
    } else if (ch === "'" || ch === '‘' || ch === '’') {
      const opens = ch !== '’' && sgl < 0 && OPENER_BEFORE.test(prev) && WORD.test(next);
      const closes = ch !== '‘' && sgl >= 0 && !/\s/.test(prev) && !WORD.test(next);
      if (opens) sgl = i;
      else if (closes) {
        spans.push({ start: sgl, end: i + 1 });
        sgl = -1;
      }
    }
  }
  endParagraph(text.length);
  return spans.sort((a, b) => a.start - b.start);
}

/** Sorts spans and merges those that overlap (a single-quoted phrase inside a double-quoted one). */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** True when position lies strictly inside one of the sorted, non-overlapping spans. */
export function insideSpan(spans: Span[], position: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (position < s.start) hi = mid - 1;
    else if (position >= s.end) lo = mid + 1;
    else return position > s.start;
  }
  return false;
}
