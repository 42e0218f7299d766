import { insideSpan, type Span } from './quotes';

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Counts word tokens (letter/digit runs joined by inner apostrophes) in text[start, end), all and outside quotes. */
export function countTokens(text: string, start: number, end: number, quotes: Span[]): { all: number; own: number } {
  const re = new RegExp(TOKEN.source, 'gu');
  const slice = text.slice(start, end);
  let all = 0;
  let own = 0;
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    all++;
    if (!insideSpan(quotes, start + m.index)) own++;
  }
  return { all, own };
}
