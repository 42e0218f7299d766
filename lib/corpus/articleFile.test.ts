import { describe, expect, test } from 'vitest';
import { InputError } from '../errors';
import type { Article } from '../types';
import { parseArticleFile, serializeArticleFile } from './articleFile';

const article: Article = {
  id: 'a1',
  outlet: 'voa',
  title: 'T',
  date: '2016-10-21',
  url: null,
  raw: 'raw/a1.txt',
  note: null,
  segments: [
    { section: 'title', text: 'T' },
    { section: 'caption', text: 'C. (AP)' },
    { section: 'body', text: 'P1.\n\nP2.' },
  ],
};

describe('article files', () => {
  test('round trip is exact', () => expect(parseArticleFile(serializeArticleFile(article), 'a1.txt')).toEqual(article));
  test('CRLF line endings are accepted', () => {
    expect(parseArticleFile(serializeArticleFile(article).replace(/\n/g, '\r\n'), 'a1.txt')).toEqual(article);
  });
  test.each([
    ['missing outlet', 'id: a\ntitle: T\n\n## body\nx', 'a.txt: header "outlet" is missing'],
    ['unknown header', 'id: a\noutlet: o\ntitle: T\nauthor: me\n\n## body\nx', 'a.txt line 4: unknown header "author"'],
    [
      'not a header line',
      'id: a\nthis is prose\n\n## body\nx',
      'a.txt line 2: "this is prose" is not a "key: value" header line',
    ],
    ['bad date', 'id: a\noutlet: o\ntitle: T\ndate: 30/08/2016\n\n## body\nx', 'date "30/08/2016" is not YYYY-MM-DD'],
    ['unknown section', 'id: a\noutlet: o\ntitle: T\n\n## sidebar\nx', 'line 5: unknown section "sidebar"'],
    [
      'text before a section',
      'id: a\noutlet: o\ntitle: T\n\nloose text\n## body\nx',
      'line 5: text before the first section heading',
    ],
    ['no body', 'id: a\noutlet: o\ntitle: T\n\n## title\nT', 'has no "## body" section with text'],
    ['binary data', 'id: a\u0000', 'contains NUL bytes'],
    ['duplicate header', 'id: a\nid: b\n\n## body\nx', 'header "id" appears twice'],
  ])('%s', (_case, source, message) => {
    expect(() => parseArticleFile(source, 'a.txt')).toThrow(InputError);
    expect(() => parseArticleFile(source, 'a.txt')).toThrow(message);
  });
});

describe('lines that look like section headings', () => {
  const withTitle = (title: string, body = 'P1.'): Article => ({
    ...article,
    title,
    segments: [
      { section: 'title', text: title },
      { section: 'body', text: body },
    ],
  });
  // The first or last line of a section reads back exactly; the file never gains an unknown or extra section.
  test.each([['## Word'], ['## body'], ['##  spaced'], ['# one hash']])('title %j round-trips exactly', (title) => {
    const a = withTitle(title);
    expect(parseArticleFile(serializeArticleFile(a), 'a1.txt')).toEqual(a);
  });
  test('a heading-like line inside the body stays body text (indented by one space)', () => {
    expect(parseArticleFile(serializeArticleFile(withTitle('T', 'P1.\n## caption\nP2.')), 'a1.txt').segments).toEqual([
      { section: 'title', text: 'T' },
      { section: 'body', text: 'P1.\n ## caption\nP2.' },
    ]);
  });
  test('a header value may hold U+2028', () => {
    expect(parseArticleFile(serializeArticleFile({ ...article, note: 'a\u2028b' }), 'a1.txt').note).toBe('a\u2028b');
  });
});
