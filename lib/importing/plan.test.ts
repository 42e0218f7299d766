import { describe, expect, test } from 'vitest';
import { contentHash, planImport } from './plan';
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

  test('--create-outlets adds an unknown outlet once', () => {
    const p = plan(
      [rec({ outlet: 'bbc' }), rec({ outlet: 'bbc', text: 'Another article about the battle for Aleppo.' })],
      { ...opts, createOutlets: true },
    );
    expect(p.newOutlets).toEqual(['bbc']);
    expect(p.articles).toHaveLength(2);
  });
});
