import SentenceTokenizer from 'natural/lib/natural/tokenizers/sentence_tokenizer.js';
import { describe, expect, test } from 'vitest';
import { articleLayout, paragraphs } from '../corpus/layout';
import { loadCorpus } from '../corpus/load';
import { ABBREVIATIONS, sentenceSpans } from './sentences';
import type { Span } from './quotes';

// The reference: natural's SentenceTokenizer, located back in the paragraph and trimmed as the engine did before.
const natural = new SentenceTokenizer(ABBREVIATIONS, false);
function reference(paragraph: string): Span[] {
  if (paragraph.trim() === '') return [];
  const out: Span[] = [];
  let cursor = 0;
  for (const part of natural.tokenize(paragraph)) {
    const at = paragraph.indexOf(part, cursor);
    if (at < 0) continue;
    let start = at;
    let end = at + part.length;
    while (start < end && /\s/.test(paragraph[start])) start++;
    while (end > start && /\s/.test(paragraph[end - 1])) end--;
    const last = out[out.length - 1];
    if (end > start && last && /^[a-z]/.test(paragraph[start])) last.end = end;
    else if (end > start) out.push({ start, end });
    cursor = at + part.length;
  }
  return out;
}

describe('sentenceSpans splits exactly as natural’s SentenceTokenizer', () => {
  test.each([
    ['a web address', 'See www.presstv.ir/Detail/2016. Then read on.'],
    ['an e-mail address', 'Write to news@voa.gov. They answer.'],
    ['a decimal with thousands', 'It cost $1,234.56 in all. Prices rose.'],
    ['stacked delimiters and a closing quote', 'Really?! "Yes." (Indeed.) Fine…'],
    ['abbreviations inside words, as natural reads them', 'They came first. Then most. The casino. Next.'],
    ['abbreviations in any case', 'MR. Smith and mr. Jones met GEN. Adams. U.s. troops left. They did.'],
    ['overlapping abbreviations (the leftmost wins)', 'Read i.e.g. That one. Then e.u.s. forces. Done.'],
    ['an abbreviation at the start and a lone period', 'Dr. Who? . No. 5 is next.'],
    ['non-ASCII letters that lowercase to ASCII do not fold', 'The U.K. team left. İ.e. not. Fine.'],
    ['a space run before the delimiter', 'It ended .  Then ?! again … and more. Yes'],
  ])('%s', (_case, text) => expect(sentenceSpans(text)).toEqual(reference(text)));

  test.each(['corpus/seeds', 'corpus/fa-kes'])('every paragraph of %s', (dir) => {
    let compared = 0;
    for (const a of loadCorpus(dir).articles) {
      const { text, segments } = articleLayout(a);
      for (const seg of segments) {
        for (const p of paragraphs(text, seg.start, seg.end)) {
          const para = text.slice(p.start, p.end);
          expect(sentenceSpans(para), `${a.id} @${p.start}`).toEqual(reference(para));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(dir.endsWith('seeds') ? 50 : 1500);
  });
});
