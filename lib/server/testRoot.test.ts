import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import {
  copySeedsAs,
  fakesTestRoot,
  seededTestRoot,
  serverTestRoot,
  TEST_ADMIN_TOKEN,
  TEST_AUTH,
  thrownBy,
} from './testRoot';

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

test.each([['x'], ['s2']])('copySeedsAs puts the seeds under corpus id %s, its corpus.json saying so', (id) => {
  const server = serverTestRoot('testroot-server');
  expect(process.env.FRAMESCOPE_BACKGROUND_ANALYSIS).toBe('1');
  expect(process.env.FRAMESCOPE_CORPUS_ROOT).toBe(server);
  const dir = copySeedsAs(server, id);
  expect(dir).toBe(path.join(server, id));
  const manifest = JSON.parse(readFileSync(path.join(dir, 'corpus.json'), 'utf8'));
  const bundled = JSON.parse(readFileSync(path.join(process.cwd(), 'corpus', 'seeds', 'corpus.json'), 'utf8'));
  expect(manifest).toEqual({ ...bundled, id });
  expect(existsSync(path.join(server, 'lexicon.json'))).toBe(true);
});

const boom = new Error('boom');
test.each([
  ['a call that returns', () => 42, null],
  [
    'a call that throws',
    () => {
      throw boom;
    },
    boom,
  ],
])('thrownBy: %s', (_, f, expected) => {
  expect(thrownBy(f)).toBe(expected);
});

test.each([['fa-kes/corpus.json'], ['lexicon.json']])('fakesTestRoot holds a copy of the bundled %s', (file) => {
  process.env.FRAMESCOPE_BACKGROUND_ANALYSIS = '1';
  const fakes = fakesTestRoot('testroot-fakes');
  expect(readFileSync(path.join(fakes, file), 'utf8')).toBe(
    readFileSync(path.join(process.cwd(), 'corpus', file), 'utf8'),
  );
  expect(process.env.FRAMESCOPE_CORPUS_ROOT).toBe(fakes);
  expect(process.env.FRAMESCOPE_BACKGROUND_ANALYSIS).toBeUndefined();
  expect(process.env.FRAMESCOPE_STORE).toBeUndefined();
});
