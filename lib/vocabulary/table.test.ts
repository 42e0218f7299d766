import { describe, expect, test } from 'vitest';
import { Counter, countVocabulary, finishTable, totalUses, type ArticleText, type VocabularyTable } from './table';

const article = (outlet: string, text: string, mentions: ArticleText['mentions'] = []): ArticleText => ({
  outlet,
  text,
  sentences: text.split(/(?<=\.) /).reduce<{ start: number; end: number; section: string }[]>((acc, s) => {
    const start = acc.length ? acc[acc.length - 1].end + 1 : 0;
    return [...acc, { start, end: start + s.length, section: 'body' }];
  }, []),
  skip: [],
  mentions,
  tokens: text.split(/\s+/).length,
});

describe('countVocabulary', () => {
  const texts = [
    article('a', 'Takfiri gunmen fired. Takfiri gunmen fled.'),
    article('a', 'The gunmen left.'),
    article('b', 'Rebels fired. Daesh fired.', [{ start: 14, end: 19, group: 0 }]),
  ];
  const t = countVocabulary(texts, ['a', 'b'], ['islamic-state'], { minCount: 1, cap: 100, liveCap: 1000 });
  // Read off the three texts ("Takfiri" opens its sentences, so it is lowercased): "gunmen" 3 uses in 2 articles of a; "takfiri gunmen" 2 in 1; "fired" 1 in a, 2 in b.
  test.each<[string, number[], number[]]>([
    ['gunmen', [3, 0], [2, 0]],
    ['takfiri gunmen', [2, 0], [1, 0]],
    ['fired', [1, 2], [1, 1]],
    ['the gunmen', [1, 0], [1, 0]],
  ])('%s: uses %j, articles %j', (term, uses, articles) => {
    const row = t.terms.get(term)!;
    expect([...row.uses]).toEqual(uses);
    expect([...row.articles]).toEqual(articles);
  });
  test('totals: n-grams per outlet, articles, sentences', () => {
    // a: "Takfiri gunmen fired" 5 n-grams (3 unigrams, 2 bigrams) ×2 with "fled"; "the gunmen left" 4 (gunmen, left,
    // the gunmen, gunmen left) = 14. b: "rebels fired" 3 + "daesh fired" 3 = 6.
    expect(t.n).toEqual([14, 6]);
    expect(t.articles).toEqual([2, 1]);
    expect(t.sentences).toBe(5);
    // Beside the one mention ("Daesh fired"), only "fired" is outside it.
    expect(t.groupNgrams).toEqual([1]);
  });
  test('co-occurrence leaves out the mention itself', () => {
    // "Daesh fired": "fired" co-occurs with the mention; "daesh" is the mention; the bigram overlaps it.
    expect(t.terms.get('fired')!.withGroup[0]).toBe(1);
    expect(t.terms.get('daesh')!.withGroup[0]).toBe(0);
    expect(t.terms.get('daesh fired')!.withGroup[0]).toBe(0);
  });
  test.each<[number, number, string[]]>([
    [3, 100, ['gunmen', 'fired']],
    [2, 100, ['gunmen', 'fired', 'takfiri', 'takfiri gunmen']],
    [2, 1, ['fired']],
  ])('minCount %i and cap %i keep %j', (minCount, cap, kept) => {
    const p = countVocabulary(texts, ['a', 'b'], ['g'], { minCount, cap, liveCap: 1000 });
    expect([...p.terms.keys()].sort()).toEqual([...kept].sort());
    // Outlet totals count pruned n-grams too.
    expect(p.n).toEqual([14, 6]);
  });
  test('lossy counting keeps the table under its live cap and says so', () => {
    // 50 articles, each "common" plus a word of its own and their bigram: 101 distinct n-grams, "common" 50 times.
    const word = (i: number) => `x${'abcdefghij'[i % 10]}${'klmnopqrst'[Math.floor(i / 10)]}`;
    const many = Array.from({ length: 50 }, (_, i) => article('a', `${word(i)} common.`));
    const p = countVocabulary(many, ['a'], [], { minCount: 1, cap: 100, liveCap: 20 });
    expect(p.pruning).toMatchObject({ lossy: true, distinct: 101 });
    expect(p.terms.size).toBeLessThanOrEqual(20);
    // "common" is never pruned (used more than any floor reached), so its count stays exact.
    expect(totalUses(p.terms.get('common')!)).toBe(50);
  });
  test("an outlet's cells held back and added a log at a time are exact across growth and folds", () => {
    // 300 articles of one outlet, each "common" then 120 words of its own ("zq" and four letters, no stopword): per
    // article 121 unigrams and 120 bigrams, all distinct, so 72,300 cells pass through the outlet's log (which
    // holds 32,768 before it is added to the column) while the counter grows from 1,024 n-grams to 72,001.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const word = (i: number) => `zq${[0, 1, 2, 3].map((d) => letters[Math.floor(i / 26 ** d) % 26]).join('')}`;
    const many = Array.from({ length: 300 }, (_, a) =>
      article('a', `common ${Array.from({ length: 120 }, (_, k) => word(a * 120 + k)).join(' ')}`),
    );
    const p = countVocabulary(many, ['a'], [], { minCount: 1, cap: 100_000, liveCap: 1_000_000 });
    expect(p.pruning).toMatchObject({ lossy: false, distinct: 72_001 });
    expect(p.n).toEqual([300 * 241]);
    expect([...p.terms.get('common')!.uses, ...p.terms.get('common')!.articles]).toEqual([300, 300]);
    // The last article's last word and its bigram: once each, in one article.
    const last = word(300 * 120 - 1);
    expect([...p.terms.get(last)!.uses, ...p.terms.get(last)!.articles]).toEqual([1, 1]);
    const pair = `${word(300 * 120 - 2)} ${last}`;
    expect([...p.terms.get(pair)!.uses, ...p.terms.get(pair)!.articles]).toEqual([1, 1]);
    // Every n-gram used exactly once except "common".
    let ones = 0;
    for (const [, row] of p.terms) if (totalUses(row) === 1) ones++;
    expect(ones).toBe(72_000);
  });
  test('without pruning the counts are exact', () => {
    const p = countVocabulary(texts, ['a', 'b'], ['g'], { minCount: 1, cap: 100, liveCap: 1000 });
    expect(p.pruning.lossy).toBe(false);
  });
});

