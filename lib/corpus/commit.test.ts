import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../errors';
import { articleFileBytes } from '../importing/fileBytes';
import { serializeArticleFile } from './articleFile';
import { applyStage, isFsError, readBackProblem, recoverStages, stageBatch, StorageError } from './commit';
import { voaArticle as article } from './testArticle';

const outlets = new Set(['voa']);

describe('readBackProblem', () => {
  test.each([
    ['a plain article', article(), null],
    [
      'a title "## Word" (escaped, reads back exactly)',
      article({
        title: '## Word',
        segments: [
          { section: 'title', text: '## Word' },
          { section: 'body', text: 'Rebels.' },
        ],
      }),
      null,
    ],
    [
      'a NUL in the body',
      article({ segments: [{ section: 'body', text: 'Reb\u0000els.' }] }),
      'would be stored unreadably: contains NUL bytes',
    ],
    ['an unknown outlet', article({ outlet: 'bbc' }), 'would be stored unreadably: unknown outlet "bbc"'],
    [
      'a heading line inside the body (comes back indented)',
      article({ segments: [{ section: 'body', text: 'A.\n## caption\nB.' }] }),
      'would not read back exactly',
    ],
    ['a title with a line break', article({ title: 'Two\nlines' }), 'would be stored unreadably'],
  ])('%s', (_case, a, problem) => {
    const got = readBackProblem(a, outlets);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });
});

describe('staging and committing', () => {
  const corpus = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'framescope-commit-'));
    mkdirSync(path.join(dir, 'articles'));
    return dir;
  };
  test('a staged batch is committed whole and the staging folder removed; an existing file is reported, not overwritten', () => {
    const dir = corpus();
    const stage = stageBatch(dir, [article(), article({ id: 'voa-2' })], null, outlets);
    expect(readdirSync(path.join(stage.dir, 'articles')).sort()).toEqual(['voa-1.txt', 'voa-2.txt']);
    const again = stageBatch(dir, [article()], null, outlets);
    expect(applyStage(dir, stage)).toEqual({ written: ['voa-1', 'voa-2'], existed: [] });
    expect(applyStage(dir, again)).toEqual({ written: [], existed: ['voa-1'] });
    expect(readdirSync(dir).sort()).toEqual(['articles']);
  });
  test('a new corpus.json that the manifest parser refuses stops the batch before anything is staged for good', () => {
    const dir = corpus();
    expect(() => stageBatch(dir, [article()], '{"id": "Bad Id"}', outlets)).toThrow(InputError);
    expect(readdirSync(dir)).toEqual(['articles']);
  });
  // The import passes each article's checked bytes (articleFileBytes): those are staged as they are, the same file the
  // serialiser writes without them; an outlet that the (new) corpus.json does not list still stops the batch.
  test.each([
    ['checked bytes', true, outlets, null],
    ['no bytes: serialised here', false, outlets, null],
    ['checked bytes, outlet no longer listed', true, new Set(['bbc']), 'unknown outlet "voa"'],
    ['no bytes, outlet no longer listed', false, new Set(['bbc']), 'unknown outlet "voa"'],
  ])('staging with %s', (_case, given, ids, error) => {
    const dir = corpus();
    const a = article({ segments: [{ section: 'body', text: 'Daech à Raqqa — “ISIS”.' }] });
    const bytes = articleFileBytes(a);
    const files = given && 'bytes' in bytes ? new Map([[a.id, bytes.bytes]]) : undefined;
    const run = () => stageBatch(dir, [a], null, ids, undefined, files);
    if (error) {
      expect(run).toThrow(error);
      expect(readdirSync(dir)).toEqual(['articles']);
    } else {
      const stage = run();
      expect(readFileSync(path.join(stage.dir, 'articles', 'voa-1.txt'), 'utf8')).toBe(serializeArticleFile(a));
    }
  });
  test('recovery commits a ready batch and drops an unfinished one', () => {
    const dir = corpus();
    const ready = stageBatch(dir, [article()], null, outlets);
    mkdirSync(path.join(dir, '.staging', 'unfinished', 'articles'), { recursive: true });
    expect(recoverStages(dir)).toEqual(['voa-1']);
    expect(existsSync(ready.dir)).toBe(false);
    expect(existsSync(path.join(dir, '.staging'))).toBe(false);
    expect(readFileSync(path.join(dir, 'articles', 'voa-1.txt'), 'utf8')).toContain('Rebels attacked.');
  });
  test('StorageError and isFsError', () => {
    expect(new StorageError('ENOSPC', ['a', 'b']).message).toBe(
      'The server could not store the files (ENOSPC: the disk is full). 2 article(s) were stored before the failure: a, b.',
    );
    expect(new StorageError('EROFS', []).message).toBe(
      'The server could not store the files (EROFS). Nothing was stored.',
    );
    expect(isFsError(Object.assign(new Error('x'), { code: 'ENOSPC', errno: -28 }))).toBe(true);
    expect(isFsError(new InputError('a', 'b', 'c'))).toBe(false);
  });
});
