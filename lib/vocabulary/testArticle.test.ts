import { describe, expect, test } from 'vitest';
import type { Section } from '../types';
import { indexedArticle, sampleArticles } from './testArticle';

describe('indexedArticle', () => {
  // Offsets counted by hand: "Ab." is 0-3, the space 3, "Cd ef." 4-10.
  test.each([
    [[['title', 'Ab.']], null, 'Ab.', [[0, 3, 'title']], []],
    [
      [
        ['title', 'Ab.'],
        ['body', 'Cd ef.'],
      ],
      null,
      'Ab. Cd ef.',
      [
        [0, 3, 'title'],
        [4, 10, 'body'],
      ],
      [],
    ],
    [
      [
        ['title', 'Ab.'],
        ['body', 'Cd ef.'],
      ],
      'ef',
      'Ab. Cd ef.',
      [
        [0, 3, 'title'],
        [4, 10, 'body'],
      ],
      [[7, 9]],
    ],
    [[['body', 'Ab.']], 'zz', 'Ab.', [[0, 3, 'body']], []],
  ] as [[Section, string][], string | null, string, [number, number, Section][], [number, number][]][])(
    '%j quoting %s',
    (sentences, quoted, text, spans, quotes) => {
      const a = indexedArticle(sentences, quoted);
      expect(a.text).toBe(text);
      expect(a.sentences.map((s) => [s.start, s.end, s.section])).toEqual(spans);
      expect(a.quotes.map((q) => [q.start, q.end])).toEqual(quotes);
    },
  );
});

describe('sampleArticles', () => {
  // Read by hand: "Rebels rest. Rebels said \"rebels fled\" today." holds 3, the title alone 0, "REBELS’ don’t rebels." 2.
  test.each([
    [0, 3, 1],
    [1, 0, 0],
    [2, 2, 0],
  ])('article %i holds "rebels" %i times, %i quotation', (i, rebels, quotes) => {
    const a = sampleArticles()[i];
    expect(a.text.match(/\brebels\b/gi)?.length ?? 0).toBe(rebels);
    expect(a.quotes.length).toBe(quotes);
  });
});
