import { describe, expect, test } from 'vitest';
import { readBackProblem } from '../corpus/commit';
import { serializeArticleFile } from '../corpus/articleFile';
import { articleFileBytes } from './fileBytes';
import { voaArticle as article } from '../corpus/testArticle';

describe('articleFileBytes', () => {
  // Each case's answer is the one readBackProblem (the loader's full read-back, with an outlet list) gives: the two
  // checks must agree on every article the import plans (whose outlet is always known).
  test.each([
    ['a plain article', article()],
    [
      'non-ASCII text (bytes are UTF-8)',
      article({ segments: [{ section: 'body', text: 'Daech à Raqqa — “ISIS” 🙂' }] }),
    ],
    [
      'a title "## Word" (escaped, reads back exactly)',
      article({
        title: '## Word',
        segments: [
          { section: 'title', text: '## Word' },
          { section: 'body', text: 'Rebels.' },
        ],
      }),
    ],
    ['a NUL in the body', article({ segments: [{ section: 'body', text: 'Reb\u0000els.' }] })],
    ['a heading line inside the body', article({ segments: [{ section: 'body', text: 'A.\n## caption\nB.' }] })],
    ['a title with a line break', article({ title: 'Two\nlines' })],
    ['a body with only spaces', article({ segments: [{ section: 'body', text: '   ' }] })],
  ])('%s: the same verdict as readBackProblem, and the serialised file as bytes', (_case, a) => {
    const got = articleFileBytes(a);
    const problem = readBackProblem(a, new Set(['voa']));
    if (problem === null) {
      expect(got).toEqual({ bytes: new Uint8Array(Buffer.from(serializeArticleFile(a), 'utf8')) });
      // Its own buffer, whole: a plan worker transfers it.
      const { bytes } = got as { bytes: Uint8Array };
      expect([bytes.byteOffset, bytes.buffer.byteLength]).toEqual([0, bytes.byteLength]);
    } else expect(got).toEqual({ problem });
  });
});
