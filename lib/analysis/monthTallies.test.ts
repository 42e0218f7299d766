import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import type { AnalysisOptions } from '../types';
import { DEFAULT_OPTIONS, attributedGroups, exportStats } from './aggregate';
import type { DateRange } from './filters';
import {
  addTalliedMonths,
  cutPositions,
  extendMonthTallies,
  emptyMonthTallies,
  fillMonthTallies,
  monthTallies,
  rangeTallies,
} from './monthTallies';
import { analyzeArticles } from './run';
import { sliceOf } from './slice';
import { tallyByOutlet } from './tallies';

// FA-KES: dated 2011-2018, most articles 2014-2016, so ranges cut months and cover whole months and years.
const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
const analyses = analyzeArticles(corpus);
const index = monthTallies(corpus, analyses);
const dateOf = new Map(corpus.articles.map((a) => [a.id, a.date]));

// The independent computation: keep the articles dated in the range by plain string comparison, tally them afresh.
function fresh(r: DateRange) {
  const kept = analyses.filter((a) => {
    const d = dateOf.get(a.id) ?? null;
    return d !== null && (r.from === null || d >= r.from) && (r.to === null || d <= r.to);
  });
  return { kept, byOutlet: tallyByOutlet(kept, attributedGroups(corpus)) };
}

const RANGES: [string, DateRange][] = [
  ['a whole year (2015)', { from: '2015-01-01', to: '2015-12-31' }],
  ['whole months (March to November 2015)', { from: '2015-03-01', to: '2015-11-30' }],
  ['cuts both end months', { from: '2014-03-17', to: '2016-08-09' }],
  ['inside one month', { from: '2016-07-18', to: '2016-07-21' }],
  ['open start', { from: null, to: '2015-06-15' }],
  ['open end', { from: '2016-02-29', to: null }],
  ['no articles', { from: '1990-01-01', to: '1990-12-31' }],
];

const OPTIONS: [string, AnalysisOptions][] = [
  ['all voices and sections', DEFAULT_OPTIONS],
  ['own voice, body only', { ...DEFAULT_OPTIONS, voice: 'own', scope: 'body' }],
  ['own voice, every section', { ...DEFAULT_OPTIONS, voice: 'own' }],
];

// Labels given to actors are listed in the order a tally first saw them; summed months see them in another order.
const canonical = <T extends { outlet: string; actor: string; group: string; variant: string }>(rows: T[]) =>
  [...rows].sort((a, b) =>
    `${a.outlet}/${a.actor}/${a.group}/${a.variant}`.localeCompare(`${b.outlet}/${b.actor}/${b.group}/${b.variant}`),
  );

describe('summed month tallies equal a fresh tally of the same articles', () => {
  test.each(RANGES)('%s: every outlet tally (counts, sums, histograms, cluster sums)', (_, r) => {
    const summed = rangeTallies(index, analyses, r);
    const expected = fresh(r).byOutlet;
    expect([...summed.keys()].sort()).toEqual([...expected.keys()].sort());
    // Map equality here is by entries, whatever their order.
    for (const [outlet, t] of expected) expect(summed.get(outlet)).toEqual(t);
  });

  test.each(RANGES.flatMap(([name, r]) => OPTIONS.map(([o, opts]) => [`${name}, ${o}`, r, opts] as const)))(
    '%s: the export statistics',
    (_, r, o) => {
      const a = exportStats(corpus, rangeTallies(index, analyses, r), o);
      const b = exportStats(corpus, fresh(r).byOutlet, o);
      expect(a.counts).toEqual(b.counts);
      expect(a.stance).toEqual(b.stance);
      expect(a.sentiment).toEqual(b.sentiment);
      expect(a.distinctive).toEqual(b.distinctive);
      expect(a.actorTone).toEqual(b.actorTone);
      expect(a.setAside).toEqual(b.setAside);
      expect(canonical(a.actorLabels)).toEqual(canonical(b.actorLabels));
    },
  );

  test.each(RANGES)('%s: the slice keeps the same articles in corpus order and says what it left out', (_, r) => {
    const withIndex = sliceOf(corpus, analyses, { ...r, shared: null }, () => [], index);
    const without = sliceOf(corpus, analyses, { ...r, shared: null }, () => []);
    expect(withIndex.analyses.map((a) => a.id)).toEqual(fresh(r).kept.map((a) => a.id));
    expect(withIndex.dates).toEqual(without.dates);
  });
});

