import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { makeTimeCells, type DatedAnalysis } from './cells';
import { addToTimeCells } from './cellsUpdate';
import { cellAnalysis } from './testCells';

const art = (outlet: string, mentions: [string, string, string?][], setAside = false) =>
  cellAnalysis(outlet, mentions, { setAside });

const GROUPS = [
  { id: 'is', variants: ['isis', 'daesh'] },
  { id: 'ag', variants: ['rebels', 'militants', 'terrorists'] },
];

const HAND: DatedAnalysis[] = [
  {
    analysis: art('x', [
      ['is', 'isis'],
      ['is', 'isis'],
      ['is', 'daesh', 'quoted'],
    ]),
    date: '2016-07-03',
  },
  { analysis: art('x', [['ag', 'rebels']]), date: '2016-07-03' },
  { analysis: art('y', [['is', 'daesh']]), date: '2016-07-03' },
  { analysis: art('x', []), date: '2016-07-20' },
  { analysis: art('x', [['is', 'isis']]), date: null },
  {
    analysis: art('z', [
      ['ag', 'terrorists'],
      ['ag', 'rebels'],
    ]),
    date: '2016-06-30',
  },
  { analysis: art('y', [['ag', 'militants']], true), date: '2016-07-03' },
];

describe('addToTimeCells', () => {
  test.each<[string, number[], number[]]>([
    ['one article to an existing cell', [0, 2, 3, 4], [1]],
    ['a new day before the first and a new outlet', [0, 1, 2, 3], [5]],
    ['an undated article (in no cell)', [0, 1], [4]],
    ['a set-aside mention (in no group)', [0, 1], [6]],
    ['everything to nothing', [], [0, 1, 2, 3, 4, 5, 6]],
    ['nothing added', [0, 1, 2], []],
  ])('hand-made: %s equals the cells made from every article', (_name, before, added) => {
    const prev = makeTimeCells(
      before.map((i) => HAND[i]),
      GROUPS,
    );
    const next = addToTimeCells(
      prev,
      added.map((i) => HAND[i]),
    );
    expect(next).toEqual(
      makeTimeCells(
        [...before, ...added].map((i) => HAND[i]),
        GROUPS,
      ),
    );
  });

  test('read by hand: x gets its second 07-03 article; its cell counts two articles, one naming "rebels"', () => {
    const next = addToTimeCells(makeTimeCells([HAND[0]], GROUPS), [HAND[1]]);
    // One cell (x, 2016-07-03) holding two articles.
    expect([...next.cellArticles]).toEqual([2]);
    // tokens under all voices and sections: 110 per article.
    expect(next.tokens[0]).toBe(220);
  });

  // FA-KES's first 200 articles (of 784), analysed here: the new version adds some to the others.
  const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
  const few = { ...corpus, articles: corpus.articles.slice(0, 200) };
  const dated = analyzeArticles(few).map((analysis, i) => ({ analysis, date: few.articles[i].date }));
  const groups = corpus.lexicon.groups.map((g) => ({ id: g.id, variants: g.variants.map((v) => v.id) }));
  test.each<[string, (i: number) => boolean]>([
    ['the last article added', (i) => i === 199],
    ['every tenth article added', (i) => i % 10 === 3],
    ['half added', (i) => i >= 100],
  ])('FA-KES: %s equals the cells made from every article', (_name, isAdded) => {
    const prev = makeTimeCells(
      dated.filter((_, i) => !isAdded(i)),
      groups,
    );
    expect(
      addToTimeCells(
        prev,
        dated.filter((_, i) => isAdded(i)),
      ),
    ).toEqual(makeTimeCells(dated, groups));
  });
});
