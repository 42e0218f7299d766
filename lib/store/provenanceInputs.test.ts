import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ArticleAnalysis } from '../analysis/article';
import { loadCorpus } from '../corpus/load';
import { provenanceInput } from '../provenance/corpusProvenance';
import type { Article } from '../types';
import { analyseInto } from './analyse';
import { fileStore } from './files';
import { articleKey, lexiconKey } from './keys';
import { MissingAnalysisError, readProvenanceInputs, substitutionMentions } from './provenanceInputs';
import { scannedListing } from './versionListing';

// The five seed pages, analysed once into a scratch store.
const root = mkdtempSync(path.join(tmpdir(), 'framescope-provinputs-'));
const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'seeds'));
const store = fileStore(root);
const scope = { corpus: 'seeds', lexicon: lexiconKey(corpus.lexicon) };
const keys = corpus.articles.map(articleKey);

beforeAll(async () => {
  await analyseInto(store, 'seeds', corpus.articles, corpus.lexicon, undefined, 1);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readProvenanceInputs', () => {
  // The independent path is the job's before: every analysis read at once, then provenanceInput on each.
  test.each([[1], [2], [4], [5], [5000]])('read %i at a time gives what every analysis at once gives', (chunk) => {
    const all = store.read(scope, corpus.articles, keys) as ArticleAnalysis[];
    const articles: (Article | null)[] = [...corpus.articles];
    const read = readProvenanceInputs(store, scope, articles, keys, chunk);
    expect(read.inputs).toEqual(all.map((a, i) => provenanceInput(a, corpus.articles[i].date)));
    expect(read.mentions.size).toBe(all.length);
    for (const a of all) expect(read.mentions.get(a.id)).toEqual(substitutionMentions(a));
    // Every article was handed over: the caller's list holds no text any more.
    expect(articles.every((a) => a === null)).toBe(true);
  });

  test.each([[0], [-1], [1.5]])('a chunk of %s is refused', (chunk) => {
    expect(() => readProvenanceInputs(store, scope, [...corpus.articles], keys, chunk)).toThrow(
      `chunk ${chunk} must be 1 or more`,
    );
  });

  test.each([
    // The third seed page in corpus (file name) order, under a key nothing was stored under.
    ['one unanalysed article', 2, 'news24-2016-10-22-lasting-defeat'],
    ['the first article', 0, 'aggregator-a-2016-09-07-raqqa'],
  ])('%s is named in a MissingAnalysisError', (_name, at, id) => {
    const changed = keys.map((k, i) => (i === at ? `${k}-not-stored` : k));
    const run = () => readProvenanceInputs(store, scope, [...corpus.articles], changed, 2);
    expect(run).toThrow(MissingAnalysisError);
    expect(run).toThrow(`seeds: article ${id} has no stored analysis, so provenance waits for it`);
  });

  test('an article list already read is refused', () => {
    const articles: (Article | null)[] = [...corpus.articles];
    readProvenanceInputs(store, scope, articles, keys, 2);
    expect(() => readProvenanceInputs(store, scope, articles, keys, 2)).toThrow('articles 0 to 1 were already read');
  });
});

describe('substitutionMentions', () => {
  test.each([
    [[], []],
    [
      [{ start: 4, end: 9, group: 'is', variant: 'daesh', text: 'Daesh', voice: 'own' }],
      [{ start: 4, group: 'is', variant: 'daesh' }],
    ],
  ])('keeps start, group and variant of %j', (mentions, expected) => {
    expect(substitutionMentions({ mentions } as never)).toEqual(expected);
  });

  // The job's path: a text-free listing of the folder, each chunk's texts read from their files as it is decoded.
  test.each([[1], [3], [5000]])('from a version listing, %i at a time: what the loaded list gives', (chunk) => {
    const listing = scannedListing(path.join(process.cwd(), 'corpus', 'seeds'));
    expect(listing.keys).toEqual(keys);
    const fromList = readProvenanceInputs(store, scope, [...corpus.articles], keys, chunk);
    const fromListing = readProvenanceInputs(store, scope, listing.corpus, keys, chunk);
    expect(fromListing).toEqual(fromList);
    // Read twice from a listing is fine: it holds no text to hand over.
    expect(readProvenanceInputs(store, scope, listing.corpus, keys, chunk)).toEqual(fromList);
  });
});
