import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import { analyzeArticles } from '../analysis/run';
import { makeTimeCells } from '../time/cells';
import { makeTallies, putTallies } from './tallies';
import { putTimeCells } from './timeCells';
import type { AnalysisStore, StoreScope } from './types';
import { versionStored } from './versionStored';

// A store in memory: derived data by kind and key, nothing else (versionStored reads nothing more).
function memoryStore() {
  const files = new Map<string, Uint8Array>();
  const name = (kind: string, key: string) => `${kind}/${key}`;
  const store = {
    hasDerived: (_: StoreScope, kind: string, key: string) => files.has(name(kind, key)),
    readDerived: (_: StoreScope, kind: string, key: string) => files.get(name(kind, key)) ?? null,
    derivedHead: (_: StoreScope, kind: string, key: string, length: number) => {
      const bytes = files.get(name(kind, key));
      return bytes ? { head: bytes.subarray(0, length), size: bytes.length } : null;
    },
    putDerived: async (_: StoreScope, kind: string, key: string, bytes: Uint8Array) => {
      files.set(name(kind, key), bytes);
    },
  } as unknown as AnalysisStore;
  return { store, files };
}

const scope = { corpus: 'seeds', lexicon: 'l' };
const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'seeds'));
const analyses = analyzeArticles(corpus);

// Everything a version is served from: the tallies and time cells for real (their checks decode them), the rest as
// bytes whose presence is what is checked.
async function full() {
  const m = memoryStore();
  await putTallies(m.store, scope, 't', makeTallies(corpus, analyses));
  await putTimeCells(
    m.store,
    scope,
    't',
    makeTimeCells(
      analyses.map((analysis, i) => ({ analysis, date: corpus.articles[i].date })),
      corpus.lexicon.groups.map((g) => ({ id: g.id, variants: g.variants.map((v) => v.id) })),
    ),
  );
  for (const kind of ['stories']) await m.store.putDerived(scope, kind, 't', new Uint8Array([1]));
  for (const kind of [
    'mention-postings',
    'drill-counts',
    'word-index',
    'provenance-v2',
    'sentence-kinds',
    'provenance-summary',
    'provenance-pages',
  ])
    await m.store.putDerived(scope, kind, 'v', new Uint8Array([1]));
  // The word index in parts (lib/store/wordIndexParts.ts): its head above, and its part 0.
  await m.store.putDerived(scope, 'word-index', 'v-w0', new Uint8Array([1]));
  return m;
}

describe('whether a version is stored whole', () => {
  test('every kind there: yes', async () => {
    const { store } = await full();
    expect(versionStored(store, scope, 'v', 't')).toBe(true);
    // Another version or tallies key: no.
    expect(versionStored(store, scope, 'w', 't')).toBe(false);
    expect(versionStored(store, scope, 'v', 'u')).toBe(false);
  });

  test.each([
    ['tallies', 't'],
    ['time-cells', 't'],
    ['stories', 't'],
    ['mention-postings', 'v'],
    ['drill-counts', 'v'],
    ['word-index', 'v'],
    // A word index stored whole, before parts: made again in parts.
    ['word-index', 'v-w0'],
    ['provenance-v2', 'v'],
    ['sentence-kinds', 'v'],
    ['provenance-summary', 'v'],
    ['provenance-pages', 'v'],
  ])('without %s: no', async (kind, key) => {
    const { store, files } = await full();
    expect(files.delete(`${kind}/${key}`)).toBe(true);
    expect(versionStored(store, scope, 'v', 't')).toBe(false);
  });

  test.each(['tallies', 'time-cells'])('%s there but unreadable: no', async (kind) => {
    const { store, files } = await full();
    files.set(`${kind}/t`, new Uint8Array([1, 2, 3]));
    expect(versionStored(store, scope, 'v', 't')).toBe(false);
  });
});
