import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import type { Mention } from '../types';
import { corpusProvenance } from './corpusProvenance';
import type { CorpusProvenance } from './model';
import { summariseProvenance } from './summary';
import { SummaryTally } from './summaryTally';
import { wireAndCopy } from './wireCopy';

// The independent computation is summariseProvenance (outletProvenance and reuseMatrix over every article at once):
// the tally, fed one article at a time, must give the same summary and the same JSON (the stored bytes).
const tallied = (p: CorpusProvenance, mentionsOf: (id: string) => readonly Mention[]) => {
  const t = new SummaryTally((id) => p.inputs[p.byId.get(id)!].outlet);
  for (const a of p.articles) t.add(a);
  return t.summary(p, mentionsOf);
};

const tiny = wireAndCopy();
const tinyMentions = new Map([
  ['w', [{ article: 'w', group: 'islamic-state', variant: 'is', start: 4 } as Mention]],
  ['c', [{ article: 'c', group: 'islamic-state', variant: 'daesh', start: 4 } as Mention]],
]);
const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
const analyses = analyzeArticles(corpus);
const fakes = corpusProvenance(corpus, analyses);
const fakesMentions = new Map(analyses.map((a) => [a.id, a.mentions]));

describe('SummaryTally', () => {
  test.each([
    ['the wire and its copy', tiny, tinyMentions],
    ['FA-KES', fakes, fakesMentions],
  ])('%s: the summary summariseProvenance makes, byte for byte', (_name, p, mentions) => {
    const whole = summariseProvenance(p, (id) => mentions.get(id) ?? []);
    const parts = tallied(p, (id) => mentions.get(id) ?? []);
    expect(parts).toEqual(whole);
    expect(JSON.stringify(parts)).toBe(JSON.stringify(whole));
  });

  test('the wire and its copy, worked by hand: the copy (paper) reuses one wire sentence and adds one', () => {
    const s = tallied(tiny, (id) => tinyMentions.get(id) ?? []);
    expect(s.outlets).toEqual(['wire', 'paper']);
    // Read in wireCopy.ts: the wire's one sentence is shared (the copy holds it); the copy's first sentence is the
    // wire's, its second ("More follows.") its own.
    expect(s.matrix).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(s.summaries[1].sourceOutlets).toEqual([{ outlet: 'wire', sentences: 1 }]);
    expect(s.sentences).toEqual([0, 1, 0, 1, 1, 0]);
  });

  test('FA-KES: what is compared is not empty (reuse between outlets is counted)', () => {
    const s = tallied(fakes, (id) => fakesMentions.get(id) ?? []);
    expect(s.matrix.flat().some((n) => n > 0)).toBe(true);
    // 784 articles in the bundled FA-KES corpus (its articles folder holds 784 files), each with its three sentence counts.
    expect(s.ids).toHaveLength(784);
    expect(s.sentences).toHaveLength(3 * 784);
  });
});
