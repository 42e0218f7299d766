import { describe, expect, test } from 'vitest';
import type { Mention } from '../types';
import { creditSources } from './credits';
import { buildProvenance, type ProvenanceInput } from './model';
import { outletProvenance, reuseMatrix, sideBySide, substitutions } from './views';

const WIRE =
  'The IS group claimed the bombing that killed twelve people at a checkpoint near the border town on Sunday.';
const COPY = WIRE.replace('IS', 'Daesh');
const OWN = 'Our reporter in the town counted the damaged houses and spoke with the mayor about repairs.';

const one = (id: string, outlet: string, date: string, text: string): ProvenanceInput => ({
  id,
  outlet,
  date,
  text,
  bodyStart: 0,
  sentences: [{ start: 0, end: text.length }],
});

const p = buildProvenance(
  [one('w', 'wire', '2016-01-01', WIRE), one('c', 'paper', '2016-01-02', COPY), one('o', 'paper', '2016-01-03', OWN)],
  creditSources([]),
);

const mention = (article: string, variant: string, start: number, text: string) =>
  ({ article, group: 'islamic-state', variant, start, end: start + text.length, text }) as Mention;

describe('provenance views on a hand-made corpus', () => {
  test('outlet summary: one shared and one original sentence, the source outlet named', () => {
    const s = outletProvenance(p, new Set(['paper']));
    expect(s.sentences).toEqual({ original: 1, shared: 1, credited: 0 });
    // COPY has 19 words (counted by hand: The Daesh group claimed the bombing that killed twelve people at a checkpoint
    // near the border town on Sunday), OWN 16.
    expect(s.words).toEqual({ original: 16, shared: 19, credited: 0 });
    expect(s.sourceOutlets).toEqual([{ outlet: 'wire', sentences: 1 }]);
  });

  test('who reuses whom: paper takes one sentence from wire', () => {
    expect(reuseMatrix(p, ['wire', 'paper'])).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  test('side by side: the edit is the one changed word', () => {
    const [s] = sideBySide(p, 'c', 'w');
    expect(s.left.filter((x) => !x.same).map((x) => COPY.slice(x.start, x.end))).toEqual(['Daesh']);
    expect(s.right.filter((x) => !x.same).map((x) => WIRE.slice(x.start, x.end))).toEqual(['IS']);
  });

  test.each([
    // The copy names the group Daesh where the wire said IS: one substitution, from the earlier article.
    [[mention('w', 'is', 4, 'IS')], [mention('c', 'daesh', 4, 'Daesh')], 1],
    // The same term on both sides is no substitution.
    [[mention('w', 'is', 4, 'IS')], [mention('c', 'is', 4, 'Daesh')], 0],
  ])('substitutions %#', (wm, cm, count) => {
    const subs = substitutions(p, (id) => (id === 'w' ? wm : id === 'c' ? cm : []));
    expect(subs.reduce((n, s) => n + s.count, 0)).toBe(count);
    if (count) expect(subs[0]).toMatchObject({ fromOutlet: 'wire', toOutlet: 'paper', fromVariant: 'is' });
  });
});
