import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../errors';
import { parseLexicon } from './parse';
import { testVariant as variant } from './testLexicon';

const lexicon = (variants: object[], extra: object = {}) => ({
  groups: [{ id: 'g', label: 'Question?', short: 'Q', axis: { negative: 'n', positive: 'p' }, variants }],
  ...extra,
});

const two = () => [variant(), variant({ id: 'v2', patterns: ['beta'] })];
const actor = (over: object = {}) => ({
  id: 'kurds',
  label: 'Kurdish groups',
  kind: 'non-state',
  aliases: ['YPG'],
  ...over,
});
const group = (over: object) => ({
  groups: [
    {
      id: 'g',
      label: 'Q?',
      short: 'Q',
      axis: { negative: 'n', positive: 'p' },
      attributeActors: true,
      variants: two(),
      ...over,
    },
  ],
  actors: [actor()],
});

describe('parseLexicon', () => {
  test('the bundled lexicon is valid and has the four groups', () => {
    const file = path.join(process.cwd(), 'corpus', 'lexicon.json');
    const lex = parseLexicon(JSON.parse(readFileSync(file, 'utf8')), file);
    expect(lex.groups.map((g) => g.id)).toEqual(['islamic-state', 'armed-groups', 'operation', 'distancing']);
    expect(lex.exclusions.length).toBeGreaterThan(10);
    expect(lex.groups.filter((g) => g.attributeActors).map((g) => g.id)).toEqual(['armed-groups']);
    expect(lex.groups.find((g) => g.id === 'armed-groups')?.about).toMatchObject({ kind: 'non-state' });
    expect(lex.groups.find((g) => g.id === 'operation')?.about).toEqual({ actors: ['turkey', 'turkish-backed'] });
    expect(lex.actors.filter((a) => a.kind === 'state').map((a) => a.id)).toEqual([
      'turkey',
      'us-coalition',
      'syrian-government',
      'russia',
      'iraq',
      'iran',
      'israel',
    ]);
    expect(lex.actors.find((a) => a.id === 'turkish-backed')?.backedBy).toBe('turkey');
  });

  test.each([
    ['not an object', [], 'must be a JSON object'],
    ['no groups', { groups: [] }, '"groups" must be a non-empty list'],
    [
      'stance out of range',
      lexicon([variant({ stance: 1.5 }), variant({ id: 'v2', patterns: ['beta'] })]),
      'groups[0] ("g") variants[0] ("v1"): stance 1.5 is not a number in [-1, 1]',
    ],
    ['only one variant', lexicon([variant()]), 'at least two alternatives'],
    [
      'empty pattern',
      lexicon([variant({ patterns: [''] }), variant({ id: 'v2', patterns: ['beta'] })]),
      'patterns[0]: a pattern is empty',
    ],
    [
      'pattern that would match everything',
      lexicon([variant({ patterns: ['  .  '] }), variant({ id: 'v2', patterns: ['beta'] })]),
      'has no letter or digit',
    ],
    [
      'pattern that is a common word',
      lexicon([variant({ patterns: ['The'] }), variant({ id: 'v2', patterns: ['beta'] })]),
      'pattern "The" is one of the most common English words and would match almost every sentence',
    ],
    [
      'one-letter pattern',
      lexicon([variant({ patterns: ['x'] }), variant({ id: 'v2', patterns: ['beta'] })]),
      'is a single character',
    ],
    [
      'no patterns and no detector',
      lexicon([variant({ patterns: [] }), variant({ id: 'v2', patterns: ['beta'] })]),
      'has no patterns',
    ],
    [
      'unknown detector',
      lexicon([variant({ detector: 'magic' }), variant({ id: 'v2', patterns: ['beta'] })]),
      'unknown detector "magic"',
    ],
    [
      'duplicate pattern',
      lexicon([variant(), variant({ id: 'v2', patterns: ['Alpha'] })]),
      'pattern "Alpha" is also claimed by groups[0].variants[0] ("g/v1")',
    ],
    [
      'case-insensitive pattern clashing with a case-sensitive one',
      lexicon([variant({ patterns: [{ text: 'AQ', caseSensitive: true }] }), variant({ id: 'v2', patterns: ['aq'] })]),
      'pattern "aq" is also claimed',
    ],
    ['duplicate variant id', lexicon([variant(), variant({ patterns: ['beta'] })]), 'variant id "v1" appears twice'],
    [
      'bad id',
      lexicon([variant({ id: 'Bad Id' }), variant({ id: 'v2', patterns: ['beta'] })]),
      'id "Bad Id" is not lowercase',
    ],
    [
      'missing rationale',
      lexicon([variant({ rationale: undefined }), variant({ id: 'v2', patterns: ['beta'] })]),
      '"rationale" must be a non-empty string',
    ],
    [
      'exclusion clashing with a label',
      lexicon([variant(), variant({ id: 'v2', patterns: ['beta'] })], { exclusions: [{ text: 'beta' }] }),
      'exclusions[0] ("beta"): pattern "beta" is also claimed',
    ],
    ['actors not a list', lexicon(two(), { actors: {} }), '"actors" must be a list'],
    [
      'actor with no aliases',
      lexicon(two(), { actors: [actor({ aliases: [] })] }),
      'actors[0] ("kurds"): "aliases" must list at least one name',
    ],
    [
      'actor alias that would match everything',
      lexicon(two(), { actors: [actor({ aliases: ['--'] })] }),
      'aliases[0]: pattern "--" has no letter or digit',
    ],
    ['reserved actor id', lexicon(two(), { actors: [actor({ id: 'unattributed' })] }), 'reserved "unattributed"'],
    [
      'duplicate actor id',
      lexicon(two(), { actors: [actor(), actor({ aliases: ['PKK'] })] }),
      'actor id "kurds" appears twice',
    ],
    [
      'alias under two actors',
      lexicon(two(), { actors: [actor(), actor({ id: 'other', aliases: ['ypg'] })] }),
      'alias "ypg" is also an alias of "kurds"',
    ],
    [
      'backedBy naming no actor',
      lexicon(two(), { actors: [actor({ backedBy: 'turkey' })] }),
      '"backedBy" names "turkey", which is not another actor',
    ],
    [
      'actor without a kind in a lexicon that asks about non-state actors',
      {
        ...group({ about: { kind: 'non-state' } }),
        actors: [actor(), actor({ id: 'turkey', aliases: ['Turkey'], kind: undefined })],
      },
      'actors[1] ("turkey"): has no "kind", which group "g" needs to tell state from non-state actors',
    ],
    [
      'actor with an unknown kind',
      lexicon(two(), { actors: [actor({ kind: 'rebel' })] }),
      '"kind" is "rebel", not "state" or "non-state"',
    ],
    ['about that is not an object', group({ about: 'non-state' }), 'groups[0] ("g") about: "about" must be an object'],
    ['about with an unknown kind', group({ about: { kind: 'state' } }), 'about: kind "state" is not "non-state"'],
    [
      'generic words that are not single words',
      group({ about: { kind: 'non-state', genericWords: ['ground troops'] } }),
      '"genericWords" must be a list of single words',
    ],
    [
      'about with neither kind nor actors',
      group({ about: { actors: [] } }),
      'needs "kind": "non-state" or a non-empty "actors" list',
    ],
    [
      'about naming an unknown actor',
      group({ about: { actors: ['turkey'] } }),
      'about: actor "turkey" is not in "actors"',
    ],
    [
      'about without actors in the lexicon',
      {
        groups: [
          {
            id: 'g',
            label: 'Q?',
            short: 'Q',
            axis: { negative: 'n', positive: 'p' },
            about: { kind: 'non-state' },
            variants: two(),
          },
        ],
      },
      'the lexicon lists no actors',
    ],
    ['namesInQuotes not a boolean', group({ namesInQuotes: 'yes' }), '"namesInQuotes" must be true or false'],
    [
      'attributeActors without actors',
      {
        groups: [
          {
            id: 'g',
            label: 'Q?',
            short: 'Q',
            axis: { negative: 'n', positive: 'p' },
            attributeActors: true,
            variants: two(),
          },
        ],
      },
      'lists no actors',
    ],
    [
      'attributeActors not a boolean',
      {
        groups: [
          {
            id: 'g',
            label: 'Q?',
            short: 'Q',
            axis: { negative: 'n', positive: 'p' },
            attributeActors: 'yes',
            variants: two(),
          },
        ],
      },
      '"attributeActors" must be true or false',
    ],
  ])('%s', (_case, json, message) => {
    expect(() => parseLexicon(json, 'lex.json')).toThrow(InputError);
    expect(() => parseLexicon(json, 'lex.json')).toThrow(message);
  });

  test('errors name the file, the entry and a fix', () => {
    try {
      parseLexicon(
        lexicon([variant({ stance: 'high' }), variant({ id: 'v2', patterns: ['beta'] })]),
        'corpus/lexicon.json',
      );
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(
        /^corpus\/lexicon\.json groups\[0\] \("g"\) variants\[0\] \("v1"\): .*Fix: set "stance"/,
      );
    }
  });

  test('a lexicon without "about" (a kept older version) loads without actor kinds', () => {
    const lex = parseLexicon(lexicon(two(), { actors: [actor({ kind: undefined })] }), 'lex.json');
    expect(lex.actors[0].kind).toBeNull();
  });

  test('case-sensitive "IS" and "Is" are distinct', () => {
    const lex = parseLexicon(
      lexicon([
        variant({ patterns: [{ text: 'IS', caseSensitive: true }] }),
        variant({ id: 'v2', patterns: [{ text: 'Is', caseSensitive: true }] }),
      ]),
      'lex.json',
    );
    expect(lex.groups[0].variants[0].patterns[0]).toEqual({ text: 'IS', caseSensitive: true });
  });
});

