import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import { aggregate, DEFAULT_OPTIONS } from './aggregate';
import { SENTENCE_CONTEXT, SENTENCE_WHOLE_MAX, sentenceExcerpt, type SentenceExcerpt } from './excerpt';
import { analyzeArticles } from './run';

// "abcd " × 400, then "fighters" at 2000..2008, then " efgh" × 400: a 4,008-character sentence, spaces every 5th.
const spaced = `${'abcd '.repeat(400)}fighters${' efgh'.repeat(400)}`;
const unspaced = `${'x'.repeat(2000)}fighters${'y'.repeat(2000)}`;
// Emoji are two UTF-16 units each (high surrogate at even offsets here), so 2001 - 300 = 1701 falls inside one.
const emoji = `${'😀'.repeat(1000)}qfighters${'y'.repeat(2000)}`;
const short = 'The fighters left.';

describe('sentenceExcerpt', () => {
  test.each<
    [string, string, { start: number; end: number } | undefined, { start: number; end: number }, SentenceExcerpt]
  >([
    [
      'no sentence: empty, at the term',
      short,
      undefined,
      { start: 4, end: 12 },
      {
        sentence: '',
        sentenceStart: 4,
        sentenceFrom: 4,
        sentenceTo: 4,
      },
    ],
    [
      'a short sentence is whole',
      short,
      { start: 0, end: 18 },
      { start: 4, end: 12 },
      {
        sentence: short,
        sentenceStart: 0,
        sentenceFrom: 0,
        sentenceTo: 18,
      },
    ],
    [
      'exactly SENTENCE_WHOLE_MAX characters is whole',
      spaced,
      { start: 1500, end: 2500 },
      { start: 2000, end: 2008 },
      {
        sentence: spaced.slice(1500, 2500),
        sentenceStart: 1500,
        sentenceFrom: 1500,
        sentenceTo: 2500,
      },
    ],
    // From 1700 (an "a") the cut moves on past the space at 1704; to 2308 moves back before the space at 2303.
    [
      'a long sentence is cut at spaces within 300 characters of the term',
      spaced,
      { start: 0, end: 4008 },
      { start: 2000, end: 2008 },
      {
        sentence: `${'abcd '.repeat(59)}fighters${' efgh'.repeat(59)}`,
        sentenceStart: 1705,
        sentenceFrom: 0,
        sentenceTo: 4008,
      },
    ],
    // One character over the limit: cut; its start (1700) is 300 before the term, so only the end moves (to 2303).
    [
      'one character over the limit is cut',
      spaced,
      { start: 1700, end: 2701 },
      { start: 2000, end: 2008 },
      {
        sentence: `${'abcd '.repeat(60)}fighters${' efgh'.repeat(59)}`,
        sentenceStart: 1700,
        sentenceFrom: 1700,
        sentenceTo: 2701,
      },
    ],
    [
      'no space within the window: cut mid-word, 300 either side',
      unspaced,
      { start: 0, end: 4008 },
      { start: 2000, end: 2008 },
      {
        sentence: `${'x'.repeat(300)}fighters${'y'.repeat(300)}`,
        sentenceStart: 1700,
        sentenceFrom: 0,
        sentenceTo: 4008,
      },
    ],
    [
      'a term opening the sentence keeps its start',
      unspaced.slice(2000),
      { start: 0, end: 2008 },
      { start: 0, end: 8 },
      {
        sentence: `fighters${'y'.repeat(300)}`,
        sentenceStart: 0,
        sentenceFrom: 0,
        sentenceTo: 2008,
      },
    ],
    // 1701 is the low half of an emoji: the cut starts at 1702, 149 whole emoji and "q" before the term.
    [
      'a cut never splits a surrogate pair',
      emoji,
      { start: 0, end: 4009 },
      { start: 2001, end: 2009 },
      {
        sentence: `${'😀'.repeat(149)}qfighters${'y'.repeat(300)}`,
        sentenceStart: 1702,
        sentenceFrom: 0,
        sentenceTo: 4009,
      },
    ],
  ])('%s', (_, text, sentence, term, expected) => {
    const got = sentenceExcerpt(text, sentence, term);
    expect(got).toEqual(expected);
    // What researchers rely on: the text is the article's at sentenceStart, and start - sentenceStart finds the term.
    expect(text.slice(got.sentenceStart, got.sentenceStart + got.sentence.length)).toBe(got.sentence);
    if (sentence)
      expect(got.sentence.slice(term.start - got.sentenceStart, term.end - got.sentenceStart)).toBe(
        text.slice(term.start, term.end),
      );
    expect(got.sentence.length).toBeLessThanOrEqual(
      Math.max(SENTENCE_WHOLE_MAX, 2 * SENTENCE_CONTEXT + term.end - term.start),
    );
  });
});

describe('the export of a pathological article grows linearly with it', () => {
  const seeds = loadCorpus(path.join(process.cwd(), 'corpus', 'seeds'));
  // 10 one-line sentences of `words` times "fighters" (an armed-groups variant): one mention per word. At 3,000 words
  // (270 KB) every row carrying its 27,000-character sentence overflowed V8's longest string (RangeError: Invalid
  // string length, after 50 s); each doubling of the sentences quadrupled the export.
  const exportOf = (words: number) => {
    // Capitalised, so each "." ends a sentence: "Fighters fighters … fighters." is 9 × words characters.
    const body = Array.from({ length: 10 }, () => `Fighters${' fighters'.repeat(words - 1)}.`).join(' ');
    const corpus = {
      ...seeds,
      articles: [{ ...seeds.articles[0], id: 'x', segments: [{ section: 'body' as const, text: body }] }],
    };
    const ex = aggregate(corpus, analyzeArticles(corpus), DEFAULT_OPTIONS);
    return { chars: body.length, ex, json: JSON.stringify(ex).length };
  };
  const small = exportOf(200);
  const large = exportOf(400);

  test.each([
    // 10 sentences × 200 and × 400 words, each word a mention (every word is "fighters").
    ['200 words a sentence', small, 2000],
    ['400 words a sentence', large, 4000],
  ])('%s: one row per mention, each sentence cut to its window', (_, { ex }, mentions) => {
    expect(ex.mentions).toHaveLength(mentions);
    for (const m of ex.mentions) {
      expect(m.sentence.length).toBeLessThanOrEqual(2 * SENTENCE_CONTEXT + m.end - m.start);
      expect(m.sentenceTo - m.sentenceFrom).toBe(words(mentions) * 9);
    }
  });

  test('twice the text makes at most about twice the export (it made four times before)', () => {
    expect(large.chars / small.chars).toBeCloseTo(2, 2);
    // Rows are of bounded size and twice as many, so 2 plus the small share of the fixed tables.
    expect(large.json / small.json).toBeLessThan(2.1);
  });
});

/** Words in each of the 10 sentences of an article of `mentions` mentions ("fighters" and a space: 9 characters). */
function words(mentions: number): number {
  return mentions / 10;
}
