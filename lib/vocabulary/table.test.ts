import { describe, expect, test } from 'vitest';
import { countVocabulary, totalUses, type ArticleText } from './table';

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
  test('without pruning the counts are exact', () => {
    const p = countVocabulary(texts, ['a', 'b'], ['g'], { minCount: 1, cap: 100, liveCap: 1000 });
    expect(p.pruning.lossy).toBe(false);
  });
});
