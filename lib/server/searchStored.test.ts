import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { fakesTestRoot } from './testRoot';

// Issue #19 / #17: a search answered from the stored word index (postings for counts, only the matching articles read
// for the sentences) equals the search answered from the whole text, the code that was there before and is the
// independent implementation here: counts per outlet and the KWIC page, for a table of queries under every voice and
// scope, a date range, chosen outlets, sorts, pages and a text query.
const root = fakesTestRoot('searchidx');

type Dataset = typeof import('./dataset');
type Bundles = typeof import('./bundles');
let dataset: Dataset;
let bundles: Bundles;
let stored: typeof import('./searchStored');
beforeAll(async () => {
  const { completeCorpus, tracked } = await import('../store/prepare');
  await tracked('fa-kes', 'test', (p) => completeCorpus(p, path.join(root, 'fa-kes')));
  dataset = await import('./dataset');
  bundles = await import('./bundles');
  stored = await import('./searchStored');
}, 240_000);

function both(params: Record<string, string>) {
  const opened = dataset.openView('/search', new URLSearchParams({ corpus: 'fa-kes', ...params }));
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  const b = bundles.getBundle('fa-kes');
  const index = stored.wordIndexOf(b);
  const postings = bundles.postingsOf(b);
  if (!index || !postings) throw new Error('no word index or postings stored');
  // Outside the production server searchOf answers from the whole text, as before.
  return { before: dataset.searchOf(opened.view), after: dataset.searchFromIndex(opened.view, { index, postings }) };
}

const QUERIES = [
  ['a word', 'rebels'],
  ['a capitalised word', 'Takfiri'],
  ['an apostrophe word', "Syria's"],
  ['a curly apostrophe', 'Assad’s'],
  ['a hyphenated word', 'al-Nusra'],
  ['a wildcard prefix', 'terror*'],
  ['a wildcard suffix', '*ists'],
  ['a wildcard middle', 't*ists'],
  ['a very common word', 'the'],
  ['a two-word phrase', 'Islamic State'],
  ['a quoted three-word phrase', '"the Syrian regime"'],
  ['a phrase with a wildcard', 'Free Syrian*'],
  ['a word nowhere', 'zzzqqq'],
];
const READINGS = [
  ['all text', {}],
  ['own voice', { voice: 'own' }],
  ['body only', { scope: 'body' }],
  ['own voice, body only', { voice: 'own', scope: 'body' }],
  ['a date range', { from: '2015-06-15', to: '2016-02-10' }],
  ['chosen outlets', { outlets: 'sana,reuters' }],
] as [string, Record<string, string>][];

describe('search from the word index equals search from the whole text (FA-KES)', () => {
  test.each(QUERIES.flatMap(([what, term]) => READINGS.map(([how, p]) => [what, how, term, p] as const)))(
    '%s under %s (%s)',
    (_what, _how, term, p) => {
      const { before, after } = both({ term, ...p });
      expect(after).toEqual(before);
    },
  );

  test.each([
    ['a text query', { term: 'rebels', q: 'aleppo' }],
    ...['outlet', 'voice', 'left', 'right'].map((sort) => [`sorted by ${sort}`, { term: 'forces', sort }]),
    ['page 3', { term: 'the', page: '3' }],
    ['page 7 of chosen outlets, own voice', { term: 'the', page: '7', outlets: 'sana,trt', voice: 'own' }],
    ['a page past the last', { term: 'rebels', page: '999' }],
    ['the last page of a pattern', { term: '*ists', page: '2' }],
    ['page 2 sorted by left context, own voice', { term: 'syria*', page: '2', sort: 'left', voice: 'own' }],
  ] as [string, Record<string, string>][])('%s', (_, params) => {
    const { before, after } = both(params);
    expect(after).toEqual(before);
  });

  test('the comparison is not vacuous: the answers hold counts and sentences', () => {
    const { after } = both({ term: 'Takfiri' });
    // "takfiri" as a whole word (not inside takfiris, takfiri's or a hyphenated word): 91 uses in 48 articles, counted
    // over the article files' sections (after their metadata lines; some body lines themselves begin "title:") with a
    // case-insensitive regular expression, independently of the scanner.
    expect(after!.kwic.counts.reduce((n, c) => n + c.hits, 0)).toBe(91);
    expect(after!.kwic.counts.reduce((n, c) => n + c.articles, 0)).toBe(48);
    const common = both({ term: 'the' }).after!;
    expect(common.kwic.rows.pages).toBeGreaterThan(10);
  });

  test('one word in position order is paged from the postings, reading only the page’s articles', async () => {
    const { indexedPage } = await import('./searchStored');
    const b = bundles.getBundle('fa-kes');
    const page = indexedPage(
      b,
      { index: stored.wordIndexOf(b)!, postings: bundles.postingsOf(b)! },
      { voice: 'all', scope: 'all', provenance: 'all', subset: { from: null, to: null, shared: null } },
      null,
      { source: 'the', words: [['the']] },
      () => new Map(b.meta.articles.map((a) => [a.id, a.title ?? a.id])),
      2,
    );
    expect(page).not.toBeNull();
    expect(page!.rows.rows).toHaveLength(100);
    expect(page).toEqual(both({ term: 'the', page: '2' }).before!.kwic);
  });

  test('a phrase across punctuation does not match', () => {
    // "Aleppo. This" occurs twice in FA-KES and "Aleppo this" never without the full stop (grep over the files).
    const { before, after } = both({ term: 'Aleppo this' });
    expect(after).toEqual(before);
    expect(after!.kwic.counts.reduce((n, c) => n + c.hits, 0)).toBe(0);
    // Each word alone is there.
    expect(both({ term: 'Aleppo' }).after!.kwic.unfiltered).toBeGreaterThan(0);
  });
});
