import { describe, expect, test } from 'vitest';
import type { Article } from '../types';
import { creditSources } from './credits';
import { articleProvenanceModel, corpusProvenanceModel } from './door';
import { buildProvenance } from './model';

const WIRE =
  'The IS group claimed the bombing that killed twelve people at a checkpoint near the border town on Sunday.';
const COPY = `${WIRE.replace('IS', 'Daesh')} More follows.`;
const meta = (id: string, outlet: string, date: string) => ({ id, outlet, date, title: `T ${id}` }) as Article;
const articles = [meta('w', 'wire', '2016-01-01'), meta('c', 'paper', '2016-01-02')];
const p = buildProvenance(
  [
    {
      id: 'w',
      outlet: 'wire',
      date: '2016-01-01',
      text: WIRE,
      bodyStart: 0,
      sentences: [{ start: 0, end: WIRE.length }],
    },
    {
      id: 'c',
      outlet: 'paper',
      date: '2016-01-02',
      text: COPY,
      bodyStart: 0,
      sentences: [
        { start: 0, end: COPY.length - 14 },
        { start: COPY.length - 13, end: COPY.length },
      ],
    },
  ],
  creditSources([]),
);

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
