import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// The dataset is not in the repository; without it there is nothing to rebuild from.
const csv = path.resolve(process.cwd(), '../shared/datasets/fa-kes/FA-KES-Dataset.csv');
const committed = path.join(process.cwd(), 'corpus', 'fa-kes');

describe.skipIf(!existsSync(csv))('the bundled FA-KES corpus is exactly what a fresh build gives', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'fa-kes-build-'));
  const fresh = path.join(root, 'fa-kes');
  // Built before the tests run, not while they are collected: a skipped suite must not build (or fail) at all.
  beforeAll(() => {
    // The build reads the lexicon (its names guide apostrophe restoration), so the fresh build gets the committed one.
    copyFileSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
    // About 2 s: the whole import of 804 records, in a child process as `npx tsx scripts/build-fa-kes.ts` runs it.
    execFileSync(process.execPath, ['--import', 'tsx', path.join('scripts', 'build-fa-kes.ts'), csv], {
      env: { ...process.env, FRAMESCOPE_CORPUS_ROOT: root },
      stdio: 'pipe',
    });
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('the same article files', () => {
    expect(readdirSync(path.join(fresh, 'articles')).sort()).toEqual(
      readdirSync(path.join(committed, 'articles')).sort(),
    );
  });

  test.each(['corpus.json', 'IMPORT.md'])('the same %s', (file) => {
    expect(readFileSync(path.join(fresh, file), 'utf8')).toBe(readFileSync(path.join(committed, file), 'utf8'));
  });

  test('every article file has the same bytes', () => {
    const differ = readdirSync(path.join(committed, 'articles')).filter((f) => {
      const other = path.join(fresh, 'articles', f);
      return (
        !existsSync(other) || readFileSync(other, 'utf8') !== readFileSync(path.join(committed, 'articles', f), 'utf8')
      );
    });
    expect(differ).toEqual([]);
  });
});
