import { describe, expect, test } from 'vitest';
import { readRecords } from './records';

const read = (source: string, name: string, format: Parameters<typeof readRecords>[2], mapping = {}) =>
  readRecords(source, name, format, mapping);

describe('readRecords', () => {
  test('plain text with a metadata header', () => {
    const { records } = read(
      'title: Strikes hit Raqqa\noutlet: voa\ndate: 2016-10-21\n\nUS-led jets struck the city.\n\nMore text.',
      'a.txt',
      'text',
    );
    expect(records[0]).toMatchObject({
      title: 'Strikes hit Raqqa',
      outlet: 'voa',
      date: '2016-10-21',
      text: 'US-led jets struck the city.\n\nMore text.',
    });
  });
  test('plain text without a header: the first short line is the title', () => {
    expect(read('Strikes hit Raqqa\nUS-led jets struck the city.', 'a.txt', 'text').records[0]).toMatchObject({
      title: 'Strikes hit Raqqa',
      text: 'US-led jets struck the city.',
    });
  });
  test('CSV with known column names, other columns kept as extras', () => {
    const { records } = read('title,text,outlet,unit_id\nT,"Body, with comma",voa,7\n', 'a.csv', 'csv');
    expect(records[0]).toMatchObject({
      where: 'a.csv line 2',
      title: 'T',
      text: 'Body, with comma',
      outlet: 'voa',
      extra: { unit_id: '7' },
    });
  });
  test('CSV with a mapping', () => {
    expect(
      read('headline2,body2\nT,B\n', 'a.csv', 'csv', { title: 'headline2', text: 'body2' }).records[0],
    ).toMatchObject({ title: 'T', text: 'B' });
  });
  test('JSONL: a bad line is rejected with its number, the others are read', () => {
    const r = read('{"title":"A","text":"x"}\n{oops\n["not","object"]\n{"title":"B","text":"y"}\n', 'a.jsonl', 'jsonl');
    expect(r.records.map((x) => x.title)).toEqual(['A', 'B']);
    expect(r.rejected.map((x) => x.where)).toEqual(['a.jsonl line 2', 'a.jsonl line 3']);
  });
  test('JSON: a list or {"articles": [...]}', () => {
    expect(read('{"articles":[{"headline":"H","content":"C"}]}', 'a.json', 'json').records[0]).toMatchObject({
      title: 'H',
      text: 'C',
    });
  });

  // Bad input: each file-level problem names the file, the problem and a fix.
  test.each([
    [
      'CSV with a missing text column',
      'title,outlet\nT,voa\n',
      'a.csv',
      'csv',
      'a.csv: has no column for the article text; its columns are title, outlet',
    ],
    [
      'CSV with a mapped column that does not exist',
      'title,body\nT,B\n',
      'a.csv',
      'csv',
      'is missing the column "nope" mapped to date',
      { date: 'nope' },
    ],
    [
      'malformed metadata header',
      'title: T\nauthor: me\n\nText',
      'a.txt',
      'text',
      'a.txt line 2: malformed metadata "author: me"',
    ],
    ['repeated metadata', 'title: T\ntitle: U\n\nText', 'a.txt', 'text', 'metadata "title" appears twice'],
    ['JSON that is not a list', '{"title":"T"}', 'a.json', 'json', 'must be a list of articles'],
    ['invalid JSON', '[{"title":', 'a.json', 'json', 'a.json: is not valid JSON'],
  ] as [string, string, string, Parameters<typeof readRecords>[2], string, Record<string, string>?][])(
    '%s',
    (_case, source, name, format, message, mapping) => {
      expect(() => read(source, name, format, mapping ?? {})).toThrow(message);
    },
  );

  test('CSV rows with missing or extra columns are rejected one by one', () => {
    const r = read('title,text,outlet\nA,x,voa\nB,y\nC,z,voa,extra\nD,w,voa\n', 'a.csv', 'csv');
    expect(r.records.map((x) => x.title)).toEqual(['A', 'D']);
    expect(r.rejected).toEqual([
      {
        where: 'a.csv line 3',
        reason: 'has 2 fields but the header has 3 (missing columns; quote fields that contain commas)',
      },
      {
        where: 'a.csv line 4',
        reason: 'has 4 fields but the header has 3 (extra columns; quote fields that contain commas)',
      },
    ]);
  });
});
