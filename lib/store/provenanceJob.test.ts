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
import { summariseProvenance } from '../provenance/summary';
import { articlePageRecord } from '../provenance/pages';
import type { ArticleAnalysis } from '../analysis/article';
import { encodeProvenance } from './derived';
import { compactProvenance } from './provenanceCodec';
import { previousPositions, storeProvenance, type ProvenanceRun } from './provenanceJob';
import { encodePagesPart, partKey, PROVENANCE_PAGES } from './provenancePages';
import { STORED_PARTS, type PartSizes } from './provenanceParts';
import { encodeProvenanceSummary, PROVENANCE_SUMMARY } from './provenanceSummary';
import { encodeSentenceKinds, makeSentenceKinds, SENTENCE_KINDS } from './sentenceKinds';
import type { AnalysisStore, StoreScope } from './types';

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

/**
 * The files the job stored for a version, against the bytes the job made before it read analyses in chunks: the whole
 * computation from every analysis held at once (corpusProvenance), its summary from the analyses' full mentions, each
 * encoded as the store encodes it.
 */
function expectStoredAsBefore(
  dir: string,
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
  parts: PartSizes = STORED_PARTS,
) {
  const c = loadCorpus(dir);
  const analyses = store.read(scope, c.articles, c.articles.map(articleKey)) as ArticleAnalysis[];
  const full = corpusProvenance(c, analyses);
  const mentions = new Map(analyses.map((a) => [a.id, a.mentions]));
  const bytes = (kind: string, key: string) => Buffer.from(store.readDerived(scope, kind, key) ?? []);
  // 'provenance-v2' is the provenance's kind (lib/store/derived.ts keeps the name to itself).
  const whole = Buffer.from(encodeProvenance(compactProvenance(full), parts.provenance));
  expect(bytes('provenance-v2', version).equals(whole)).toBe(true);
  expect(
    bytes(SENTENCE_KINDS, version).equals(Buffer.from(encodeSentenceKinds(makeSentenceKinds(full.articles)))),
  ).toBe(true);
  const summary = summariseProvenance(full, (id) => mentions.get(id) ?? []);
  expect(bytes(PROVENANCE_SUMMARY, version).equals(Buffer.from(encodeProvenanceSummary(summary)))).toBe(true);
  const n = full.articles.length;
  const part = parts.pages;
  for (let k = 0; k * part < n; k++) {
    const records = [];
    for (let i = k * part; i < Math.min(n, (k + 1) * part); i++) records.push(articlePageRecord(full, i));
    expect(bytes(PROVENANCE_PAGES, partKey(version, k)).equals(Buffer.from(encodePagesPart(records)))).toBe(true);
  }
  expect(bytes(PROVENANCE_PAGES, version).toString('utf8')).toBe(`FPP1${JSON.stringify({ articles: n, part })}`);
  const index = readReuseIndex(store, scope)!;
  expect(index.version).toBe(version);
  expect(index.postings).toEqual(full.index.postings);
  expect(index.candidates).toEqual(full.index.candidates);
  expect(index.keys).toEqual(c.articles.map(articleKey));
  expect(index.dates).toEqual(c.articles.map((a) => a.date));
}

// A full version of the scratch corpus (every article but one in 40), then the incremental one with the rest added,
// each made by `run` after its analyses are stored, and each checked against the whole computation.
async function fullThenIncremental(
  run: (dir: string, storeRoot: string) => Promise<ProvenanceRun>,
  parts?: PartSizes,
  check: (made: NonNullable<ProvenanceRun['made']>) => void = () => {},
) {
  const { root, dir, files, copy } = scratch();
  try {
    const later = new Set(files.filter((_, i) => i % 40 === 5));
    files.filter((f) => !later.has(f)).forEach(copy);
    for (const step of ['full', 'incremental']) {
      if (step === 'incremental') [...later].forEach(copy);
      const c = loadCorpus(dir);
      const store = fileStore(path.join(root, '.store'));
      const scope = { corpus: 'f', lexicon: lexiconKey(c.lexicon) };
      await analyseInto(store, 'f', c.articles, c.lexicon, undefined, 1);
      const made = await run(dir, path.join(root, '.store'));
      expect(made.made?.mode).toBe(step);
      check(made.made!);
      expectStoredAsBefore(dir, store, scope, made.version, parts);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('storeProvenance reading analyses in chunks', () => {
  // 7 at a time: the 314 articles in 45 chunks, the last one short.
  test.each([[7]])(
    'stores what holding every analysis at once stored, whole and incremental (%i at a time)',
    (chunk) => fullThenIncremental((dir, storeRoot) => storeProvenance(dir, storeRoot, chunk)),
    180_000,
  );
});

describe('storeProvenance making and storing articles a part at a time', () => {
  // 314 articles: provenance parts of 40 (the last of 34) and page parts of 17 (the last of 8), so parts of the two
  // sizes end in different places; and parts of one article each.
  test.each([[{ provenance: 40, pages: 17 }], [{ provenance: 1, pages: 1 }]])(
    'stores what the whole computation stores, whole and incremental (parts %o)',
    (parts) =>
      fullThenIncremental(
        (dir, storeRoot) => storeProvenance(dir, storeRoot, 50, parts),
        parts,
        // Reading and writing are parts of the whole time (each rounded, so within a millisecond of it).
        (made) => {
          expect(made.readMs + made.writeMs).toBeLessThanOrEqual(made.ms + 1);
          expect(Math.min(made.readMs, made.writeMs)).toBeGreaterThanOrEqual(0);
        },
      ),
    180_000,
  );
});
