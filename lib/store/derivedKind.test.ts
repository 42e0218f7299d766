import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { derivedKind } from './derivedKind';
import { fileStore } from './files';

const root = mkdtempSync(path.join(tmpdir(), 'framescope-derivedkind-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const store = fileStore(root);
const scope = { corpus: 'c', lexicon: 'l' };

// A toy codec: a list of small numbers as bytes; a byte of 255 does not decode, naming where it was read.
const numbers = derivedKind<number[]>(
  'toy-numbers',
  (xs) => Uint8Array.from(xs),
  (bytes, where) => {
    if (bytes.includes(255)) throw new Error(`${where}: 255 is not a number here`);
    return [...bytes];
  },
);

describe('derivedKind', () => {
  test.each([
    ['a list', [1, 2, 3]],
    ['an empty list', []],
  ])('%s put is had and read back', async (_name, xs) => {
    const key = `k${xs.length}`;
    expect(numbers.has(store, scope, key)).toBe(false);
    expect(numbers.read(store, scope, key)).toBeNull();
    await numbers.put(store, scope, key, xs);
    expect(numbers.has(store, scope, key)).toBe(true);
    expect(numbers.read(store, scope, key)).toEqual(xs);
  });

  test('a stored value that does not decode reads as null (made again), though it is had', async () => {
    await numbers.put(store, scope, 'bad', [1, 255]);
    expect(numbers.has(store, scope, 'bad')).toBe(true);
    expect(numbers.read(store, scope, 'bad')).toBeNull();
  });
});
