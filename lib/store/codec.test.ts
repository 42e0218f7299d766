import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import { createPacker, packAnalyses, unpackAnalyses } from './codec';
import { analyzeArticles } from '../analysis/run';

const seeds = loadCorpus('corpus/seeds');
const faKes = loadCorpus('corpus/fa-kes');

describe('packed analyses', () => {
  test.each([
    ['the seeds', seeds],
    ['FA-KES', faKes],
  ])('unpack to exactly the analyses of %s', (_name, corpus) => {
    const analyses = analyzeArticles(corpus);
    const packed = packAnalyses(analyses);
    expect(packed.count).toBe(corpus.articles.length);
    expect(unpackAnalyses(packed, corpus.articles)).toEqual(analyses);
  });

  test('keep matched text that differs from the text at its offsets', () => {
    const [a] = analyzeArticles(seeds);
    const changed = { ...a, mentions: a.mentions.map((m, i) => (i === 0 ? { ...m, text: 'not the slice' } : m)) };
    expect(unpackAnalyses(packAnalyses([changed]), [seeds.articles[0]])[0].mentions[0].text).toBe('not the slice');
  });

  test.each([
    [
      'fewer articles than analyses',
      () => unpackAnalyses(packAnalyses(analyzeArticles(seeds)), seeds.articles.slice(1)),
      /5 analyses were packed but 4 articles/,
    ],
    [
      'articles in another order',
      () => unpackAnalyses(packAnalyses(analyzeArticles(seeds)), [...seeds.articles].reverse()),
      /pass the articles in the order they were packed/,
    ],
    [
      'a score that is not an integer',
      () =>
        createPacker().add({
          ...analyzeArticles(seeds)[0],
          sentences: [{ start: 0, end: 1, section: 'body', score: 0.5, words: 1, ownScore: 0, ownWords: 1 }],
        }),
      /cannot pack 0.5/,
    ],
  ])('fail loudly on %s', (_case, run, message) => {
    expect(run).toThrow(message);
  });
});