describe('the index grows with its list', () => {
  test('an index built on the first half and extended equals one built on the whole list', () => {
    const half = Math.floor(analyses.length / 2);
    const grown = extendMonthTallies(
      extendMonthTallies(emptyMonthTallies(corpus), corpus, analyses.slice(0, half)),
      corpus,
      analyses,
    );
    expect(grown.size).toBe(analyses.length);
    const r = { from: '2015-01-01', to: '2016-12-31' };
    for (const [outlet, t] of fresh(r).byOutlet) expect(rangeTallies(grown, analyses, r).get(outlet)).toEqual(t);
  });

  test.each<[string, DateRange]>([
    ['whole years', { from: '2014-01-01', to: '2016-12-31' }],
    ['whole months, cut years', { from: '2014-03-01', to: '2016-08-31' }],
  ])('%s already tallied take in articles added later', (_, r) => {
    const half = Math.floor(analyses.length / 2);
    const grown = extendMonthTallies(emptyMonthTallies(corpus), corpus, analyses.slice(0, half));
    // Tallies the years or months of the range from the first half...
    rangeTallies(grown, analyses.slice(0, half), r);
    // ...then the second half arrives, partly in those years and months.
    extendMonthTallies(grown, corpus, analyses);
    for (const [outlet, t] of fresh(r).byOutlet) expect(rangeTallies(grown, analyses, r).get(outlet)).toEqual(t);
  });

  test('a list shorter than the index is refused with what to do', () => {
    expect(() => extendMonthTallies(monthTallies(corpus, analyses), corpus, analyses.slice(0, 3))).toThrow(
      /holds 784 analyses but the list has 3: build a new index/,
    );
  });
});

