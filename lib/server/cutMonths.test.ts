import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { attributedGroups } from '../analysis/aggregate';
import type { DateRange } from '../analysis/filters';
import { fillMonthTallies, monthTallies } from '../analysis/monthTallies';
import { analyzeArticles } from '../analysis/run';
import { tallyByOutlet } from '../analysis/tallies';
import { loadCorpus } from '../corpus/load';
import { isAnalysing } from '../store/prepare';
import type { ArticleAlone } from './bundles';
import { cutMonthTallies, type ReadArticles } from './cutMonths';

// The production path (the store, the proxy, the whole text never read) is checked in cutmonth.textload.test.ts; here,
// how the cut months' articles are read: which, when at once, when in the background, what is kept and retried.
const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
const analyses = analyzeArticles(corpus);
const months = fillMonthTallies(monthTallies(corpus, analyses), analyses);
const dateOf = new Map(corpus.articles.map((a) => [a.id, a.date]));

// A reader over the analyses in memory that counts the articles it is asked for; `fail` makes it throw, `lost` answer
// null for an article (one edited since its version was indexed).
function reader(o: { fail?: boolean; lost?: boolean } = {}) {
  const asked: number[] = [];
  const read: ReadArticles = (at) =>
    (function* (): Generator<void, ArticleAlone[] | null, void> {
      if (o.fail) throw new Error('disk gone');
      for (const i of at) asked.push(i);
      if (o.lost && at.length > 0) return null;
      return at.map((i) => ({ article: corpus.articles[i], analysis: analyses[i] }));
    })();
  return { read, asked };
}

// The independent computation: the kept articles of every month that also holds an article the range leaves out.
function byHand(r: DateRange) {
  const keeps = (d: string | null | undefined) =>
    !!d && (r.from === null || d >= r.from) && (r.to === null || d <= r.to);
  const leftOut = new Set(corpus.articles.filter((a) => a.date && !keeps(a.date)).map((a) => a.date!.slice(0, 7)));
  const cut = analyses.filter((a) => {
    const d = dateOf.get(a.id);
    return keeps(d) && leftOut.has(d!.slice(0, 7));
  });
  return { n: cut.length, tally: tallyByOutlet(cut, attributedGroups(corpus)) };
}

afterEach(() => {
  delete process.env.FRAMESCOPE_DRILL_HERE_ARTICLES;
});

describe('the tally of the months a range cuts, from their articles alone', () => {
  test.each<[string, DateRange, number]>([
    // Counts from the article files' date lines (grep '^date:', by day).
    ['inside one month (2016-07-18..21)', { from: '2016-07-18', to: '2016-07-21' }, 14],
    ['mid-month to mid-month across years', { from: '2014-03-17', to: '2016-08-09' }, 20],
    ['to only (2015-02-01..15)', { from: null, to: '2015-02-15' }, 16],
    ['whole months only', { from: '2015-03-01', to: '2016-08-31' }, 0],
  ])('%s: reads the %i cut articles at once, and tallies them as a fresh tally does', (_, r, n) => {
    const { read, asked } = reader();
    const owner = {};
    const tally = cutMonthTallies(owner, 'fa-kes', months, r, read);
    expect(asked).toHaveLength(n);
    expect(byHand(r).n).toBe(n);
    expect(tally).toEqual(byHand(r).tally);
    // Asked again: kept, not read again.
    expect(cutMonthTallies(owner, 'fa-kes', months, r, read)).toBe(tally);
    expect(asked).toHaveLength(n);
  });

  test('over FRAMESCOPE_DRILL_HERE_ARTICLES: the loading stage counting the cut articles, then the tally', async () => {
    process.env.FRAMESCOPE_DRILL_HERE_ARTICLES = '5';
    const r = { from: '2016-07-18', to: '2016-07-21' };
    const { read } = reader();
    const owner = {};
    let thrown: unknown = null;
    try {
      cutMonthTallies(owner, 'fa-kes', months, r, read);
    } catch (e) {
      thrown = e;
    }
    expect(isAnalysing(thrown)).toBe(true);
    expect((thrown as { progress: unknown }).progress).toEqual({
      corpus: 'fa-kes',
      done: 0,
      total: 14,
      stage: 'loading',
    });
    let tally = null;
    for (let i = 0; i < 100 && !tally; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      try {
        tally = cutMonthTallies(owner, 'fa-kes', months, r, read);
      } catch (e) {
        expect(isAnalysing(e)).toBe(true);
      }
    }
    expect(tally).toEqual(byHand(r).tally);
  });

  test.each([
    ['a bundle that cannot read articles alone', () => null],
    ['an article that cannot be read alone', reader({ lost: true }).read],
  ])('%s: null (the whole text is read instead)', (_, read) => {
    expect(cutMonthTallies({}, 'fa-kes', months, { from: '2016-07-18', to: '2016-07-21' }, read)).toBeNull();
  });

  test('a read that fails is told, then tried again by the next view that asks', () => {
    const owner = {};
    const r = { from: '2016-07-18', to: '2016-07-21' };
    expect(() => cutMonthTallies(owner, 'fa-kes', months, r, reader({ fail: true }).read)).toThrow('disk gone');
    expect(cutMonthTallies(owner, 'fa-kes', months, r, reader().read)).toEqual(byHand(r).tally);
  });
});
