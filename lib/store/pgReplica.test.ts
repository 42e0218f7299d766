import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { sha256, type ChangeRow } from './pgQueries';
import { applyChange, readReplicaState, replicableFiles, replicaStateFile } from './pgReplica';

// The replica's file side, without a database (lib/store/pg.test.ts runs it against a real PostgreSQL).
const tmp = mkdtempSync(path.join(tmpdir(), 'framescope-replica-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const roots = { corpus: path.join(tmp, 'corpus'), store: path.join(tmp, 'store') };
const row = (area: 'corpus' | 'store', p: string, text: string): ChangeRow => ({
  area,
  corpus: p.split('/')[0],
  path: p,
  seq: 1,
  bytes: Buffer.from(text),
  sha: sha256(Buffer.from(text)),
});

describe('applyChange', () => {
  test.each([
    ['a new article', row('corpus', 'c/articles/a.txt', 'A'), true, path.join(roots.corpus, 'c/articles/a.txt')],
    [
      'the same bytes again',
      row('corpus', 'c/articles/a.txt', 'A'),
      false,
      path.join(roots.corpus, 'c/articles/a.txt'),
    ],
    [
      'new bytes of the same file',
      row('corpus', 'c/articles/a.txt', 'B'),
      true,
      path.join(roots.corpus, 'c/articles/a.txt'),
    ],
    ['a segment', row('store', 'c/lex-e1/seg-1.fsa', 'S'), true, path.join(roots.store, 'c/lex-e1/seg-1.fsa')],
  ])('%s: written %s', (_c, r, written, file) => {
    expect(applyChange(roots, r)).toBe(written);
    expect(readFileSync(file, 'utf8')).toBe(Buffer.from(r.bytes).toString());
  });

  test.each([['../outside.txt'], ['c/../../outside.txt']])('refuses a path that leaves its root: %s', (p) => {
    expect(() => applyChange(roots, row('corpus', p, 'x'))).toThrow(/would be written outside/);
    expect(existsSync(path.join(tmp, 'outside.txt'))).toBe(false);
  });
});

describe('readReplicaState', () => {
  test.each([
    ['no state file', null, { database: '', seq: 0 }],
    ['a state file cut short', '{"database":"d","se', { database: '', seq: 0 }],
    ['a state file', '{"database":"d","seq":42}', { database: 'd', seq: 42 }],
    ['a seq that is not a whole number', '{"database":"d","seq":"42"}', { database: '', seq: 0 }],
  ])('%s', (_c, content, expected) => {
    const r = { corpus: path.join(tmp, `state-${Math.random()}`), store: tmp };
    mkdirSync(r.corpus, { recursive: true });
    if (content !== null) writeFileSync(replicaStateFile(r), content);
    expect(readReplicaState(r)).toEqual(expected);
  });
});

describe('replicableFiles', () => {
  test('lists what the database holds and leaves raw sources, locks, staging, temporary files and folder indexes local', () => {
    const r = { corpus: path.join(tmp, 'list'), store: path.join(tmp, 'list', '.store') };
    const put = (p: string) => {
      mkdirSync(path.dirname(path.join(r.corpus, p)), { recursive: true });
      writeFileSync(path.join(r.corpus, p), 'x');
    };
    for (const p of [
      'lexicon.json',
      'c/corpus.json',
      'c/lexicon.json',
      'c/articles/a.txt',
      'c/articles/.a.txt.123.abc.tmp',
      'c/raw/a.html',
      'c/.staging/1/articles/b.txt',
      'nocorpus/articles/z.txt',
      '.store/c/lex-e1/seg-1.fsa',
      '.store/c/lex-e1/provenance-v1.bin',
      '.store/c/lex-e1/corpus-index-0123456789abcdef.bin',
      '.store/c/lex-e1/.seg-2.fsa.1.x.tmp',
    ])
      put(p);
    expect(replicableFiles(r).map((f) => `${f.area}:${f.corpus}:${f.path}`)).toEqual([
      'corpus::lexicon.json',
      'corpus:c:c/corpus.json',
      'corpus:c:c/lexicon.json',
      'corpus:c:c/articles/a.txt',
      'store:c:c/lex-e1/provenance-v1.bin',
      'store:c:c/lex-e1/seg-1.fsa',
    ]);
  });
});
