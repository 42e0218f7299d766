import { describe, expect, test } from 'vitest';
import { testLexicon } from '../lexicon/testLexicon';
import { candidateVariants, contextCandidates, lexiconMarks } from './lexicon';
import { DEFAULT_LIMITS, type VocabularyTable } from './table';

describe('lexiconMarks', () => {
  const marks = lexiconMarks(
    ['Daesh', 'daesh', 'ISIS', 'IS', 'is', 'rebels', 'gunmen', 'Daesh fighters'],
    testLexicon(),
  );
  test.each<[string, string | null]>([
    ['daesh', 'is.daesh'],
    ['Daesh', 'is.daesh'],
    ['gunmen', null],
    ['Daesh fighters', null],
  ])('%s -> %s', (term, mark) => {
    const m = marks.get(term);
    expect(m ? `${m.group}.${m.variant}` : null).toBe(mark);
  });
});

describe('candidateVariants', () => {
  // 100 n-grams, 10 of them beside a mention of group g (base rate 0.1).
  const row = (uses: number, together: number) => ({
    uses: Int32Array.from([uses]),
    articles: Int32Array.from([1]),
    withGroup: Int32Array.from([together]),
  });
  const t: VocabularyTable = {
    outlets: ['a'],
    groups: ['g'],
    terms: new Map([
      ['takfiri', row(8, 6)], // lift (6/8)/0.1 = 7.5, score 6·ln 7.5 = 12.09
      ['gunmen', row(20, 8)], // lift 4, score 8·ln 4 = 11.09
      ['said', row(60, 7)], // lift 1.17 < 2: not a candidate
      ['raqqa', row(5, 4)], // 4 < 5 uses together
      ['daesh', row(10, 9)], // a lexicon variant: never a candidate
    ]),
    n: [100],
    tokens: [100],
    articles: [1],
    sentences: 40,
    groupNgrams: [10],
    pruning: { ...DEFAULT_LIMITS, distinct: 5, kept: 5, lossy: false },
  };
  test('rule: together ≥ 5, lift ≥ 2, not a variant, ranked by together × ln(lift)', () => {
    const c = candidateVariants(t, new Map([['daesh', { group: 'g', variant: 'daesh' }]]));
    expect(c.map((x) => x.term)).toEqual(['takfiri', 'gunmen']);
    expect(c[0].lift).toBeCloseTo(7.5, 10);
    expect(c[0].score).toBeCloseTo(6 * Math.log(7.5), 10);
  });
});

describe('contextCandidates', () => {
  // Bigram counts written by hand; neighbours are read off them.
  const uses = (n: number) => ({
    uses: Int32Array.from([n]),
    articles: Int32Array.from([1]),
    withGroup: new Int32Array(1),
  });
  const t: VocabularyTable = {
    outlets: ['a'],
    groups: ['g'],
    terms: new Map([
      ['daesh', uses(10)],
      ['takfiri', uses(6)],
      ['gunmen', uses(5)],
      ['raqqa', uses(9)],
      ['daesh fighters', uses(4)], // R:fighters for daesh
      ['daesh attacked', uses(3)], // R:attacked
      ['against daesh', uses(3)], // L:against
      ['takfiri fighters', uses(2)], // R:fighters for takfiri
      ['takfiri attacked', uses(2)], // R:attacked
      ['against takfiri', uses(1)], // L:against
      ['gunmen attacked', uses(3)], // R:attacked: one shared neighbour only
      ['the raqqa', uses(5)], // a stopword neighbour: left out
      ['in raqqa', uses(4)],
    ]),
    n: [100],
    tokens: [100],
    articles: [1],
    sentences: 10,
    groupNgrams: [0],
    pruning: { ...DEFAULT_LIMITS, distinct: 13, kept: 13, lossy: false },
  };
  const marks = new Map([['daesh', { group: 'g', variant: 'daesh' }]]);
  test.each<[number, number, string[]]>([
    // takfiri: (2·4 + 2·3 + 1·3) / (√(4+4+1) · √(16+9+9)) = 17 / (3 · 5.8310) = 0.9718, 3 shared neighbours.
    [3, 0.2, ['takfiri']],
    // gunmen: 3·3 / (3 · 5.8310) = 0.5145, 1 shared: in only when one shared neighbour is enough.
    [1, 0.2, ['takfiri', 'gunmen']],
    [1, 0.6, ['takfiri']],
  ])('minShared %i, minCosine %f -> %j', (minShared, minCosine, terms) => {
    const c = contextCandidates(t, marks, { minUses: 5, minShared, minCosine, perGroup: 8 });
    expect(c.map((x) => x.term)).toEqual(terms);
    expect(c[0].cosine).toBeCloseTo(17 / (3 * Math.sqrt(34)), 10);
    expect(c[0].shared).toBe(3);
  });
});
