import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import { analyzeCorpusIn } from './run';
import { DEFAULT_OPTIONS } from './aggregate';

// Seeds dates read in the files: 2016-08-30, 2016-09-07, 2016-09-08, 2016-10-21, 2016-10-22.
const corpus = loadCorpus('corpus/seeds');

describe('analyzeCorpusIn (the CLI with --from/--to)', () => {
  test.each([
    [null, null, 5, 0],
    ['2016-09-01', null, 4, 1],
    [null, '2016-09-07', 2, 3],
  ])('from %s to %s: %i articles, %i outside', (from, to, articles, outside) => {
    const ex = analyzeCorpusIn(corpus, DEFAULT_OPTIONS, { from, to });
    expect(ex.dateRange).toEqual({ from, to, articles, outside, undated: 0 });
    expect(ex.articles).toHaveLength(articles);
    expect(ex.outlets.reduce((s, o) => s + o.articles, 0)).toBe(articles);
    expect(Array.isArray(ex.stories)).toBe(true);
  });
});
