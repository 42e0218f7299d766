import { describe, expect, test } from 'vitest';
import { corpusStories, corpusStoriesOfText } from '../analysis/slice';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import type { Story } from '../stories/cluster';
import { decodeStories, encodeStories, storiesKey } from './storiesJob';
import { talliesKey } from './tallies';

const story: Story = {
  id: 'story-a',
  label: 'A',
  from: '2016-01-01',
  to: '2016-01-02',
  articles: ['a', 'b'],
  outlets: ['x', 'y'],
};
const bytes = (x: unknown) => Buffer.from(typeof x === 'string' ? x : JSON.stringify(x));

describe('decodeStories', () => {
  test.each([
    ['what encodeStories wrote', encodeStories([story]), [story]],
    ['no stories', encodeStories([]), []],
    ['another format', bytes({ format: 2, stories: [story] }), null],
    ['not JSON (cut short)', encodeStories([story]).subarray(0, 20), null],
    ['a story without its outlets', bytes({ format: 1, stories: [{ ...story, outlets: undefined }] }), null],
    ['an article id that is not a string', bytes({ format: 1, stories: [{ ...story, articles: ['a', 2] }] }), null],
    ['stories that are not a list', bytes({ format: 1, stories: {} }), null],
  ])('%s', (_, b, expected) => {
    expect(decodeStories(b)).toEqual(expected);
  });
});

describe('storiesKey', () => {
  test.each([
    ['v1', ['2016-01-01', null]],
    ['v2', []],
  ])('%s is keyed as the tallies are (version and dates)', (version, dates) => {
    expect(storiesKey(version, dates)).toBe(talliesKey(version, dates));
    expect(storiesKey(version, [...dates, '2017-01-01'])).not.toBe(storiesKey(version, dates));
  });
});

describe('corpusStoriesOfText', () => {
  test.each(['corpus/seeds', 'corpus/fa-kes'])(
    '%s: clustering from the articles alone equals clustering from their analyses',
    (dir) => {
      const corpus = loadCorpus(dir);
      const fromAnalyses = corpusStories(corpus, analyzeArticles(corpus));
      expect(corpusStoriesOfText(corpus)).toEqual(fromAnalyses);
      // FA-KES has stories to compare (the seeds have none: no two of their five pages are linked).
      if (dir.endsWith('fa-kes')) expect(fromAnalyses.length).toBeGreaterThan(10);
    },
    120_000,
  );
});
