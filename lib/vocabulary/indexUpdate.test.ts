import { describe, expect, test } from 'vitest';
import { updateWordIndex } from './indexUpdate';
import { makeWordIndex, type IndexedArticle } from './searchIndex';

// Hand-made articles: one body sentence each (the last two also a title sentence), one with a quotation.
const body = (text: string, quote?: [number, number]): IndexedArticle =>
  ({
    text,
    sentences: [{ start: 0, end: text.length, section: 'body' }],
    quotes: quote ? [{ start: quote[0], end: quote[1] }] : [],
  }) as unknown as IndexedArticle;
const titled = (title: string, text: string): IndexedArticle =>
  ({
    text: `${title} ${text}`,
    sentences: [
      { start: 0, end: title.length, section: 'title' },
      { start: title.length + 1, end: title.length + 1 + text.length, section: 'body' },
    ],
    quotes: [],
  }) as unknown as IndexedArticle;
const ARTICLES = [
  body('Rebels took the town.'),
  body('Militants said "rebels are terrorists" today.', [14, 38]),
  body('The fighters left.'),
  titled('Daesh retreats', 'Islamic State fighters fled the town.'),
  body('Nothing about armed groups here.'),
  titled('Rebels advance', 'rebels rebels rebels.'),
];

// The index made from scratch of some articles, in order: the independent way.
const whole = (positions: number[]) => makeWordIndex(positions.map((i) => ARTICLES[i]));

describe('updateWordIndex', () => {
  test.each<[string, number[], number[]]>([
    ['one added at the end', [0, 1, 2, 3, 4], [0, 1, 2, 3, 4, 5]],
    ['one added at the start', [1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5]],
    ['two added in the middle', [0, 1, 4, 5], [0, 1, 2, 3, 4, 5]],
    ['one removed', [0, 1, 2, 3, 4, 5], [0, 1, 3, 4, 5]],
    ['the only article with a word removed', [0, 1, 2, 3], [0, 1, 2]],
    ['two removed, two added', [0, 2, 3, 5], [1, 2, 4, 5]],
    ['nothing changed', [0, 1, 2], [0, 1, 2]],
    ['from nothing', [], [0, 3, 5]],
    ['to nothing', [1, 2], []],
  ])('%s: equal to the index made from scratch', (_name, before, after) => {
    const oldAt = Int32Array.from(after, (i) => before.indexOf(i));
    const added = whole(after.filter((i) => !before.includes(i)));
    expect(updateWordIndex(whole(before), oldAt, added)).toEqual(whole(after));
  });

  test('the words and postings read by hand for one added article', () => {
    const next = updateWordIndex(whole([0]), Int32Array.from([0, -1]), whole([2]))!;
    // "Rebels took the town." + "The fighters left.": fighters, left, rebels, the, took, town.
    expect(next.words).toEqual(['fighters', 'left', 'rebels', 'the', 'took', 'town']);
    expect(next.articles).toBe(2);
  });

  test('articles kept in another order: null (the index is made whole)', () => {
    expect(updateWordIndex(whole([0, 1]), Int32Array.from([1, 0]), whole([]))).toBeNull();
  });

  test('an added index of the wrong size is refused, saying so', () => {
    expect(() => updateWordIndex(whole([0]), Int32Array.from([0, -1]), whole([]))).toThrow(
      /holds 0 articles where 1 were added/,
    );
  });
});
