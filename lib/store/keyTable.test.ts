import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { keyTable } from './keyTable';

const sha = (n: number) => createHash('sha1').update(String(n)).digest('hex');

// The model the table must agree with: a Map from each key to the entry that answers for it, entries numbered in order.
function model() {
  const map = new Map<string, number>();
  const keyOf: string[] = [];
  return {
    add: (k: string) => (map.set(k, keyOf.length), keyOf.push(k) - 1),
    find: (k: string) => map.get(k) ?? -1,
    remove: (e: number) => void (map.get(keyOf[e]) === e && map.delete(keyOf[e])),
    get size() {
      return map.size;
    },
  };
}

// A reproducible stream of numbers in [0, 1) (mulberry32).
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('keyTable answers as a Map of keys to their latest entry', () => {
  test.each<[string, (n: number) => string, number, number]>([
    ['SHA-1 hex keys, few', sha, 50, 300],
    ['SHA-1 hex keys, past several growths', sha, 20_000, 60_000],
    ['other keys (by string)', (n) => `k${n}`, 50, 300],
    ['uppercase hex (not packed)', (n) => sha(n).toUpperCase(), 50, 300],
    ['mixed', (n) => (n % 3 ? sha(n) : `late-${n}`), 2_000, 8_000],
  ])('%s, against the Map model over random adds, re-adds and removals', (_, keyOf, distinct, steps) => {
    const next = random(distinct);
    const t = keyTable();
    const m = model();
    let entries = 0;
    for (let s = 0; s < steps; s++) {
      const r = next();
      if (r < 0.6) {
        const k = keyOf(Math.floor(next() * distinct));
        expect(t.add(k)).toBe(m.add(k));
        entries++;
      } else if (r < 0.8 && entries > 0) {
        const e = Math.floor(next() * entries);
        t.remove(e);
        m.remove(e);
      } else {
        const k = keyOf(Math.floor(next() * distinct));
        expect(t.find(k)).toBe(m.find(k));
      }
    }
    for (let n = 0; n < distinct; n++) expect(t.find(keyOf(n))).toBe(m.find(keyOf(n)));
    expect(t.size).toBe(m.size);
  });

  test.each<[string, string[], number[], [string, number][]]>([
    ['a key added twice: the second entry', [sha(1), sha(1)], [], [[sha(1), 1]]],
    ['the old entry removed: the new one stays', [sha(1), sha(1)], [0], [[sha(1), 1]]],
    ['the new entry removed: none (the old one is gone too)', [sha(1), sha(1)], [1], [[sha(1), -1]]],
    ['a string key added twice, old removed', ['a', 'a'], [0], [['a', 1]]],
    [
      'a removed key added again',
      [sha(2), sha(3)],
      [0],
      [
        [sha(2), -1],
        [sha(3), 1],
      ],
    ],
    [
      'never added',
      [sha(4)],
      [],
      [
        [sha(5), -1],
        ['x', -1],
      ],
    ],
    ['an entry out of range removed: nothing', [sha(6)], [-1, 7], [[sha(6), 0]]],
  ])('%s', (_, adds, removes, found) => {
    const t = keyTable();
    for (const k of adds) t.add(k);
    for (const e of removes) t.remove(e);
    for (const [k, e] of found) expect(t.find(k)).toBe(e);
  });
});
