import { describe, expect, test } from 'vitest';
import {
  counted,
  dateCaption,
  dateCounts,
  dateKept,
  filterCaption,
  inScope,
  keptByProvenance,
  scopeSections,
  sentenceReading,
  viewCaption,
  type DateCounts,
  type DateRange,
} from './filters';

const all = { voice: 'all', scope: 'all' } as const;
const own = { voice: 'own', scope: 'all' } as const;
const body = { voice: 'all', scope: 'body' } as const;
const ownBody = { voice: 'own', scope: 'body' } as const;

describe('the meaning of voice and scope', () => {
  test.each([
    [all, ['title', 'caption', 'body']],
    [body, ['body']],
    [ownBody, ['body']],
  ])('%o counts sections %o', (o, sections) => expect(scopeSections(o)).toEqual(sections));

  test.each([
    ['title', all, true],
    ['caption', body, false],
    ['body', body, true],
  ])('section %s under %o: %s', (section, o, expected) => expect(inScope(section, o)).toBe(expected));

  test.each([
    [{ section: 'body', voice: 'quoted' }, all, true],
    [{ section: 'body', voice: 'quoted' }, own, false],
    [{ section: 'title', voice: 'own' }, ownBody, false],
    [{ section: 'body', voice: 'own' }, ownBody, true],
  ])('mention %o under %o counted: %s', (m, o, expected) => expect(counted(m, o)).toBe(expected));

  const s = { score: -3, words: 12, ownScore: -1, ownWords: 5 };
  test.each([
    [all, { score: -3, words: 12 }],
    [own, { score: -1, words: 5 }],
  ])('sentence reading under %o', (o, expected) => expect(sentenceReading(s, o)).toEqual(expected));

  test.each([
    [all, 'own voice and quotations; title, captions and body'],
    [ownBody, "the outlet's own voice only (quotations excluded); article body only"],
    [
      { ...all, provenance: 'original' as const },
      'own voice and quotations; title, captions and body; original text only (sentences shared with other articles or credited to a source left out)',
    ],
  ])('caption of %o', (o, expected) => expect(filterCaption(o)).toBe(expected));

  test.each([
    ['original', 'all', true],
    ['shared', 'all', true],
    ['original', 'original', true],
    ['shared', 'original', false],
    ['credited', 'original', false],
    ['original', 'reused', false],
    ['shared', 'reused', true],
    ['credited', 'reused', true],
  ] as const)('a %s sentence under provenance=%s counts: %s', (kind, provenance, expected) =>
    expect(keptByProvenance(kind, { ...all, provenance })).toBe(expected),
  );
});

describe('date range', () => {
  const none = { from: null, to: null };
  const july = { from: '2016-07-01', to: '2016-07-31' };
  const since = { from: '2016-07-01', to: null };
  test.each<[string | null, DateRange, boolean]>([
    ['2016-07-01', july, true], // bounds are inclusive
    ['2016-07-31', july, true],
    ['2016-08-01', july, false],
    [null, none, true], // no range: undated articles are counted like the rest
    [null, july, false], // a range: undated articles cannot be placed in it
    ['2020-01-01', since, true],
    ['2016-06-30', since, false],
  ])('%s in %o: %s', (date, r, kept) => expect(dateKept(date, r)).toBe(kept));

  // Five dates, counted by eye: in July 2016 are 07-01 and 07-31 (2), outside are 06-30 and 08-01 (2), undated 1.
  const dates = ['2016-07-01', '2016-06-30', null, '2016-07-31', '2016-08-01'];
  test.each<[DateRange, DateCounts, string | null]>([
    [none, { kept: 5, outside: 0, undated: 0 }, null],
    [
      july,
      { kept: 2, outside: 2, undated: 1 },
      'articles dated 2016-07-01 to 2016-07-31 (2 of 5); 1 undated article excluded',
    ],
    [
      since,
      { kept: 3, outside: 1, undated: 1 },
      'articles dated 2016-07-01 or later (3 of 5); 1 undated article excluded',
    ],
    [
      { from: null, to: '2016-06-30' },
      { kept: 1, outside: 3, undated: 1 },
      'articles dated 2016-06-30 or earlier (1 of 5); 1 undated article excluded',
    ],
  ])('%o', (r, counts, caption) => {
    expect(dateCounts(dates, r)).toEqual(counts);
    expect(dateCaption(r, counts)).toBe(caption);
  });
});

describe('a view caption says every filter, the date range and same stories', () => {
  const none = { from: null, to: null };
  const c = (kept: number, outside: number, undated: number): DateCounts => ({ kept, outside, undated });
  test.each<[string, Parameters<typeof viewCaption>, string]>([
    ['no filter', [{ ...all, ...none }, c(784, 0, 0), null], 'own voice and quotations; title, captions and body'],
    [
      'own voice, body, a range with undated articles left out',
      [{ ...ownBody, from: '2016-07-01', to: '2016-07-31' }, c(41, 740, 3), null],
      "the outlet's own voice only (quotations excluded); article body only; articles dated 2016-07-01 to 2016-07-31 (41 of 784); 3 undated articles excluded",
    ],
    [
      'same stories only, one story',
      [{ ...all, ...none }, c(784, 0, 0), { stories: 1, articles: 2 }],
      'own voice and quotations; title, captions and body; same stories only: 1 story every compared outlet covered, 2 articles of theirs',
    ],
    [
      'open-ended range and same stories',
      [{ ...all, from: '2016-01-01', to: null }, c(1200, 3, 0), { stories: 11, articles: 1024 }],
      'own voice and quotations; title, captions and body; articles dated 2016-01-01 or later (1,200 of 1,203); same stories only: 11 stories every compared outlet covered, 1,024 articles of theirs',
    ],
  ])('%s', (_, args, expected) => {
    expect(viewCaption(...args)).toBe(expected);
  });
});