// A table as plain rows, to compare two tables n-gram by n-gram (in table order).
const rowsOf = (t: VocabularyTable) => ({
  terms: [...t.terms].map(([term, r]) => [term, [...r.uses], [...r.articles], [...r.withGroup]]),
  outlets: t.outlets,
  n: t.n,
  tokens: t.tokens,
  articles: t.articles,
  sentences: t.sentences,
  groupNgrams: t.groupNgrams,
  pruning: t.pruning,
});

describe('counts made in batches (as analysis workers make them) merge into the table counting gives', () => {
  const texts = [
    article('b', 'Rebels fired. Daesh fired.', [{ start: 14, end: 19, group: 0 }]),
    article('a', 'Takfiri gunmen fired. Takfiri gunmen fled.'),
    article('a', 'The gunmen left.'),
    article('c', 'Daesh gunmen fled. The rebels fired.', [{ start: 0, end: 5, group: 0 }]),
    article('b', 'Gunmen fled the town.'),
  ];
  const limits = { minCount: 1, cap: 100, liveCap: 1000 };
  const batchCounts = (batches: ArticleText[][]) =>
    batches.map((batch, i) => {
      // A worker knows no corpus outlets: columns are made as its articles come.
      const c = new Counter([], 1, limits.liveCap);
      for (const t of batch) c.count(t, false);
      c.keys.push(...batch.map((_, j) => `k${i}-${j}`));
      return c.counts(['islamic-state']);
    });
  test.each<[string, ArticleText[][], string[]]>([
    ['one batch, corpus outlet order', [texts], ['a', 'b', 'c']],
    ['three batches, another order', [texts.slice(0, 2), texts.slice(2, 3), texts.slice(3)], ['c', 'a', 'b']],
    ['one article per batch, an outlet without articles', texts.map((t) => [t]), ['d', 'b', 'a', 'c']],
  ])('%s', (_, batches, outlets) => {
    const merged = new Counter([], 1, limits.liveCap);
    for (const c of batchCounts(batches)) merged.merge(c);
    const direct = countVocabulary(texts, outlets, ['islamic-state'], limits);
    expect(rowsOf(finishTable(merged, outlets, ['islamic-state'], limits))).toEqual(rowsOf(direct));
    expect(merged.keys).toHaveLength(texts.length);
  });
  test('the counts of a batch read off its texts', () => {
    const [c] = batchCounts([texts.slice(0, 1)]);
    // "Rebels fired. Daesh fired.": n-grams rebels, fired, rebels fired, daesh, fired, daesh fired = 6; one outlet.
    expect(c.outlets).toEqual(['b']);
    expect(c.n).toEqual([6]);
    expect(c.sentences).toBe(2);
    // 5 distinct n-grams, each a cell of outlet b: rebels, fired (2 uses), rebels fired, daesh, daesh fired.
    expect(c.cells.length / 4).toBe(5);
  });
  test('a table of counts holding an outlet the corpus lacks is an error, not a silent drop', () => {
    const merged = new Counter([], 1, limits.liveCap);
    for (const c of batchCounts([texts])) merged.merge(c);
    expect(() => finishTable(merged, ['a', 'b'], ['islamic-state'], limits)).toThrow(/outlet "c"/);
  });
  test('counts of another lexicon do not merge', () => {
    const merged = new Counter([], 2, limits.liveCap);
    expect(() => merged.merge(batchCounts([texts])[0])).toThrow(/another lexicon/);
  });
});
