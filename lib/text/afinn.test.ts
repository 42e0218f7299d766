import Sentiment from 'sentiment';
import { describe, expect, test } from 'vitest';
import { articleLayout } from '../corpus/layout';
import { loadCorpus } from '../corpus/load';
import { afinnScore } from './afinn';

const library = new Sentiment();
const reference = (s: string) => {
  const r = library.analyze(s);
  return { score: r.score, words: r.tokens.length };
};

describe('afinnScore', () => {
  // Scores read off AFINN-165: killed -3, good 3, bad -3, like 2 (negated after "not"/"don't"); "terrorists'" is not in
  // it.
  test.each([
    ['plain words', 'Three civilians were killed.', { score: -3, words: 4 }],
    ['negation flips the next word', 'It was not good, but not bad.', { score: -3 + 3, words: 7 }],
    [
      'punctuation splits, apostrophes do not',
      "They don't like terrorists' bad/good deeds",
      { score: -2 - 3 + 3, words: 7 },
    ],
    ['a lone tab stays inside a token', 'very\tgood day', { score: 0, words: 2 }],
    ['two spaces and a tab split', 'very \tgood', { score: 3, words: 2 }],
    ['empty text is one empty token', ' “ ', { score: 0, words: 1 }],
    ['capitals are lowercased', 'KILLED, Good and NOT bad', { score: -3 + 3 + 3, words: 5 }],
    [
      'a letter whose lowercase is longer (the whole text is lowercased)',
      'İstanbul: GOOD news',
      { score: 3, words: 3 },
    ],
    ['a final capital sigma', 'ΟΔΟΣ good', { score: 3, words: 2 }],
    ['letters outside the BMP', '𝐀 good 𐐀', { score: 3, words: 3 }],
  ])('%s', (_case, text, expected) => {
    expect(afinnScore(text)).toEqual(expected);
    expect(afinnScore(text)).toEqual(reference(text));
  });

  test('offsets score only the slice', () => expect(afinnScore('xx good yy', 3, 7)).toEqual({ score: 3, words: 1 }));

  test.each(['corpus/seeds', 'corpus/fa-kes'])('every paragraph of %s scores as sentiment.analyze', (dir) => {
    for (const a of loadCorpus(dir).articles) {
      const { text } = articleLayout(a);
      for (const para of text.split('\n\n')) expect(afinnScore(para), a.id).toEqual(reference(para));
    }
  });
});
