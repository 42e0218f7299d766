import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { decodeProvenanceSummary, encodeProvenanceSummary } from '../store/provenanceSummary';
import type { Mention } from '../types';
import { corpusProvenance } from './corpusProvenance';
import { corpusProvenanceModel } from './door';
import { wireAndCopy } from './wireCopy';
import { corpusProvenanceFromSummary, summariseProvenance } from './summary';

const tiny = wireAndCopy();
const mention = (article: string, variant: string, start: number) =>
  ({ article, group: 'islamic-state', variant, start }) as Mention;
// "IS" at 4 in the wire's text, "Daesh" at 4 in the copy's.
const tinyMentions = new Map([
  ['w', [mention('w', 'is', 4)]],
  ['c', [mention('c', 'daesh', 4)]],
]);
const tinyCorpus = {
  articles: [
    { id: 'w', title: 'T w' },
    { id: 'c', title: 'T c' },
  ],
  // "gone" is in the manifest with no article: an empty summary, a row and column of zeros.
  outlets: [
    { id: 'paper', name: 'Paper' },
    { id: 'gone', name: 'Gone' },
    { id: 'wire', name: 'Wire' },
  ],
  outletGroups: [{ id: 'all', label: 'All', members: ['paper', 'wire'] }],
} as Parameters<typeof corpusProvenanceModel>[1];

describe('the stored summary of a small provenance, worked by hand', () => {
  const s = summariseProvenance(tiny, (id) => tinyMentions.get(id) ?? []);
  test('summary by reading: the copy reuses one wire sentence, adds one of its own, and swaps IS for Daesh', () => {
    expect(s.outlets).toEqual(['wire', 'paper']);
    // The copy's first sentence is the wire's (earliest holder: wire), its second ("More follows.") its own.
    expect(s.matrix).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(s.sentences.slice(3, 6)).toEqual([1, 1, 0]);
    expect(s.substitutions.map((x) => [x.fromOutlet, x.toOutlet, x.fromVariant, x.toVariant, x.count])).toEqual([
      ['wire', 'paper', 'is', 'daesh', 1],
    ]);
  });

  test.each([[[]], [['paper']], [['wire']], [['gone']], [['all']], [['paper', 'wire']]])(
    'the page model for %j equals the one made from the whole provenance',
    (chosen) => {
      const stored = decodeProvenanceSummary(encodeProvenanceSummary(s), 'test');
      const mentions = [...tinyMentions].map(([id, mentions]) => ({ id, mentions })) as unknown as Parameters<
        typeof corpusProvenanceModel
      >[2];
      expect(corpusProvenanceFromSummary(stored, tinyCorpus, chosen)).toEqual(
        corpusProvenanceModel(tiny, tinyCorpus, mentions, chosen),
      );
    },
  );

  test('an outlet with no article: zero row and column', () => {
    const m = corpusProvenanceFromSummary(s, tinyCorpus, []);
    expect(m.matrix).toEqual([
      [0, 0, 1],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(m.outlets[1].summary.articles).toBe(0);
  });
});

// The independent implementation is today's page model (corpusProvenanceModel over the whole provenance): the stored
// summary, through its bytes, must give the same model for every selection.
describe('FA-KES: the stored summary gives the page model the whole provenance gives', () => {
  const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
  const analyses = analyzeArticles(corpus);
  const p = corpusProvenance(corpus, analyses);
  const mentions = new Map(analyses.map((a) => [a.id, a.mentions]));
  const bytes = encodeProvenanceSummary(summariseProvenance(p, (id) => mentions.get(id) ?? []));
  const stored = decodeProvenanceSummary(bytes, 'fa-kes');

  test.each([
    [[]],
    [['ahram']],
    [['jordantimes', 'sana']],
    [['russian-media']],
    [['turkish-media', 'reuters']],
    [['state-media']],
    [corpus.outlets.map((o) => o.id)],
  ])('outlets %j', (chosen) => {
    const whole = corpusProvenanceModel(p, corpus, analyses, chosen);
    expect(corpusProvenanceFromSummary(stored, corpus, chosen)).toEqual(whole);
    // Serialised the same way, so the page and its JSON are byte-identical.
    expect(JSON.stringify(corpusProvenanceFromSummary(stored, corpus, chosen))).toBe(JSON.stringify(whole));
  });

  test('what the page shows is not empty (the comparison compares something)', () => {
    const whole = corpusProvenanceModel(p, corpus, analyses, ['ahram']);
    // Ahram's 149 articles (counted in fakes.test.ts).
    expect(whole.articles).toHaveLength(149);
    expect(whole.substitutions.length).toBeGreaterThan(0);
    expect(whole.matrix.flat().some((n) => n > 0)).toBe(true);
  });
});
