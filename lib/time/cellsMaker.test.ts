import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { encodeTimeCells } from '../store/timeCells';
import { makeTimeCells, type DatedAnalysis } from './cells';
import { timeCellsMaker } from './cellsMaker';
import { cellAnalysis, scatteredAnalyses } from './testCells';

const GROUPS = [
  { id: 'is', variants: ['isis', 'daesh'] },
  { id: 'ag', variants: ['rebels', 'militants', 'terrorists'] },
];

// Hand-made: two outlets over three days (one outlet's day out of order), a mention set aside, one undated article.
const HAND: DatedAnalysis[] = [
  {
    analysis: cellAnalysis('x', [
      ['is', 'isis'],
      ['is', 'isis'],
      ['is', 'daesh', 'quoted'],
    ]),
    date: '2016-07-20',
  },
  {
    analysis: cellAnalysis('y', [
      ['ag', 'rebels'],
      ['ag', 'terrorists', 'own', 'title'],
    ]),
    date: '2016-07-03',
  },
  { analysis: cellAnalysis('x', [['ag', 'militants']], { setAside: true }), date: '2016-07-03' },
  { analysis: cellAnalysis('x', [['is', 'daesh', 'own', 'title']]), date: '2016-07-03' },
  { analysis: cellAnalysis('y', []), date: '2016-07-21' },
  { analysis: cellAnalysis('x', [['is', 'isis']]), date: null },
];

// FA-KES (784 articles, 15 outlets, every term group) with its own dates, and moved onto 60 days at random.
const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
const fakes: DatedAnalysis[] = analyzeArticles(corpus).map((analysis, i) => ({
  analysis,
  date: corpus.articles[i].date,
}));
const fakesGroups = corpus.lexicon.groups.map((g) => ({ id: g.id, variants: g.variants.map((v) => v.id) }));

// The maker fed `chunk` articles at a time.
function inChunks(articles: readonly DatedAnalysis[], groups: typeof GROUPS, chunk: number) {
  const maker = timeCellsMaker(groups);
  for (let from = 0; from < articles.length; from += chunk) maker.add(articles.slice(from, from + chunk));
  return maker.finish();
}

describe('timeCellsMaker: the bytes makeTimeCells stores for the same articles', () => {
  test.each<[string, DatedAnalysis[], typeof GROUPS, number]>([
    ['hand-made, one at a time', HAND, GROUPS, 1],
    ['hand-made, all at once', HAND, GROUPS, 100],
    ['no articles', [], GROUPS, 5],
    ['only undated articles', HAND.map((a) => ({ ...a, date: null })), GROUPS, 2],
    ['FA-KES, 7 at a time', fakes, fakesGroups, 7],
    ['FA-KES, 500 at a time', fakes, fakesGroups, 500],
    ['FA-KES scattered over 60 days and 4 outlets, 100 at a time', scatteredAnalyses(fakes).analyses, fakesGroups, 100],
  ])('%s', (_name, articles, groups, chunk) => {
    const want = Buffer.from(encodeTimeCells(makeTimeCells(articles, groups)));
    // Compared as one boolean: a diff of two buffers of this size takes minutes to print.
    expect(Buffer.from(encodeTimeCells(inChunks(articles, groups, chunk))).equals(want)).toBe(true);
  });

  test('holds cells of the hand-made articles as read off them', () => {
    const made = inChunks(HAND, GROUPS, 2);
    // Days 07-03 (x: two articles, y: one), 07-20 (x), 07-21 (y); the undated article is in no cell.
    expect(made.days).toEqual(['2016-07-03', '2016-07-20', '2016-07-21']);
    expect(made.outlets).toEqual(['x', 'y']);
    expect([...made.cellArticles]).toEqual([2, 1, 1, 1]);
  });
});
