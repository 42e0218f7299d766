import { describe, expect, test } from 'vitest';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { articleProvenanceModel, corpusProvenanceModel } from '../provenance/door';
import { corpusProvenance } from '../provenance/corpusProvenance';
import { provenanceRows, reuseRows } from '../provenance/exportRows';
import { compactProvenance, restoreFromInputs, restoreProvenance } from './provenanceCodec';

describe('stored provenance', () => {
  test.each([['corpus/seeds'], ['corpus/fa-kes']])(
    '%s: restored from its stored form, it answers as the one computed',
    (dir) => {
      const corpus = loadCorpus(dir);
      const analyses = analyzeArticles(corpus);
      const p = corpusProvenance(corpus, analyses);
      const dates = new Map(corpus.articles.map((a) => [a.id, a.date]));
      // Through a structured clone, as the file store writes it (v8 serialize).
      const r = restoreProvenance(structuredClone(compactProvenance(p)), analyses, dates);
      expect(r.articles).toEqual(p.articles);
      expect(r.inputs).toEqual(p.inputs);
      expect([...r.byId]).toEqual([...p.byId]);
      // Word offsets are rebuilt from the text when first read: the same as the index made.
      for (const i of [0, Math.floor(p.index.docs.length / 2), p.index.docs.length - 1]) {
        expect(r.index.docs[i].words).toEqual(p.index.docs[i].words);
        expect(r.index.docs[i].text).toBe(p.index.docs[i].text);
      }
      expect(reuseRows(r)).toEqual(reuseRows(p));
      expect(provenanceRows(r)).toEqual(provenanceRows(p));
      expect(corpusProvenanceModel(r, corpus, analyses, [])).toEqual(corpusProvenanceModel(p, corpus, analyses, []));
      for (const a of corpus.articles.slice(0, 20))
        expect(articleProvenanceModel(r, corpus, a.id)).toEqual(articleProvenanceModel(p, corpus, a.id));
    },
    60_000,
  );

  test('refuses analyses that are not the ones it was made from', () => {
    const corpus = loadCorpus('corpus/seeds');
    const analyses = analyzeArticles(corpus);
    const stored = compactProvenance(corpusProvenance(corpus, analyses));
    expect(() => restoreProvenance(stored, analyses.slice(1), new Map())).toThrow(
      'stored provenance covers 5 articles but 4 were given',
    );
  });

  // The seeds hold 5 articles (corpus/seeds/articles has 5 files).
  test.each([
    ['all five inputs', 5, null],
    ['four of five', 4, 'stored provenance covers 5 articles but 4 were given'],
    ['none', 0, 'stored provenance covers 5 articles but 0 were given'],
  ])('restoreFromInputs with %s', (_name, n, error) => {
    const corpus = loadCorpus('corpus/seeds');
    const p = corpusProvenance(corpus, analyzeArticles(corpus));
    const run = () => restoreFromInputs(compactProvenance(p), p.inputs.slice(0, n));
    if (error) expect(run).toThrow(error);
    else expect(run().articles).toEqual(p.articles);
  });
});
