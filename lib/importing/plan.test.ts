import { describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { articleHash, bodyText, contentHash, letterRuns, planImport, wordsUpTo } from './plan';
import type { ImportRecord } from './records';

const rec = (over: Partial<ImportRecord>): ImportRecord => ({
  where: 'r',
  title: 'Strikes hit Raqqa',
  text: 'US-led jets struck the city of Raqqa on Friday.',
  outlet: 'voa',
  date: null,
  url: null,
  extra: {},
  ...over,
});
const state = () => ({
  outlets: new Set(['voa']),
  hashes: new Map([[contentHash('Already stored text about the war in Syria.'), 'voa-old']]),
});
const opts: Parameters<typeof planImport>[2] = { outlet: null, createOutlets: false, dateOrder: 'mdy', source: null };
const plan = (records: ImportRecord[], o = opts) => planImport(records, state(), o, new Set());

describe('planImport', () => {
  test('a good record becomes an article with a content-hash id, title and body sections', () => {
    const p = plan([rec({ date: '10/21/2016', extra: { unit_id: '7' } })], { ...opts, source: 'Test' });
    expect(p.rejected).toEqual([]);
    const a = p.articles[0];
    expect(a.id).toMatch(/^voa-[0-9a-f]{12}$/);
    expect(a).toMatchObject({ outlet: 'voa', date: '2016-10-21', note: 'Test: unit_id=7' });
    expect(a.segments.map((s) => s.section)).toEqual(['title', 'body']);
    expect(p.dateFormats.get('M/D/YYYY')).toBe(1);
  });

  // Each bad record is rejected with its reason; the others still import.
  test.each([
    [
      'unknown outlet',
      rec({ outlet: 'bbc' }),
      'unknown outlet "bbc"; known: voa (add it to corpus.json or pass --create-outlets)',
    ],
    ['no outlet', rec({ outlet: null }), 'names no outlet'],
    ['outlet that is not an id', rec({ outlet: 'B B C!' }), 'is not an id'],
    ['no title', rec({ title: '  ' }), 'has no title'],
    ['malformed date', rec({ date: '31/31/2016' }), 'date "31/31/2016" is not a date'],
    ['no text', rec({ text: '' }), 'has no article text'],
    ['too little text', rec({ text: 'Raqqa. Friday.' }), 'has only 2 words of article text'],
  ])('%s', (_case, bad, reason) => {
    const p = plan([bad, rec({ text: 'A different article about Aleppo and its people.' })]);
    expect(p.rejected).toEqual([{ where: 'r', reason: expect.stringContaining(reason) }]);
    expect(p.articles).toHaveLength(1);
  });

  test('same text as a stored article, or twice in a batch, is a duplicate, whatever the spacing and case', () => {
    const p = plan([
      rec({ where: 'a', text: 'ALREADY stored text about the war in   Syria.' }),
      rec({ where: 'b' }),
      rec({ where: 'c', text: 'US-led jets struck the city of Raqqa on Friday!' }),
    ]);
    expect(p.duplicates).toEqual([
      { where: 'a', of: 'voa-old' },
      { where: 'c', of: p.articles[0].id },
    ]);
    expect(p.articles).toHaveLength(1);
  });

  test('a body line that looks like a section heading stays text', () => {
    const body = plan([rec({ text: 'First line of the article about Raqqa.\n## body\nMore text.' })]).articles[0]
      .segments[1].text;
    expect(body).toBe('First line of the article about Raqqa.\n ## body\nMore text.');
  });

  // The hash the plan keeps per article is the one a stored article gets hashed to again (the next batch's duplicates
  // are found by it), also when planning rewrote the body (blank lines squeezed, a heading-like line indented).
  test.each([
    ['plain text', 'US-led jets struck the city of Raqqa on Friday.'],
    ['three blank lines squeezed', 'First line about Raqqa and Aleppo.\n\n\n\nSecond line of the text.'],
    ['a heading-like line indented', 'First line of the article about Raqqa.\n## body\nMore text.'],
  ])("the plan keeps each article's content hash: %s", (_case, text) => {
    const p = plan([rec({ text })]);
    const a = p.articles[0];
    expect([...p.hashes]).toEqual([[a.id, articleHash(a)]]);
    // The id is the outlet and the hash's first 12 hex digits, so the two cannot disagree unnoticed.
    expect(a.id).toBe(`voa-${p.hashes.get(a.id)!.slice(0, 12)}`);
  });

  test('--create-outlets adds an unknown outlet once', () => {
    const p = plan(
      [rec({ outlet: 'bbc' }), rec({ outlet: 'bbc', text: 'Another article about the battle for Aleppo.' })],
      { ...opts, createOutlets: true },
    );
    expect(p.newOutlets).toEqual(['bbc']);
    expect(p.articles).toHaveLength(2);
  });
});

describe('letter runs (what the content hash reads)', () => {
  // The rule as it was written: the regex replacement, an independent implementation of the same runs.
  const byRegex = (t: string) => t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  test.each<[string, string]>([
    ['plain words', 'US-led jets struck Raqqa.'],
    ['leading and trailing punctuation', '  —"Daesh", they said…  '],
    ['digits and numerals', 'F-16s, 2016 and Ⅻ (a Roman numeral, \\p{N})'],
    ['letters outside ASCII', 'Ankara’da İstanbul Şam — الرقة'],
    ['an astral letter and an astral symbol', 'x𝐀y 😀 z'],
    ['a lone surrogate', 'a\ud800b \udc00c'],
    ['only punctuation', '… — !'],
    ['empty', ''],
  ])('%s', (_, text) => {
    expect(letterRuns(text)).toBe(byRegex(text));
    // The hash is the hash of those runs, lowercased, as before.
    const before = createHash('sha256').update(byRegex(text.toLowerCase())).digest('hex');
    expect(contentHash(text)).toBe(before);
  });
});

describe('words of a record, counted up to a limit', () => {
  // Counted by reading: "a b, c" has 3 words; "— 1 two" 2 (the dash holds no letter or digit); the long text stops at 5.
  test.each<[string, number, number]>([
    ['a b, c', 5, 3],
    ['— 1 two', 5, 2],
    ['one two three four five six seven', 5, 5],
    ['', 5, 0],
  ])('%j up to %i: %i', (text, most, n) => {
    expect(wordsUpTo(text, most)).toBe(n);
  });
});

describe('an article body as stored', () => {
  test.each<[string, string, string]>([
    ['nothing to change', 'One.\n\nTwo.', 'One.\n\nTwo.'],
    ['blank lines folded to one', 'One.\n\n\n\nTwo.', 'One.\n\nTwo.'],
    ['a heading-like line kept as text', 'One.\n## body\nTwo.', 'One.\n ## body\nTwo.'],
    ['"##" without a space is no heading', 'One.\n##body', 'One.\n##body'],
  ])('%s', (_, text, stored) => expect(bodyText(text)).toBe(stored));
});
