import SentenceTokenizer from 'natural/lib/natural/tokenizers/sentence_tokenizer.js';
import type { Span } from './quotes';

/** Abbreviations whose period does not end a sentence (natural splits on every period otherwise). */
export const ABBREVIATIONS = [
  'U.S.', 'U.K.', 'U.N.', 'E.U.', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Gen.', 'Lt.', 'Col.', 'Maj.', 'Capt.', 'Sgt.',
  'Rep.', 'Sen.', 'Gov.', 'Pres.', 'St.', 'Jr.', 'Sr.', 'Jan.', 'Feb.', 'Mar.', 'Apr.', 'Aug.', 'Sept.', 'Sep.',
  'Oct.', 'Nov.', 'Dec.', 'No.', 'vs.', 'etc.', 'i.e.', 'e.g.', 'H.R.', 'D.C.',
];

const tokenizer = new SentenceTokenizer(ABBREVIATIONS, false);

/** Splits a paragraph into sentence spans with natural's SentenceTokenizer (offsets plus `base`); a lowercase start continues the previous sentence. */
export function sentenceSpans(paragraph: string, base = 0): Span[] {
  if (paragraph.trim() === '') return [];
  const parts = tokenizer.tokenize(paragraph);
  const out: Span[] = [];
  let cursor = 0;
  for (const part of parts) {
    // natural drops empty pieces but keeps every character otherwise; indexOf guards against drift.
    const at = paragraph.indexOf(part, cursor);
    if (at < 0) continue;
    let start = at;
    let end = at + part.length;
    while (start < end && /\s/.test(paragraph[start])) start++;
    while (end > start && /\s/.test(paragraph[end - 1])) end--;
    const last = out[out.length - 1];
    // natural splits after an ellipsis even when the sentence goes on in lowercase ("Turkey... to stay").
    if (end > start && last && /^[a-z]/.test(paragraph[start])) last.end = base + end;
    else if (end > start) out.push({ start: base + start, end: base + end });
    cursor = at + part.length;
  }
  return out;
}
