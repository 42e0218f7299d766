import { describe, expect, test } from 'vitest';
import { testLexicon } from '../lexicon/testLexicon';
import { candidateVariants, lexiconMarks } from './lexicon';
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
