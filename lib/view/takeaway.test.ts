import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_OPTIONS, aggregate } from '../analysis/aggregate';
import type { DistinctiveRow } from '../analysis/exportTypes';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { actorLabelTakeaway, distinctiveTakeaway, sharesTakeaway, stanceTakeaway } from './takeaway';

const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'seeds'));
const ex = aggregate(corpus, analyzeArticles(corpus), DEFAULT_OPTIONS);

describe('sharesTakeaway', () => {
  // Press TV: 7 x Daesh; News24: 8 x ISIS and 1 x IS (read in the seed texts, as in charts.test.ts): 8 of 16 = 50%.
  // Each seed outlet is one page (corpus/seeds/articles), so ISIS is in 1 article (News24's) of the 2 using the group.
  test.each([
    [['presstv', 'news24'], 'Most used: "ISIS", 8 of 16 mentions (50%) in 1 of 2 articles, by the 2 outlets shown.'],
    [['presstv'], 'Most used: "Daesh", 7 of 7 mentions (100%) in 1 of 1 article, by Press TV.'],
    // A group repeats its members' mentions, so with outlets shown the total is over the outlets only.
    [
      ['presstv', 'news24', 'state-broadcasters'],
      'Most used: "ISIS", 8 of 16 mentions (50%) in 1 of 2 articles, by the 2 outlets shown.',
    ],
  ])('%j', (ids, text) => expect(sharesTakeaway(ex, 'islamic-state', ids)).toBe(text));
  test('an unknown group is named', () =>
    expect(() => sharesTakeaway(ex, 'weather', ['voa'])).toThrow(/"weather" is not a term group/));
});

describe('stanceTakeaway', () => {
  // Lexicon stances: Daesh -1, IS 0.25, Islamic State 0.5. Press TV 7 x Daesh = -1; VOA (3 x IS + 2 x Islamic
  // State) / 5 = (0.75 + 1) / 5 = 0.35. Each outlet's mentions come from its one seed page.
  test.each([
    [['presstv', 'voa'], 'From -1.00 (Press TV, 7 mentions in 1 article) to 0.35 (VOA, 5 mentions in 1 article).'],
    [['voa'], 'VOA: 0.35 (5 mentions in 1 article).'],
  ])('%j', (ids, text) => expect(stanceTakeaway(ex, 'islamic-state', ids)).toBe(text));
});

describe('distinctiveTakeaway', () => {
  const row = (variant: string, z: number, q: number) => ({ variant, z, q }) as DistinctiveRow;
  test.each([
    [[], 'No mentions to compare.'],
    [[row('a', 1, 0.5), row('b', -1, 0.5)], 'No variant is distinctive (2 compared).'],
    [
      [row('a', 2.5, 0.04), row('b', -4, 0.001), row('c', 0.1, 0.9)],
      '2 of 3 variants distinctive; strongest: "B", more typical of VOA (z = -4.0).',
    ],
  ])('%j', (rows, text) => expect(distinctiveTakeaway(rows, (v) => v.toUpperCase(), ['Press TV', 'VOA'])).toBe(text));
});

describe('actorLabelTakeaway', () => {
  const spec = {
    data: [
      { id: 'x', actor: 'X', n: 5, t: 4, m: 1 },
      { id: 'y', actor: 'Y', n: 2, t: 0, m: 2 },
    ],
    index: 'actor',
    categories: ['t', 'm'],
    labels: { t: 'terrorists', m: 'militants' },
  };
  test.each([
    [spec, 'Most frequent: X called "terrorists" (4 of its 5 labels).'],
    [
      { ...spec, data: [{ id: 'z', actor: 'Z', n: 1, t: 0, m: 1 }] },
      'Most frequent: Z called "militants" (1 of its 1 label).',
    ],
    [{ ...spec, data: [] }, 'Outlet gives no actor any of these labels.'],
  ])('%#', (s, text) => expect(actorLabelTakeaway(s, 'Outlet')).toBe(text));
});
