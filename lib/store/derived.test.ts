import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, test } from 'vitest';
import type { ArticleProvenance } from '../provenance/model';
import {
  derivedName,
  encodeProvenance,
  PROVENANCE_PART,
  putProvenance,
  readProvenance,
  readProvenanceByPart,
  readProvenanceSteps,
} from './derived';
import { fileStore } from './files';
import type { StoredProvenance } from './provenanceCodec';

describe('derivedName', () => {
  test.each([
    ['provenance', '0123456789abcdef', 'provenance-0123456789abcdef.bin'],
    ['month-tallies', 'v1', 'month-tallies-v1.bin'],
  ])('names %s/%s as %s', (kind, key, name) => {
    expect(derivedName(kind, key)).toBe(name);
  });

  test.each([
    ['../x', 'v', /kind "..\/x"/],
    ['provenance', '../../etc', /key "..\/..\/etc"/],
    ['Provenance', 'v', /kind "Provenance"/],
    ['provenance', '', /key ""/],
    ['provenance', 'a'.repeat(65), /is not a short lowercase name/],
  ])('refuses kind %s with key %s', (kind, key, message) => {
    expect(() => derivedName(kind, key)).toThrow(message);
  });
});

// A made-up provenance of n articles with n pair lists: what is stored is only ever read back, so any shape will do.
const made = (n: number): StoredProvenance => ({
  options: { n: 8, minShared: 3 } as unknown as StoredProvenance['options'],
  sources: [],
  articles: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, i }) as unknown as ArticleProvenance),
  pairs: Array.from({ length: n }, (_, i) => (i % 2 ? [] : [{ a: i, b: i + 1, passages: [] }])),
});

describe('stored provenance in parts', () => {
  const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-derived-')));
  const scope = { corpus: 'c', lexicon: 'l' };
  // Steps = one per part of articles plus one per part of pair lists: ceil(n / 2000) each, worked by hand.
  test.each([
    [0, 0],
    [1, 2],
    [PROVENANCE_PART, 2],
    [PROVENANCE_PART + 1, 4],
    [3 * PROVENANCE_PART, 6],
  ])('%i articles: read back equal, in %i steps', async (n, steps) => {
    const p = made(n);
    await putProvenance(store, scope, `v${n}`, p);
    const reading = readProvenanceSteps(store, scope, `v${n}`);
    let yields = 0;
    let r = reading.next();
    for (; !r.done; r = reading.next()) yields++;
    expect(yields).toBe(steps);
    expect(r.value).toEqual(p);
    expect(readProvenance(store, scope, `v${n}`)).toEqual(p);
  });

  test.each([
    ['stored whole, before parts', (p: StoredProvenance) => serialize(p), true],
    ['cut short', (p: StoredProvenance) => encodeProvenance(p).subarray(0, 40), false],
  ])('a file %s: read back: %s', async (_, bytes, readable) => {
    const p = made(5);
    await store.putDerived(scope, 'provenance-v2', 'old', bytes(p));
    expect(readProvenance(store, scope, 'old')).toEqual(readable ? p : null);
  });
});

describe('readProvenanceByPart', () => {
  const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-derived-')));
  const scope = { corpus: 'c', lexicon: 'l' };
  // The independent reading is readProvenance, every article decoded at once.
  const ascending = (n: number) => Array.from({ length: n }, (_, i) => i);
  test.each([
    ['no article', 0, ascending],
    ['one article', 1, ascending],
    ['two parts, in order', PROVENANCE_PART + 1, ascending],
    ['three parts, last first', 3 * PROVENANCE_PART, (n: number) => ascending(n).reverse()],
    // Back and forth between parts (each decoded again when asked for after another): part 0, 2, 1, then 0 again.
    ['three parts, back and forth', 3 * PROVENANCE_PART, () => [0, 1, 5999, 4000, 2000, 3999, 1999, 0]],
  ])('%s: every article, its pairs and its count as a whole reading gives them', async (_name, n, order) => {
    const p = made(n);
    await putProvenance(store, scope, `p${n}`, p);
    const whole = readProvenance(store, scope, `p${n}`)!;
    const parted = readProvenanceByPart(store, scope, `p${n}`)!;
    expect(parted.articles).toBe(n);
    expect(parted.pairs).toEqual(whole.pairs);
    expect(parted.options).toEqual(whole.options);
    for (const i of order(n).filter((i) => i < n)) expect(parted.articleAt(i)).toEqual(whole.articles[i]);
  });

  test.each([
    ['stored whole, before parts', (p: StoredProvenance) => serialize(p), true],
    ['cut short', (p: StoredProvenance) => encodeProvenance(p).subarray(0, 40), false],
  ])('a file %s: read: %s', async (_, bytes, readable) => {
    const p = made(5);
    await store.putDerived(scope, 'provenance-v2', 'older', bytes(p));
    const parted = readProvenanceByPart(store, scope, 'older');
    expect(parted === null).toBe(!readable);
    if (parted) expect(Array.from({ length: 5 }, (_, i) => parted.articleAt(i))).toEqual(p.articles);
  });

  test.each([[-1], [5], [1.5]])('article %d of 5 is refused, naming the range', async (i) => {
    await putProvenance(store, scope, 'five', made(5));
    expect(() => readProvenanceByPart(store, scope, 'five')!.articleAt(i)).toThrow('holds articles 0 to 4');
  });

  test('none stored: null', () => {
    expect(readProvenanceByPart(store, scope, 'missing')).toBeNull();
  });
});
