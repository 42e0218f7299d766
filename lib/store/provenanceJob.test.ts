import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import { corpusProvenance } from '../provenance/corpusProvenance';
import { analyseInto } from './analyse';
import { readProvenance, readReuseIndex } from './derived';
import { fileStore } from './files';
import { articleKey, lexiconKey, versionKey } from './keys';
import { compactProvenance } from './provenanceCodec';
import { previousPositions, storeProvenance } from './provenanceJob';

describe('previousPositions', () => {
  const index = { keys: ['k1', 'k2', 'k3'], dates: ['2016-01-01', null, '2016-01-03'] };
  test.each([
    ['the same version', ['k1', 'k2', 'k3'], ['2016-01-01', null, '2016-01-03'], [0, 1, 2]],
    ['one added in the middle', ['k1', 'k9', 'k2', 'k3'], ['2016-01-01', null, null, '2016-01-03'], [0, -1, 1, 2]],
    ['one removed', ['k1', 'k3'], ['2016-01-01', '2016-01-03'], [0, 2]],
    // A redated article is a changed one: the date decides which copy is the source.
    ['one redated', ['k1', 'k2', 'k3'], ['2016-01-02', null, '2016-01-03'], [-1, 1, 2]],
  ])('%s', (_name, keys, dates, expected) => {
    expect([...previousPositions(index, keys, dates)]).toEqual(expected);
  });
});

// A scratch corpus of FA-KES outlets that reprint each other (Ahram, the Jordan Times, SANA, Al-Alam: 314 articles).
function scratch() {
  const root = mkdtempSync(path.join(tmpdir(), 'framescope-provjob-'));
  const dir = path.join(root, 'f');
  const from = path.join(process.cwd(), 'corpus', 'fa-kes');
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  cpSync(path.join(from, 'corpus.json'), path.join(dir, 'corpus.json'));
  cpSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), path.join(dir, 'lexicon.json'));
  const files = readdirSync(path.join(from, 'articles')).filter((f) => /^(ahram|jordantimes|sana|alalam)-/.test(f));
  const copy = (f: string) => cpSync(path.join(from, 'articles', f), path.join(dir, 'articles', f));
  return { root, dir, files, copy };
}

async function stored(root: string, dir: string) {
  const c = loadCorpus(dir);
  const store = fileStore(path.join(root, '.store'));
  const scope = { corpus: 'f', lexicon: lexiconKey(c.lexicon) };
  await analyseInto(store, 'f', c.articles, c.lexicon, undefined, 1);
  const run = await storeProvenance(dir, path.join(root, '.store'));
  const keys = c.articles.map(articleKey);
  expect(run.version).toBe(versionKey(keys, scope.lexicon));
  const full = corpusProvenance(c, store.read(scope, c.articles, keys) as never);
  return { run, store, scope, full, n: c.articles.length };
}

describe('storeProvenance', () => {
  test('the next version is made from the stored reuse index, and equals the whole computation', async () => {
    const { root, dir, files, copy } = scratch();
    try {
      // Ahram's AFP source of the Jordan Times reprint (fakes.test.ts) comes later, with 9 others.
      const later = new Set(['ahram-28a4592b3ae9.txt', ...files.filter((_, i) => i % 35 === 3)]);
      files.filter((f) => !later.has(f)).forEach(copy);
      const first = await stored(root, dir);
      expect(first.run.made?.mode).toBe('full');
      expect(first.run.made?.recomputed).toBe(first.n);
      // Nothing new: nothing is made again.
      expect((await storeProvenance(dir, path.join(root, '.store'))).made).toBeNull();

      [...later].forEach(copy);
      rmSync(path.join(dir, 'articles', 'sana-18bb54a453f4.txt'));
      const next = await stored(root, dir);
      expect(next.run.made?.mode).toBe('incremental');
      expect(next.run.made!.recomputed).toBeGreaterThan(0);
      expect(next.run.made!.recomputed).toBeLessThan(next.n / 3);
      // Through the store's bytes (v8 serialize) both ways, so compared as stored.
      const kept = readProvenance(next.store, next.scope, next.run.version)!;
      expect(kept).toEqual(structuredClone(compactProvenance(next.full)));
      const index = readReuseIndex(next.store, next.scope)!;
      expect(index.version).toBe(next.run.version);
      expect(index.postings).toEqual(next.full.index.postings);
      expect(index.candidates).toEqual(next.full.index.candidates);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
