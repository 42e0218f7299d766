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
