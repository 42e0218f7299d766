import { describe, expect, test } from 'vitest';
import type { Article } from '../types';
import { articleProvenanceModel, corpusProvenanceModel, passagePieces } from './door';
import { COPY, wireAndCopy } from './wireCopy';

const meta = (id: string, outlet: string, date: string) => ({ id, outlet, date, title: `T ${id}` }) as Article;
const articles = [meta('w', 'wire', '2016-01-01'), meta('c', 'paper', '2016-01-02')];
const p = wireAndCopy();

describe('provenance page models', () => {
  test('article model: side-by-side pieces rebuild the passage text, the edit marked', () => {
    const m = articleProvenanceModel(p, { articles }, 'c')!;
    expect(m.partners.map((x) => [x.article, x.title])).toEqual([['w', 'T w']]);
    const [ps] = m.partners[0].passages;
    expect(ps.left.map((x) => x.text).join('')).toBe(COPY.slice(0, -15));
    expect(ps.left.filter((x) => !x.same).map((x) => x.text.trim())).toEqual(['Daesh']);
    expect(ps.right.filter((x) => !x.same).map((x) => x.text.trim())).toEqual(['IS']);
  });

  test.each([
    [[], 0],
    [['paper'], 1],
  ])('corpus model lists the articles of chosen outlets %j', (chosen, n) => {
    const m = corpusProvenanceModel(p, { articles, outlets: [], outletGroups: [] }, [], chosen);
    expect(m.articles).toHaveLength(n);
  });

  test('unknown article: null', () => expect(articleProvenanceModel(p, { articles }, 'nope')).toBeNull());
});

describe('passagePieces', () => {
  // "ab cd ef": pieces end at 2, 5 and 8; the gap before a piece belongs to it.
  test.each([
    [[], []],
    [[{ start: 0, end: 2, same: true }], [['ab', true]]],
    [
      [
        { start: 0, end: 2, same: true },
        { start: 3, end: 5, same: false },
        { start: 6, end: 8, same: true },
      ],
      [
        ['ab', true],
        [' cd', false],
        [' ef', true],
      ],
    ],
    [[{ start: 3, end: 5, same: false }], [['cd', false]]],
  ] as [{ start: number; end: number; same: boolean }[], [string, boolean][]][])('%j', (list, want) => {
    expect(passagePieces('ab cd ef', list).map((x) => [x.text, x.same])).toEqual(want);
  });
});
