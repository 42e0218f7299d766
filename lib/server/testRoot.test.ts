import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { seededTestRoot, TEST_ADMIN_TOKEN, TEST_AUTH } from './testRoot';

const root = seededTestRoot('testroot');

test.each([['seeds/corpus.json'], ['lexicon.json']])('the root holds a copy of the bundled %s', (file) => {
  expect(readFileSync(path.join(root, file), 'utf8')).toBe(
    readFileSync(path.join(process.cwd(), 'corpus', file), 'utf8'),
  );
});

test.each([
  ['FRAMESCOPE_CORPUS_ROOT', root],
  ['FRAMESCOPE_SNAPSHOTS', path.join(root, '.snapshots')],
  ['FRAMESCOPE_ADMIN_TOKEN', TEST_ADMIN_TOKEN],
])('%s points at the test root', (name, value) => {
  expect(process.env[name]).toBe(value);
});

test('each call makes its own root, named for its test, and the header signs in with the token', () => {
  const other = seededTestRoot('testroot');
  expect(other).not.toBe(root);
  expect(path.basename(other)).toMatch(/^framescope-testroot-/);
  expect(existsSync(path.join(other, 'seeds'))).toBe(true);
  expect(TEST_AUTH).toBe('Bearer test-token-123');
});
