import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { aggregate, DEFAULT_OPTIONS } from '../analysis/aggregate';
import { analyzeArticles } from '../analysis/run';
import { parseLexicon } from '../lexicon/parse';
import type { Corpus } from '../types';

const file = path.join(process.cwd(), 'corpus', 'lexicon.json');
const text = [
  'Kurdish fighters won a great victory.', // AFINN won +3, great +3, victory +3 = 9; names Kurdish groups
  'Turkey killed Kurdish militants.', // killed −3; names Turkey and Kurdish groups
  'ISIS is bad.', // bad −3; names the Islamic State
  'Peace is good.', // +5; names no actor
  '"Kurdish militants are a threat," he said.', // threat −2, all inside the quotation; own voice: "he said" = 0
].join(' ');
const corpus: Corpus = {
  id: 't',
  title: 'T',
  description: '',
  attribution: null,
  version: 'v',
  outlets: [{ id: 'o', name: 'O', kind: 'news', country: null, site: null }],
  outletGroups: [],
  articles: [
    {
      id: 'a',
      outlet: 'o',
      title: 'A',
      date: null,
      url: null,
      raw: null,
      note: null,
      segments: [{ section: 'body', text }],
    },
  ],
  lexicon: parseLexicon(JSON.parse(readFileSync(file, 'utf8')), file),
};
const analyses = analyzeArticles(corpus);

describe('tone toward each actor: AFINN of the sentences that name it', () => {
  // Hand-computed. All voices, Kurdish groups: sentences 9, −3, −2 → mean 4/3; sd = √(88.667/2) = 6.6583,
  // se = 3.8442, t(2) = 4.3027 → ±16.540. Own voice: 9, −3, 0 → mean 2; sd = √39 = 6.2450, se = 3.6056 → ±15.513.
  test.each([
    ['all', 'kurdish-groups', 3, 4 / 3, -15.207, 17.874],
    ['all', 'turkey', 1, -3, null, null],
    ['all', 'islamic-state', 1, -3, null, null],
    ['all', 'russia', 0, null, null, null],
    ['own', 'kurdish-groups', 3, 2, -13.513, 17.513],
  ] as const)('voice %s, %s: %i sentences, mean %s', (voice, actor, n, mean, low, high) => {
    const ex = aggregate(corpus, analyses, { ...DEFAULT_OPTIONS, voice });
    const row = ex.actorTone.find((r) => r.outlet === 'o' && r.actor === actor)!;
    expect(row.sentences).toBe(n);
    if (mean === null) expect(row.meanSentence).toBeNull();
    else expect(row.meanSentence).toBeCloseTo(mean, 3);
    if (low === null) expect(row.meanLow).toBeNull();
    else expect(row.meanLow).toBeCloseTo(low, 2);
    if (high === null) expect(row.meanHigh).toBeNull();
    else expect(row.meanHigh).toBeCloseTo(high, 2);
  });

  test.each([
    ['all', { 'kurdish-groups/fighters': 1, 'kurdish-groups/militants': 2 }],
    // the second "Kurdish militants" is inside the quotation
    ['own', { 'kurdish-groups/fighters': 1, 'kurdish-groups/militants': 1 }],
  ] as const)('actor × label counts follow the voice option (%s)', (voice, expected) => {
    const ex = aggregate(corpus, analyses, { ...DEFAULT_OPTIONS, voice });
    expect(Object.fromEntries(ex.actorLabels.map((r) => [`${r.actor}/${r.variant}`, r.count]))).toEqual(expected);
  });
});