describe('every block tallied at once (what the write-time worker stores)', () => {
  const filled = fillMonthTallies(monthTallies(corpus, analyses), analyses);
  // The independent computation: an article belongs to a year or month when its date starts with it.
  const byPrefix = (prefix: string) =>
    tallyByOutlet(
      analyses.filter((a) => dateOf.get(a.id)?.startsWith(prefix)),
      attributedGroups(corpus),
    );
  const blocks = [...filled.years].flatMap(([y, year]) => [
    [y, year.byOutlet] as const,
    ...[...year.months].map(([m, month]) => [m, month.byOutlet] as const),
  ]);

  test('FA-KES has blocks from 2011 to 2018', () => {
    // FA-KES spans 2011-02 to 2018-07 (README "Time and stories").
    expect([...filled.years.keys()].sort()[0]).toBe('2011');
    expect([...filled.years.keys()].sort().at(-1)).toBe('2018');
  });

  test.each(blocks)('%s equals a fresh tally of the articles dated in it', (prefix, byOutlet) => {
    expect(byOutlet).not.toBeNull();
    const expected = byPrefix(prefix);
    expect([...byOutlet!.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [outlet, t] of expected) expect(byOutlet!.get(outlet)).toEqual(t);
  });

  test.each<[string, DateRange, number]>([
    ['a whole year', { from: '2015-01-01', to: '2015-12-31' }, 0],
    ['whole months', { from: '2015-03-01', to: '2016-08-31' }, 0],
    ['a range that cuts months', { from: '2014-03-17', to: '2016-08-09' }, 1],
  ])('%s: the analyses are loaded %i times, and the sum equals a fresh tally', (_, r, loads) => {
    let calls = 0;
    const summed = rangeTallies(filled, () => (calls++, analyses), r);
    expect(calls).toBe(loads);
    for (const [outlet, t] of fresh(r).byOutlet) expect(summed.get(outlet)).toEqual(t);
  });

  // The independent computation: a kept article is in a cut month when its month ('YYYY-MM') holds an article the
  // range leaves out.
  const cutByHand = (r: DateRange) => {
    const keeps = (d: string | null | undefined) =>
      !!d && (r.from === null || d >= r.from) && (r.to === null || d <= r.to);
    const leftOut = new Set(
      analyses.map((a) => dateOf.get(a.id)).flatMap((d) => (d && !keeps(d) ? [d.slice(0, 7)] : [])),
    );
    return analyses.flatMap((a, i) => {
      const d = dateOf.get(a.id);
      return keeps(d) && leftOut.has(d!.slice(0, 7)) ? [i] : [];
    });
  };

  test.each<[string, DateRange, number]>([
    // 2016-07-18..21: 14 articles (grep of the article files' date lines); July has articles on other days.
    ['inside one month', { from: '2016-07-18', to: '2016-07-21' }, 14],
    // March 2014's 4 articles are all before the 17th (a month wholly outside); 2016-08-01..09: 20 articles (grep).
    ['cuts both end months', { from: '2014-03-17', to: '2016-08-09' }, 20],
    // No article is dated 2016-03-15 (March 2016: the 2nd, 4th, 10th, 12th twice and 21st).
    ['one day without articles', { from: '2016-03-15', to: '2016-03-15' }, 0],
    ['whole months', { from: '2015-03-01', to: '2016-08-31' }, 0],
    // 2015-02-01..15: 2+3+3+1+1+2+2+2 = 16 articles (grep of the date lines, counted by day).
    ['open start', { from: null, to: '2015-02-15' }, 16],
    // 2016-02-15..29: 2+1+2+1+1 = 7 articles (grep, by day).
    ['open end', { from: '2016-02-15', to: null }, 7],
  ])('%s: the cut months keep %i articles, and a cut tally of those alone gives the same sum', (_, r, n) => {
    const at = cutPositions(filled, r);
    expect(at).toHaveLength(n);
    expect([...at].sort((a, b) => a - b)).toEqual(cutByHand(r));
    const cut = tallyByOutlet(
      at.map((i) => analyses[i]),
      attributedGroups(corpus),
    );
    // With the cut tally given and every block stored, no analysis is read at all.
    const summed = rangeTallies(
      filled,
      () => {
        throw new Error('read every analysis');
      },
      r,
      cut,
    );
    expect(summed).toEqual(rangeTallies(filled, analyses, r));
    for (const [outlet, t] of fresh(r).byOutlet) expect(summed.get(outlet)).toEqual(t);
  });

  test('an index not extended to the whole list is refused with what to do', () => {
    expect(() => fillMonthTallies(monthTallies(corpus, analyses.slice(0, 3)), analyses)).toThrow(
      /holds 3 analyses but 784 were given: extend it first/,
    );
  });
});

describe('addTalliedMonths: the filled index, made a chunk at a time', () => {
  const filled = fillMonthTallies(monthTallies(corpus, analyses), analyses);
  const datesOf = (list: typeof analyses) => list.map((a) => dateOf.get(a.id) ?? null);
  test.each([[1], [50], [784]])('%i at a time: equal to the index filled at once', (chunk) => {
    const index = emptyMonthTallies(corpus);
    for (let from = 0; from < analyses.length; from += chunk) {
      const part = analyses.slice(from, from + chunk);
      addTalliedMonths(index, part, datesOf(part));
    }
    expect(index).toEqual(filled);
  });

  test.each<[string, () => void, string]>([
    [
      'dates that do not match the analyses',
      () => addTalliedMonths(emptyMonthTallies(corpus), analyses.slice(0, 3), [null]),
      'tallied months: 3 analyses were given with 1 dates',
    ],
    [
      'an index with blocks not tallied',
      () => addTalliedMonths(monthTallies(corpus, analyses.slice(0, 10)), [analyses[10]], [null]),
      'the index has blocks not tallied yet; fill it first (fillMonthTallies)',
    ],
  ])('%s is refused', (_name, run, message) => {
    expect(run).toThrow(message);
  });
});