describe('parseLexicon errors carry the path of the field they are about', () => {
  const pathOf = (json: unknown): string => {
    try {
      parseLexicon(json, 'lex.json');
    } catch (e) {
      if (e instanceof InputError) return e.path;
      throw e;
    }
    throw new Error('expected an InputError');
  };
  const second = () => variant({ id: 'v2', patterns: ['beta'] });
  test.each<[string, unknown, string]>([
    ['not an object', [], ''],
    ['no groups', { groups: [] }, 'groups'],
    ['group not an object', { groups: ['g'] }, 'groups[0]'],
    ['group id missing', { groups: [{ ...lexicon(two()).groups[0], id: '' }] }, 'groups[0].id'],
    ['group label missing', { groups: [{ ...lexicon(two()).groups[0], label: ' ' }] }, 'groups[0].label'],
    [
      'axis end missing',
      { groups: [{ ...lexicon(two()).groups[0], axis: { negative: 'n' } }] },
      'groups[0].axis.positive',
    ],
    ['only one variant', lexicon([variant()]), 'groups[0].variants'],
    [
      'stance out of range',
      lexicon([variant(), variant({ id: 'v2', patterns: ['beta'], stance: 2 })]),
      'groups[0].variants[1].stance',
    ],
    ['stance not a number', lexicon([variant({ stance: '0.5' }), second()]), 'groups[0].variants[0].stance'],
    ['bad variant id', lexicon([variant({ id: 'Bad Id' }), second()]), 'groups[0].variants[0].id'],
    ['missing rationale', lexicon([variant({ rationale: '' }), second()]), 'groups[0].variants[0].rationale'],
    ['missing variant label', lexicon([second(), variant({ label: undefined })]), 'groups[0].variants[1].label'],
    ['no patterns', lexicon([variant({ patterns: [] }), second()]), 'groups[0].variants[0].patterns'],
    [
      'second pattern a stopword',
      lexicon([variant({ patterns: ['alpha', 'the'] }), second()]),
      'groups[0].variants[0].patterns[1]',
    ],
    ['unknown detector', lexicon([variant({ detector: 'magic' }), second()]), 'groups[0].variants[0].detector'],
    ['maxWords too big', lexicon([variant({ maxWords: 40 }), second()]), 'groups[0].variants[0].maxWords'],
    ['duplicate variant id', lexicon([variant(), variant({ patterns: ['beta'] })]), 'groups[0].variants[1].id'],
    // The later claimant is the one named: the earlier stays as it was.
    [
      'duplicate pattern',
      lexicon([variant(), variant({ id: 'v2', patterns: ['beta', 'Alpha'] })]),
      'groups[0].variants[1].patterns[1]',
    ],
    ['exclusion clashing with a label', lexicon(two(), { exclusions: ['x1', { text: 'beta' }] }), 'exclusions[1]'],
    ['exclusion empty', lexicon(two(), { exclusions: [''] }), 'exclusions[0]'],
    ['exclusions not a list', lexicon(two(), { exclusions: {} }), 'exclusions'],
    ['namesInQuotes not a boolean', group({ namesInQuotes: 'yes' }), 'groups[0].namesInQuotes'],
    ['attributeActors not a boolean', group({ attributeActors: 1 }), 'groups[0].attributeActors'],
    ['about not an object', group({ about: 'x' }), 'groups[0].about'],
    ['about with an unknown kind', group({ about: { kind: 'state' } }), 'groups[0].about.kind'],
    ['generic words', group({ about: { kind: 'non-state', genericWords: ['a b'] } }), 'groups[0].about.genericWords'],
    ['about with no actors', group({ about: { actors: [] } }), 'groups[0].about.actors'],
    ['about naming an unknown actor', group({ about: { actors: ['kurds', 'turkey'] } }), 'groups[0].about.actors[1]'],
    ['actors not a list', lexicon(two(), { actors: {} }), 'actors'],
    ['actor with no aliases', lexicon(two(), { actors: [actor({ aliases: [] })] }), 'actors[0].aliases'],
    ['actor alias empty', lexicon(two(), { actors: [actor({ aliases: ['YPG', ''] })] }), 'actors[0].aliases[1]'],
    ['actor kind', lexicon(two(), { actors: [actor({ kind: 'rebel' })] }), 'actors[0].kind'],
    ['actor label', lexicon(two(), { actors: [actor({ label: '' })] }), 'actors[0].label'],
    ['duplicate actor id', lexicon(two(), { actors: [actor(), actor({ aliases: ['PKK'] })] }), 'actors[1].id'],
    [
      'alias under two actors',
      lexicon(two(), { actors: [actor(), actor({ id: 'o', aliases: ['x2', 'ypg'] })] }),
      'actors[1].aliases[1]',
    ],
    ['backedBy naming no actor', lexicon(two(), { actors: [actor({ backedBy: 'turkey' })] }), 'actors[0].backedBy'],
    [
      'actor without a kind that a group needs',
      {
        ...group({ about: { kind: 'non-state' } }),
        actors: [actor(), actor({ id: 't', aliases: ['T1'], kind: undefined })],
      },
      'actors[1].kind',
    ],
  ])('%s → %j', (_case, json, path) => {
    expect(pathOf(json)).toBe(path);
  });
});
