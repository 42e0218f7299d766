import { describe, expect, test } from 'vitest';
import { articleLayout, paragraphs } from '../corpus/layout';
import { loadCorpus } from '../corpus/load';
import { sentenceSpans } from '../text/sentences';
import { sentenceTokens } from './words';

// The definition the character loop must reproduce; a space before a hyphen still joins ("USA -backed").
const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.]|\s?[-‐‑](?=[\p{L}\p{N}]))*/gu;

function byRegex(text: string, start: number, end: number): { start: number; end: number; text: string }[] {
  const slice = text.slice(start, end);
  return [...slice.matchAll(TOKEN)].map((m) => ({
    start: start + m.index,
    end: start + m.index + m[0].length,
    text: m[0],
  }));
}

describe('sentenceTokens', () => {
  test.each([
    ['plain words', 'Turkish forces shelled it.', ['Turkish', 'forces', 'shelled', 'it.']],
    [
      'apostrophes and periods stay inside',
      "Turkey’s U.S.-backed rebels' gains",
      ['Turkey’s', 'U.S.-backed', "rebels'", 'gains'],
    ],
    ['one space before a hyphen joins', 'USA -backed militias', ['USA -backed', 'militias']],
    ['two spaces or a dash do not', 'USA  -backed and Kurds - Arabs', ['USA', 'backed', 'and', 'Kurds', 'Arabs']],
    ['a hyphen needs a letter after it', 'anti- and pro-Kurdish', ['anti', 'and', 'pro-Kurdish']],
    ['non-ASCII letters and digits', 'Erdoğan’s 2016 opération İdlib', ['Erdoğan’s', '2016', 'opération', 'İdlib']],
    ['letters outside the BMP', 'a 𝐀𝐁 b', ['a', '𝐀𝐁', 'b']],
    ['non-breaking space before a hyphen', 'USA\u00a0-backed', ['USA\u00a0-backed']],
  ])('%s', (_case, sentence, words) => {
    expect(sentenceTokens(sentence, 0, sentence.length).map((t) => t.text)).toEqual(words);
    expect(sentenceTokens(sentence, 0, sentence.length)).toEqual(byRegex(sentence, 0, sentence.length));
  });

  test('stops at the end of the range: a word or hyphen chain is cut there, as in the slice', () => {
    const text = 'Kurdish-backed fighters';
    for (let end = 0; end <= text.length; end++) expect(sentenceTokens(text, 0, end)).toEqual(byRegex(text, 0, end));
  });

  test.each(['corpus/seeds', 'corpus/fa-kes'])('finds the regex’s words in every sentence of %s', (dir) => {
    let sentences = 0;
    for (const a of loadCorpus(dir).articles) {
      const { text, segments } = articleLayout(a);
      for (const seg of segments) {
        for (const p of paragraphs(text, seg.start, seg.end)) {
          for (const s of sentenceSpans(text.slice(p.start, p.end), p.start)) {
            sentences++;
            expect(sentenceTokens(text, s.start, s.end)).toEqual(byRegex(text, s.start, s.end));
          }
        }
      }
    }
    expect(sentences).toBeGreaterThan(50);
  });
});
