import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { beside, ContentHashes } from './contentHashes';

const hex = (s: string) => createHash('sha256').update(s).digest('hex');

describe('ContentHashes', () => {
  test.each([
    // [operations, expected pairs in order]
    [[['set', 'a', 'id-a']], [['a', 'id-a']]],
    // A second set replaces the id and keeps the place, as Map.set does.
    [
      [
        ['set', 'a', 'id-a'],
        ['set', 'b', 'id-b'],
        ['set', 'a', 'id-a2'],
      ],
      [
        ['a', 'id-a2'],
        ['b', 'id-b'],
      ],
    ],
    // Deleted, then set again: it moves to the end (a Map's order).
    [
      [
        ['set', 'a', 'id-a'],
        ['set', 'b', 'id-b'],
        ['delete', 'a'],
        ['set', 'a', 'é-ü'],
      ],
      [
        ['b', 'id-b'],
        ['a', 'é-ü'],
      ],
    ],
  ])('%j -> %j', (ops, pairs) => {
    const h = new ContentHashes();
    for (const [op, key, id] of ops) {
      if (op === 'set') h.set(hex(key), id);
      else h.delete(hex(key));
    }
    expect([...h]).toEqual(pairs.map(([k, id]) => [hex(k), id]));
    expect(h.size).toBe(pairs.length);
  });

  test.each([['abc'], ['z'.repeat(64)], [hex('a').slice(1)]])('refuses %j, naming what a hash must be', (bad) => {
    expect(() => new ContentHashes().get(bad)).toThrow(/is not 64 hex digits/);
  });

  test.each([[1], [7], [5000]])(
    'agrees with a Map over seeded random sets and deletes of %d keys (grows and compacts)',
    (keys) => {
      const h = new ContentHashes();
      const m = new Map<string, string>();
      let seed = keys;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
      for (let step = 0; step < keys * 6; step++) {
        const k = hex(String(next() % keys));
        if (next() % 3 === 0) expect(h.delete(k)).toBe(m.delete(k));
        else {
          const id = `id-${next() % 100}`;
          h.set(k, id);
          m.set(k, id);
        }
        expect(h.get(k)).toBe(m.get(k));
        expect(h.has(k)).toBe(m.has(k));
      }
      expect(h.size).toBe(m.size);
      expect([...h]).toEqual([...m]);
    },
  );

  test('upper-case hex finds the same entry', () => {
    const h = new ContentHashes();
    h.set(hex('a'), 'x');
    expect(h.get(hex('a').toUpperCase())).toBe('x');
  });

  test.each([[10_000]])('holds %d hashes in under 130 bytes each', (n) => {
    const h = new ContentHashes();
    for (let i = 0; i < n; i++) h.set(hex(String(i)), `bench-15-${String(i).padStart(12, '0')}`);
    // 32 digest + 21 id + 8 id start/end + 1 flag + 4-16 slot bytes, with arrays grown by doubling (printed: 119.6
    // bytes at 10,000, 95.7 at 100,000, 76.5 at 1,000,000); a Map of hex strings to ids took ~290 bytes each.
    expect(h.bytes / n).toBeLessThan(130);
  });
});

describe('beside', () => {
  test.each([
    // Read through to the base; a set is seen by the lookup, never by the base.
    ['in base', 'x', undefined, 'x'],
    ['set beside', undefined, 'y', 'y'],
    ['set beside over base', 'x', 'y', 'y'],
  ])('%s', (_name, inBase, setBeside, seen) => {
    const base = new ContentHashes();
    if (inBase) base.set(hex('k'), inBase);
    const b = beside(base);
    if (setBeside) b.set(hex('k'), setBeside);
    expect(b.get(hex('k'))).toBe(seen);
    expect(base.get(hex('k'))).toBe(inBase);
  });
});
