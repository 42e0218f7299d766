import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import { DEFAULT_OPTIONS, attributedGroups, viewTally } from './aggregate';
import { analyzeArticle, compileEngine } from './article';
import { bodyArticle } from './testArticle';
import { emptyTally, mergeTallies, sentenceStats, tallyByOutlet, addToTally } from './tallies';

const lexicon = loadCorpus('corpus/seeds').lexicon;
const engine = compileEngine(lexicon);
const attributed = attributedGroups({ lexicon });
const article = (id: string, body: string) => bodyArticle(id, 'x', body);
// AFINN-165: killed -3, rebels -2, good 3, bad -3; "two", "news", "he", "said", "are" score nothing.
// Sentences: "Rebels killed two." -5 (3 words); "Good news." 3 (2); 'He said "rebels are bad".' -5 (5), own voice 0
// (2).
const first = analyzeArticle(article('a1', 'Rebels killed two. Good news.'), engine);
const second = analyzeArticle(article('a2', 'He said "rebels are bad".'), engine);

describe('an outlet tally', () => {
  const t = tallyByOutlet([first, second], attributed).get('x')!;

  test.each([
    ['articles', t.articles, 2],
    ['body tokens, all and own (5 + 5; the quotation holds 3)', t.tokens.body, { all: 10, own: 7 }],
    ['"rebels" once in own voice and once quoted', t.mentions.get('armed-groups/rebels')!.body, { own: 1, quoted: 1 }],
    [
      'unattributed rebels in the actor table',
      t.actorLabels.get('unattributed/armed-groups/rebels')!.body,
      { own: 1, quoted: 1 },
    ],
    [
      'sentence scores, all words: -5, 3, -5',
      [...t.sentences.body.all.histogram].sort(),
      [
        [-5, 2],
        [3, 1],
      ],
    ],
    [
      'sentence scores, own voice: the quoted "rebels are bad" drops out',
      [...t.sentences.body.own.histogram].sort(),
      [
        [-5, 1],
        [0, 1],
        [3, 1],
      ],
    ],
    ['words, all: 3 + 2 + 5', t.sentences.body.all.words, 10],
    ['words, own: 3 + 2 + 2 ("he said")', t.sentences.body.own.words, 7],
    // Article-level sums: one "rebels" in each article, so 2 articles and 1 x 1 + 1 x 1 = 2 for the product of rebels
    // with itself.
    ['articles with armed groups, all voices', t.clusters['all/all'].articles.get('armed-groups'), 2],
    ['articles with rebels, all voices', t.clusters['all/all'].articles.get('armed-groups/rebels'), 2],
    [
      'rebels x rebels summed over articles',
      t.clusters['all/all'].products.get('armed-groups/rebels')?.get('armed-groups/rebels'),
      2,
    ],
    ['own voice: only the first article counts', t.clusters['own/body'].articles.get('armed-groups/rebels'), 1],
    ['the title holds no mention', t.clusters['all/body'], t.clusters['all/all']],
  ])('%s', (_what, actual, expected) => expect(actual).toEqual(expected));

  test.each([
    ['all voices count both mentions', 'all', 2],
    ['own voice counts one', 'own', 1],
  ] as const)('%s', (_what, voice, count) => {
    expect(viewTally(t, { ...DEFAULT_OPTIONS, voice }).counts.get('armed-groups/rebels')).toEqual({
      count,
      own: 1,
      quoted: 1,
    });
  });

  test('cross-products pair every two variants of one group within an article', () => {
    // "Rebels" twice and "militants" once in one article: rebels x rebels 4, rebels x militants 2, militants x
    // militants 1.
    const one = emptyTally();
    addToTally(
      one,
      analyzeArticle(article('a3', 'Rebels and militants clashed; the rebels fled.'), engine),
      attributed,
    );
    const row = (v: string) => Object.fromEntries(one.clusters['all/all'].products.get(`armed-groups/${v}`)!);
    expect(row('rebels')).toEqual({ 'armed-groups/rebels': 4, 'armed-groups/militants': 2 });
    expect(row('militants')).toEqual({ 'armed-groups/rebels': 2, 'armed-groups/militants': 1 });
    expect(one.clusters['all/all'].articles.get('armed-groups')).toBe(1);
  });

  test('merging one-article tallies gives the tally of both', () => {
    const parts = [first, second].map((a) => {
      const one = emptyTally();
      addToTally(one, a, attributed);
      return one;
    });
    expect(mergeTallies(parts)).toEqual(t);
  });

  test('sentence statistics sum the sections asked for', () => {
    expect(sentenceStats(t.sentences, ['title', 'caption'], 'all')).toEqual({
      histogram: new Map(),
      sentences: 0,
      words: 0,
      score: 0,
    });
    expect(sentenceStats(t.sentences, ['body'], 'all')).toMatchObject({ sentences: 3, words: 10, score: -7 });
  });
});
