import { describe, expect, test } from 'vitest';
import { analysingHtml, countingHtml, percentDone } from './progress';

describe('analysis progress', () => {
  test.each([
    [0, 0, 100],
    [0, 784, 0],
    [783, 784, 99],
    [784, 784, 100],
    [1, 3, 33],
  ])('%i of %i is %i %', (done, total, pct) => {
    expect(percentDone({ corpus: 'c', done, total })).toBe(pct);
  });

  test.each([
    ['the counts', { corpus: 'fa-kes', done: 120, total: 784 }, '120 of 784 articles analysed (15 %)'],
    ['an escaped corpus id', { corpus: '<b>', done: 0, total: 1 }, 'Analysing corpus &lt;b&gt;'],
    ['a reload', { corpus: 'x', done: 0, total: 1 }, '<meta http-equiv="refresh" content="3">'],
    [
      'the provenance stage',
      { corpus: 'x', done: 5, total: 5, stage: 'provenance' as const },
      'All 5 articles are analysed; their provenance (reuse across the corpus) is still being computed',
    ],
    [
      'the tallies stage',
      { corpus: 'x', done: 5, total: 5, stage: 'tallies' as const },
      'their tallies by outlet, year and month are being stored',
    ],
    ['the analyses stage', { corpus: 'x', done: 2, total: 5, stage: 'analyses' as const }, '2 of 5 articles analysed'],
    [
      'the stories stage, with thousands separated',
      { corpus: 'x', done: 100000, total: 100000, stage: 'stories' as const },
      'All 100,000 articles are analysed; the stories (articles grouped by the event they report) are still being found',
    ],
    ['large counts', { corpus: 'x', done: 12345, total: 1000000 }, '12,345 of 1,000,000 articles analysed (1 %)'],
    // 300 of 600 is 50 %, worked by hand.
    [
      'the loading stage',
      { corpus: 'x', done: 300, total: 600, stage: 'loading' as const },
      'reading into memory in the background: 300 of 600 articles loaded (50 %)',
    ],
    [
      'the loading stage’s heading',
      { corpus: 'x', done: 0, total: 600, stage: 'loading' as const },
      '<h1>Loading corpus x',
    ],
  ])('the page shows %s', (_case, p, text) => {
    expect(analysingHtml(p)).toContain(text);
  });

  test.each([
    ['counting: reloads', { counting: true, message: 'Counting.' }, '<meta http-equiv="refresh" content="3">', true],
    ['refused: no reload', { counting: false, message: 'Too long.' }, 'http-equiv="refresh"', false],
    ['an escaped message', { counting: false, message: 'use "<b>"' }, 'use &quot;&lt;b&gt;&quot;', true],
  ])('the counting page, %s', (_case, p, text, present) => {
    expect(countingHtml(p).includes(text)).toBe(present);
  });
});
