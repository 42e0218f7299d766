import { describe, expect, test } from 'vitest';
import { analyzeArticle, compileEngine } from '../analysis/article';
import { bodyArticle } from '../analysis/testArticle';
import type { Lexicon } from '../types';
import { ALL_OUTLETS, changeSentence, countChanges, countMentions, signed, type CountChange } from './countChange';
import { testLexicon } from './testLexicon';

const articles = [
  bodyArticle('a', 'x', 'Gunmen attacked the town. The gunmen fled. Militants and gunmen came back.'),
  bodyArticle('b', 'x', 'No gunmen were seen; one gunman was.'),
  bodyArticle('c', 'y', 'Militants said Daesh was gone.'),
];
const countsWith = (lex: Lexicon) => {
  const engine = compileEngine(lex);
  return countMentions(articles.map((a) => analyzeArticle(a, engine)));
};

const base = testLexicon();
const withGunmen: Lexicon = {
  ...base,
  groups: base.groups.map((g) =>
    g.id !== 'armed'
      ? g
      : {
          ...g,
          variants: [
            ...g.variants,
            {
              id: 'gunmen',
              label: 'gunmen',
              patterns: [{ text: 'gunmen', caseSensitive: false }],
              detector: null,
              maxWords: 4,
              stance: -0.25,
              rationale: 'r',
            },
          ],
        },
  ),
};
const withExclusion: Lexicon = {
  ...base,
  exclusions: [...base.exclusions, { pattern: { text: 'militants and gunmen', caseSensitive: false }, note: '' }],
};
const withoutMilitants: Lexicon = {
  ...base,
  groups: base.groups.map((g) =>
    g.id === 'armed' ? { ...g, variants: g.variants.filter((v) => v.id !== 'militants') } : g,
  ),
};

const row = (
  group: string,
  variant: string | null,
  outlet: string,
  status: CountChange['status'],
  before: [number, number],
  after: [number, number],
): CountChange => ({
  group,
  variant,
  outlet,
  status,
  before: { mentions: before[0], articles: before[1] },
  after: { mentions: after[0], articles: after[1] },
});

describe('countChanges on three short articles (counts read off the text above)', () => {
  test.each<[string, Lexicon, CountChange[]]>([
    ['the same lexicon changes nothing', base, []],
    [
      // "gunmen": a has three ("Gunmen", "gunmen", "gunmen"), b has one ("gunman" is another word), c none.
      // The armed group had "Militants" in a (x) and in c (y): 1 mention in 1 article each.
      'a new variant "gunmen"',
      withGunmen,
      [
        row('armed', null, ALL_OUTLETS, 'kept', [2, 2], [6, 3]),
        row('armed', null, 'x', 'kept', [1, 1], [5, 2]),
        row('armed', 'gunmen', ALL_OUTLETS, 'new', [0, 0], [4, 2]),
        row('armed', 'gunmen', 'x', 'new', [0, 0], [4, 2]),
      ],
    ],
    [
      // The exclusion swallows "Militants and gunmen" in a: x loses its one militants mention and article.
      'an exclusion over a label',
      withExclusion,
      [
        row('armed', null, ALL_OUTLETS, 'kept', [2, 2], [1, 1]),
        row('armed', null, 'x', 'kept', [1, 1], [0, 0]),
        row('armed', 'militants', ALL_OUTLETS, 'kept', [2, 2], [1, 1]),
        row('armed', 'militants', 'x', 'kept', [1, 1], [0, 0]),
      ],
    ],
    [
      // Removing "militants" empties the armed group on both outlets (a and c had one each).
      'a removed variant',
      withoutMilitants,
      [
        row('armed', null, ALL_OUTLETS, 'kept', [2, 2], [0, 0]),
        row('armed', 'militants', ALL_OUTLETS, 'removed', [2, 2], [0, 0]),
        row('armed', null, 'x', 'kept', [1, 1], [0, 0]),
        row('armed', null, 'y', 'kept', [1, 1], [0, 0]),
        row('armed', 'militants', 'x', 'removed', [1, 1], [0, 0]),
        row('armed', 'militants', 'y', 'removed', [1, 1], [0, 0]),
      ],
    ],
  ])('%s', (_case, lex, rows) => {
    expect(countChanges(countsWith(base), countsWith(lex), base, lex)).toEqual(rows);
  });

  test('set-aside mentions are not counted, and an article counts once per cell', () => {
    const counts = countMentions([
      {
        outlet: 'x',
        mentions: [
          { group: 'g', variant: 'v', setAside: null },
          { group: 'g', variant: 'v', setAside: null },
          { group: 'g', variant: 'w', setAside: 'state' },
        ],
      },
      { outlet: 'y', mentions: [{ group: 'g', variant: 'w', setAside: null }] },
    ]);
    expect(Object.fromEntries([...counts].map(([k, c]) => [k.split('\u0000').join('/'), c]))).toEqual({
      'g/v/x': { mentions: 2, articles: 1 },
      'g//x': { mentions: 2, articles: 1 },
      'g/v/': { mentions: 2, articles: 1 },
      'g//': { mentions: 3, articles: 2 },
      'g/w/y': { mentions: 1, articles: 1 },
      'g//y': { mentions: 1, articles: 1 },
      'g/w/': { mentions: 1, articles: 1 },
    });
  });
});

const names = {
  group: (id: string) => ({ armed: 'Armed groups' })[id] ?? id,
  variant: (_g: string, id: string) => id,
  outlet: (id: string) => ({ x: 'Al-Manar' })[id] ?? id,
};
test.each<[CountChange, string]>([
  [
    row('armed', 'gunmen', 'x', 'new', [0, 0], [27, 9]),
    'new variant "gunmen" (Armed groups): +27 mentions in 9 articles of Al-Manar',
  ],
  [
    row('armed', 'gunmen', 'x', 'new', [0, 0], [1, 1]),
    'new variant "gunmen" (Armed groups): +1 mention in 1 article of Al-Manar',
  ],
  [
    row('armed', 'militants', ALL_OUTLETS, 'removed', [2, 2], [0, 0]),
    'removed variant "militants" (Armed groups): −2 mentions in 2 articles of all outlets',
  ],
  [
    row('armed', null, 'x', 'kept', [1, 1], [5, 2]),
    'group "Armed groups", Al-Manar: 1 → 5 mentions (+4), 1 → 2 articles (+1)',
  ],
  [
    row('armed', 'militants', 'y', 'kept', [1200, 300], [1100, 300]),
    'variant "militants" (Armed groups), y: 1200 → 1100 mentions (−100), 300 → 300 articles (±0)',
  ],
])('changeSentence → %s', (c, text) => {
  expect(changeSentence(c, names)).toBe(text);
});

test.each<[number, string]>([
  [4, '+4'],
  [-2, '−2'],
  [0, '±0'],
])('signed(%i) is %s', (n, text) => {
  expect(signed(n)).toBe(text);
});
