import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { fileStore } from '../store/files';
import { putProvenancePages, readArticlePage } from '../store/provenancePages';
import { corpusProvenance } from './corpusProvenance';
import { articleProvenanceModel } from './door';
import { COPY, WIRE, wireAndCopy } from './wireCopy';
import { articlePageRecord, articleProvenanceFromRecord } from './pages';

const tiny = wireAndCopy();
const texts = new Map([
  ['w', WIRE],
  ['c', COPY],
]);
const metas = [
  { id: 'w', title: 'T w', outlet: 'wire', date: '2016-01-01' },
  { id: 'c', title: 'T c', outlet: 'paper', date: '2016-01-02' },
];

describe('an article page from its record, worked by hand', () => {
  test.each([
    // The copy shares its first sentence with the wire: one partner, one passage, "Daesh" the edit.
    ['c', 1, ['w'], ['Daesh']],
    ['w', 0, ['c'], ['IS']],
  ])('%s: sentence %i shared; partners %j; edits %j', (id, _, partners, edits) => {
    const i = metas.findIndex((m) => m.id === id);
    const r = articlePageRecord(tiny, i);
    expect(r.partners.map((x) => x.article)).toEqual(partners);
    const m = articleProvenanceFromRecord(
      r,
      metas[i],
      (x) => metas.find((a) => a.id === x)?.title,
      (x) => texts.get(x)!,
    );
    expect(m.partners[0].passages[0].left.filter((x) => !x.same).map((x) => x.text.trim())).toEqual(edits);
    expect(m).toEqual(articleProvenanceModel(tiny, { articles: metas as never }, id));
  });
});

// The independent implementation is today's page model (articleProvenanceModel over the whole provenance): every
// FA-KES article's page, made from its record read back from a store (its one part), must equal it.
describe('FA-KES: every article page from the stored records equals the one the whole provenance gives', () => {
  const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
  const analyses = analyzeArticles(corpus);
  const p = corpusProvenance(corpus, analyses);
  const text = new Map(analyses.map((a) => [a.id, a.text]));
  const title = new Map(corpus.articles.map((a) => [a.id, a.title]));
  const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-pages-')));
  const scope = { corpus: 'fa-kes', lexicon: 'l' };

  test('all 784 articles (two parts of 500)', async () => {
    await putProvenancePages(store, scope, 'v1', p);
    // FA-KES has 784 articles (README).
    expect(corpus.articles).toHaveLength(784);
    let withPartners = 0;
    corpus.articles.forEach((a, i) => {
      const r = readArticlePage(store, scope, 'v1', i, a.id);
      expect(r).not.toBeNull();
      const m = articleProvenanceFromRecord(
        r!,
        a,
        (x) => title.get(x),
        (x) => text.get(x)!,
      );
      const whole = articleProvenanceModel(p, corpus, a.id);
      expect(m).toEqual(whole);
      expect(JSON.stringify(m)).toBe(JSON.stringify(whole));
      if (m.partners.length) withPartners++;
    });
    // The comparison covers articles with side-by-side passages, not only empty pages.
    expect(withPartners).toBeGreaterThan(100);
  }, 120_000);
});
