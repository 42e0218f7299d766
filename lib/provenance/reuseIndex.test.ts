import { describe, expect, test } from 'vitest';
import { findKey, holdersAt } from './postings';
import { DEFAULT_REUSE, createIndex, lazyDoc, partnerOf, passagesFrom, reindex, type DocInput } from './reuseIndex';

const TEXT = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';

const none = (n: number) => new Int32Array(n).fill(-1);

describe('ReuseIndex', () => {
  test.each([
    ['hashed here', false],
    ['lent by the same article of an earlier index', true],
  ])('a lazy document has its words and shingles %s', (_name, lent) => {
    const input = { id: 'a', outlet: 'o', date: null, text: TEXT };
    const earlier = lazyDoc(input, 3, 5);
    const doc = lazyDoc(input, 0, 5, lent ? earlier : undefined);
    // 14 words, so 10 five-word shingles.
    expect(doc.shingles).toHaveLength(10);
    expect(doc.words === earlier.words).toBe(lent);
    expect(doc.words).toEqual(earlier.words);
  });

  test.each([
    // Ranks by date whatever the corpus order: d1 (01-01) before d2 (01-02) before d0 (01-03).
    [
      ['2016-01-03', '2016-01-01', '2016-01-02'],
      [1, 2, 0],
    ],
    // An undated article sorts last.
    [
      [null, '2016-01-05', '2016-01-04'],
      [2, 1, 0],
    ],
    // Equal dates sort by id (d0 < d1 < d2), not by how the articles arrived.
    [
      ['2016-01-01', '2016-01-01', '2016-01-01'],
      [0, 1, 2],
    ],
  ])('a shingle lists its holders earliest first: %j', (dates, holders) => {
    const inputs = dates.map((date, i) => ({ id: `d${i}`, outlet: 'o', date, text: TEXT }));
    const { index } = reindex(createIndex(DEFAULT_REUSE), inputs, none(3));
    const h = index.docs[0].shingles[0];
    expect([...holdersAt(index.postings, findKey(index.postings, h))]).toEqual(holders);
  });

  test('an article is aligned with its candidates; pairs read from the later article to the earlier', () => {
    const inputs: DocInput[] = [
      { id: 'a', outlet: 'o', date: '2016-01-01', text: TEXT },
      { id: 'b', outlet: 'o', date: '2016-01-02', text: 'nothing in common here at all with the other one' },
      { id: 'c', outlet: 'p', date: '2016-01-03', text: `prefix words ${TEXT}` },
    ];
    const { index, changed } = reindex(createIndex(), inputs, none(3));
    expect([...changed]).toEqual([1, 1, 1]);
    expect(index.pairs[1]).toEqual([]);
    const pair = index.pairs[0][0];
    expect([pair.a, pair.b, partnerOf(pair, 0)]).toEqual([2, 0, 2]);
    // Seen from article a, the passage is all 14 of its words and words 2..16 of c.
    expect(passagesFrom(pair, 0).map((p) => [p.aStart, p.aEnd, p.bStart, p.bEnd])).toEqual([[0, 14, 2, 16]]);
  });

  test.each([
    // An unrelated article: nobody else's pairs change.
    ['unrelated', 'nothing in common here at all with the other one either', [0, 0, 1]],
    // A third copy: it pairs with both, and both gain a pair.
    ['a third copy', `more words ${TEXT}`, [1, 1, 1]],
  ])('adding one article flags only the articles whose pairs changed: %s', (_name, text, flags) => {
    const base: DocInput[] = [
      { id: 'a', outlet: 'o', date: '2016-01-01', text: TEXT },
      { id: 'c', outlet: 'p', date: '2016-01-03', text: `prefix words ${TEXT}` },
    ];
    const first = reindex(createIndex(), base, none(2)).index;
    const next = [...base, { id: 'z', outlet: 'q', date: '2016-02-01', text }];
    const { changed } = reindex(first, next, Int32Array.from([0, 1, -1]));
    expect([...changed]).toEqual(flags);
  });

  // X shares 20 common words (16 shingles, each held by 6 articles: weight 1/6, score 16/6) with A..E, and 7 rare words
  // (3 shingles held by X and S only: weight 1/2, score 3/2) with S. With one candidate, A (the earliest) wins on score;
  // S is picked beside it only by the rare rule.
  const COMMON = 'c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 c16 c17 c18 c19 c20';
  const RARE = 'r1 r2 r3 r4 r5 r6 r7';
  test.each([
    [0, ['A']],
    [4, ['A', 'S']],
  ])('rareHolders %i: X picks %j', (rareHolders, picked) => {
    const docs: DocInput[] = [
      ...['A', 'B', 'C', 'D', 'E'].map((id) => ({ id, outlet: 'o', date: '2016-01-01', text: COMMON })),
      { id: 'S', outlet: 'o', date: '2016-01-02', text: RARE },
      { id: 'X', outlet: 'o', date: '2016-01-03', text: `${COMMON} ${RARE}` },
    ];
    const options = { ...DEFAULT_REUSE, maxCandidates: 1, rareHolders };
    const { index } = reindex(createIndex(options), docs, none(docs.length));
    expect([...index.candidates[6]].map((d) => docs[d].id)).toEqual(picked);
  });

  test('refuses rareHolders at or above maxPostings', () => {
    expect(() => reindex(createIndex({ ...DEFAULT_REUSE, rareHolders: 16 }), [], none(0))).toThrow(
      'rareHolders (16) must be below maxPostings (16)',
    );
  });

  test.each([
    ['a duplicate id', ['a', 'a'], [0, -1], 'article "a" appears twice'],
    ['two inputs mapped to one previous article', ['a', 'b'], [0, 0], 'maps to previous article 0, which is out of'],
    ['a previous article out of range', ['a', 'b'], [0, 3], 'maps to previous article 3, which is out of range'],
  ])('refuses %s', (_name, ids, prevOf, message) => {
    const first = reindex(createIndex(), [{ id: 'a', outlet: 'o', date: null, text: TEXT }], none(1)).index;
    const inputs = ids.map((id) => ({ id, outlet: 'o', date: null, text: TEXT }));
    expect(() => reindex(first, inputs, Int32Array.from(prevOf))).toThrow(message);
  });

  test('refuses an index restored without its postings', () => {
    const restored = { ...createIndex(), candidates: [], pairs: [[]] };
    expect(() => reindex(restored, [], none(0))).toThrow('restored without its shingle index');
  });
});
