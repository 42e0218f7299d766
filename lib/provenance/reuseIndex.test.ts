import { describe, expect, test } from 'vitest';
import { DEFAULT_REUSE, addDoc, createIndex, partnerOf, passagesFrom } from './reuseIndex';

const TEXT = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';

describe('ReuseIndex', () => {
  test.each([
    // Dates in insertion order: the posting list keeps the two earliest (cap 2).
    [
      ['2016-01-03', '2016-01-01', '2016-01-02'],
      [1, 2],
    ],
    // An undated article sorts last.
    [
      [null, '2016-01-05', '2016-01-04'],
      [2, 1],
    ],
  ])('postings keep the earliest articles by date: %j', (dates, kept) => {
    const index = createIndex({ ...DEFAULT_REUSE, maxPostings: 2 });
    dates.forEach((date, i) => addDoc(index, { id: `d${i}`, outlet: 'o', date, text: TEXT }));
    const h = index.docs[0].shingles[0];
    expect(index.postings[h & 255].get(h)).toEqual(kept);
  });

  test('a new article is aligned with its candidates and reports who changed', () => {
    const index = createIndex();
    addDoc(index, { id: 'a', outlet: 'o', date: null, text: TEXT });
    addDoc(index, { id: 'b', outlet: 'o', date: null, text: 'nothing in common here at all with the other one' });
    expect(addDoc(index, { id: 'c', outlet: 'p', date: null, text: `prefix words ${TEXT}` })).toEqual([2, 0]);
    const pair = index.pairs[0][0];
    expect(partnerOf(pair, 0)).toBe(2);
    // Seen from article a, the passage is all 14 of its words and words 2..16 of c.
    expect(passagesFrom(pair, 0).map((p) => [p.aStart, p.aEnd, p.bStart, p.bEnd])).toEqual([[0, 14, 2, 16]]);
  });
});
