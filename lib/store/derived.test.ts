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

describe('stored provenance in parts', () => {
  const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-derived-')));
  const scope = { corpus: 'c', lexicon: 'l' };
  // A made-up provenance of n articles with n pair lists: what is stored is only ever read back, so any shape will do.
  const made = (n: number): StoredProvenance => ({
    options: { n: 8, minShared: 3 } as unknown as StoredProvenance['options'],
    sources: [],
    articles: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, i }) as unknown as ArticleProvenance),
    pairs: Array.from({ length: n }, (_, i) => (i % 2 ? [] : [{ a: i, b: i + 1, passages: [] }])),
  });
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
