import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { creditSources } from '../provenance/credits';
import { buildProvenance } from '../provenance/model';
import { fileStore } from './files';
import {
  PAGES_PART,
  PROVENANCE_PAGES,
  decodePagesPart,
  hasProvenancePages,
  partKey,
  putProvenancePages,
  readArticlePage,
} from './provenancePages';

// PAGES_PART + 1 one-sentence articles: two parts, the second holding only the last article.
const N = PAGES_PART + 1;
const p = buildProvenance(
  Array.from({ length: N }, (_, i) => {
    const text = `Article number ${i} says something of its own here.`;
    return { id: `a${i}`, outlet: 'o', date: null, text, bodyStart: 0, sentences: [{ start: 0, end: text.length }] };
  }),
  creditSources([]),
);
const scope = { corpus: 'c', lexicon: 'l' };

describe('article pages stored in parts', () => {
  const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-pages-store-')));
  test('written part by part, the index last; each article read from its part', async () => {
    expect(hasProvenancePages(store, scope, 'v1')).toBe(false);
    await putProvenancePages(store, scope, 'v1', p);
    expect(hasProvenancePages(store, scope, 'v1')).toBe(true);
    expect(store.hasDerived(scope, PROVENANCE_PAGES, partKey('v1', 0))).toBe(true);
    expect(store.hasDerived(scope, PROVENANCE_PAGES, partKey('v1', 1))).toBe(true);
    expect(store.hasDerived(scope, PROVENANCE_PAGES, partKey('v1', 2))).toBe(false);
  });

  test.each([
    ['the first article', 0, 'a0', 'a0'],
    ['the last of part 0', PAGES_PART - 1, `a${PAGES_PART - 1}`, `a${PAGES_PART - 1}`],
    ['the one article of part 1', PAGES_PART, `a${PAGES_PART}`, `a${PAGES_PART}`],
    ['a position past the version', N, `a${N}`, null],
    ['a negative position', -1, 'a0', null],
    ['another id than the one at that position', 3, 'a4', null],
  ])('%s', (_, i, id, want) => {
    expect(readArticlePage(store, scope, 'v1', i, id)?.provenance.id ?? null).toBe(want);
  });

  test('a version without pages, or with an unreadable part, reads as none', async () => {
    expect(readArticlePage(store, scope, 'v0', 0, 'a0')).toBeNull();
    await store.putDerived(scope, PROVENANCE_PAGES, partKey('v1', 1), Buffer.from('FPP1{'));
    expect(readArticlePage(store, scope, 'v1', PAGES_PART, `a${PAGES_PART}`)).toBeNull();
    expect(readArticlePage(store, scope, 'v1', 0, 'a0')?.provenance.id).toBe('a0');
  });

  test.each([
    ['no tag', '[]', 'does not start with FPP1'],
    ['not JSON', 'FPP1[', 'not JSON after its tag'],
    ['not a list', 'FPP1{}', 'not a list of article records'],
    ['a record without provenance', 'FPP1[{"partners":[]}]', 'record 0 has no article provenance'],
    ['a record without partners', 'FPP1[{"provenance":{"id":"x","sentences":[]}}]', 'record 0 (x) has no list'],
  ])('%s: refused, saying what and where', (_, text, why) => {
    expect(() => decodePagesPart(Buffer.from(text), 'c/provenance-pages-v1-p0')).toThrow(
      'c/provenance-pages-v1-p0: not readable as provenance pages',
    );
    expect(() => decodePagesPart(Buffer.from(text), 'here')).toThrow(why);
  });
});
