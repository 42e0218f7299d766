import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import { DEFAULT_OPTIONS, aggregate } from './aggregate';
import { analyzeArticles } from './run';
import { sliceExport, sliceOf, subsetKey, withTimeFields, WHOLE, type ArticleSubset } from './slice';

// The seeds are dated 2016-08-30, 2016-09-07, 2016-09-08, 2016-10-21 and 2016-10-22 (read in their files).
const corpus = loadCorpus('corpus/seeds');
const analyses = analyzeArticles(corpus);
const noStories = () => [];

describe('a date-range slice', () => {
  test.each<[ArticleSubset, number, number]>([
    [{ from: null, to: '2016-09-08', shared: null }, 3, 2],
    [{ from: '2016-09-01', to: '2016-09-30', shared: null }, 2, 3],
    [{ from: '2016-10-22', to: null, shared: null }, 1, 4],
    [{ from: '2017-01-01', to: null, shared: null }, 0, 5],
  ])('%o keeps %i articles, %i outside', (subset, kept, outside) => {
    const slice = sliceOf(corpus, analyses, subset, noStories);
    expect(slice.dates).toEqual({ kept, outside, undated: 0 });
    expect(slice.analyses).toHaveLength(kept);
  });

  test('its export equals the plain aggregate of the kept articles (a second path through the engine)', () => {
    const subset = { from: '2016-09-01', to: '2016-09-30', shared: null };
    const slice = sliceOf(corpus, analyses, subset, noStories);
    const ex = sliceExport(corpus, slice, DEFAULT_OPTIONS);
    const ids = new Set(
      corpus.articles.filter((a) => a.date! >= '2016-09-01' && a.date! <= '2016-09-30').map((a) => a.id),
    );
    const plain = aggregate(
      corpus,
      analyses.filter((a) => ids.has(a.id)),
      DEFAULT_OPTIONS,
    );
    expect(ex.counts).toEqual(plain.counts);
    expect(ex.stance).toEqual(plain.stance);
    expect(ex.articles.map((a) => a.id)).toEqual([...ids]);
    expect(ex.mentions.length).toBe(plain.mentions.length);
  });

  test('undated articles are counted apart and left out under a range, kept without one', () => {
    const undated = { ...corpus, articles: corpus.articles.map((a, i) => (i === 0 ? { ...a, date: null } : a)) };
    expect(sliceOf(undated, analyses, { from: '2016-01-01', to: null, shared: null }, noStories).dates).toEqual({
      kept: 4,
      outside: 0,
      undated: 1,
    });
    expect(sliceOf(undated, analyses, WHOLE, noStories).dates).toEqual({ kept: 5, outside: 0, undated: 0 });
  });

  test('time fields: the range, what it left out, stories cut to the kept articles, a story column', () => {
    const subset = { from: null, to: '2016-09-08', shared: null };
    const slice = sliceOf(corpus, analyses, subset, noStories);
    const [a, b, c] = corpus.articles.filter((x) => x.date! <= '2016-09-08').map((x) => x.id);
    const late = corpus.articles.find((x) => x.date! > '2016-09-08')!.id;
    const story = {
      id: 'story-x',
      label: 'x',
      from: '2016-08-30',
      to: '2016-10-22',
      articles: [a, b, late],
      outlets: [],
    };
    const ex = withTimeFields(sliceExport(corpus, slice, DEFAULT_OPTIONS), subset, slice.dates, () => [story]);
    expect(ex.dateRange).toEqual({ from: null, to: '2016-09-08', articles: 3, outside: 2, undated: 0 });
    expect(ex.stories).toHaveLength(1);
    expect(ex.stories![0].articles).toEqual([a, b]);
    expect(ex.articles.map((x) => [x.id, x.story])).toEqual([
      [a, 'story-x'],
      [b, 'story-x'],
      [c, null],
    ]);
    expect(JSON.parse(JSON.stringify(ex)).stories[0].id).toBe('story-x');
  });

  test.each<[ArticleSubset, string]>([
    [WHOLE, ''],
    [{ from: '2016-01-01', to: null, shared: null }, '2016-01-01..|'],
    [{ from: null, to: null, shared: ['a', 'b'] }, '..|a,b'],
  ])('key of %o', (s, key) => expect(subsetKey(s)).toBe(key));
});

describe('a same-stories slice', () => {
  test("keeps the compared outlets' articles of stories all of them covered", () => {
    const [x, y] = corpus.articles;
    const story = { id: 's', label: '', from: x.date!, to: y.date!, articles: [x.id, y.id], outlets: [] };
    const slice = sliceOf(corpus, analyses, { from: null, to: null, shared: [x.outlet, y.outlet] }, () => [story]);
    // Two sides, one story both covered, its two articles; the seeds' other outlets keep their articles.
    // x is aggregator-a's article, y lidtime's (read in the files): one story both covered, its two articles.
    expect(slice.shared).toEqual({ stories: 1, articles: 2 });
    expect(slice.analyses).toHaveLength(5);
    // news24 did not cover it: no shared story; aggregator-a's and news24's articles go, the other three stay.
    const none = sliceOf(corpus, analyses, { from: null, to: null, shared: [x.outlet, 'news24'] }, () => [story]);
    expect(none.shared).toEqual({ stories: 0, articles: 0 });
    expect(none.analyses).toHaveLength(3);
  });
});
