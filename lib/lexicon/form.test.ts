import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../errors';
import { checkDraft, checkLexiconJson, draftFromJson, draftToJson, draftToText, type LexiconDraft } from './form';
import { parseLexicon } from './parse';
import { testVariant as variant } from './testLexicon';

const bundled = JSON.parse(readFileSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), 'utf8')) as unknown;

const lex = (over: object = {}, groupOver: object = {}) => ({
  groups: [
    {
      id: 'g',
      label: 'Q?',
      short: 'Q',
      axis: { negative: 'n', positive: 'p' },
      variants: [variant(), variant({ id: 'v2', patterns: ['beta'] })],
      ...groupOver,
    },
  ],
  exclusions: [],
  ...over,
});

describe('draftFromJson and draftToJson round-trip', () => {
  test('the bundled lexicon comes back equal, and parses to the same lexicon', () => {
    const back = draftToJson(draftFromJson(bundled));
    expect(back).toEqual(bundled);
    expect(parseLexicon(back, 'x')).toEqual(parseLexicon(bundled, 'x'));
  });

  test.each<[string, object]>([
    ['plain', lex()],
    [
      'case-sensitive pattern',
      lex(
        {},
        {
          variants: [
            variant({ patterns: [{ text: 'IS', caseSensitive: true }] }),
            variant({ id: 'v2', patterns: ['beta'] }),
          ],
        },
      ),
    ],
    [
      'detector without patterns, with maxWords',
      lex(
        {},
        { variants: [variant({ patterns: undefined, detector: 'scare-quotes', maxWords: 3 }), variant({ id: 'v2' })] },
      ),
    ],
    [
      'about non-state',
      lex(
        { actors: [{ id: 'a', label: 'A', kind: 'state', aliases: ['Ankara'] }] },
        { about: { kind: 'non-state', genericWords: ['ground', 'two'] }, attributeActors: true },
      ),
    ],
    [
      'about actors, quoted names',
      lex(
        {
          actors: [
            { id: 'a', label: 'A', aliases: ['Ankara'], backedBy: 'b', note: 'n' },
            { id: 'b', label: 'B', aliases: ['Bee'] },
          ],
        },
        { about: { actors: ['a', 'b'] }, namesInQuotes: true },
      ),
    ],
    [
      'exclusions with and without notes, case-sensitive',
      lex({
        exclusions: [
          { text: 'join forces', note: 'verb' },
          { text: 'Tiger Forces' },
          { text: 'IS-K', caseSensitive: true, note: 'x' },
        ],
      }),
    ],
    [
      'unknown keys everywhere are kept',
      lex(
        { about: 'docs', exclusions: [{ text: 'x y', note: 'n', source: 's' }] },
        { colour: 'red', variants: [variant({ since: 2016 }), variant({ id: 'v2', patterns: ['beta'] })] },
      ),
    ],
  ])('%s', (_case, json) => {
    expect(draftToJson(draftFromJson(json))).toEqual(json);
  });

  test('a string exclusion becomes an object with its text (the same exclusion)', () => {
    expect(draftToJson(draftFromJson(lex({ exclusions: ['special forces'] }))).exclusions).toEqual([
      { text: 'special forces' },
    ]);
  });

  test('the text form ends with a newline and parses back to the same value', () => {
    const t = draftToText(draftFromJson(bundled));
    expect(t.endsWith('}\n')).toBe(true);
    expect(JSON.parse(t)).toEqual(bundled);
  });
});

describe('draftFromJson refuses what a form input cannot hold, naming the field', () => {
  test.each<[string, unknown, string]>([
    ['not an object', [], ''],
    ['groups not a list', { groups: {} }, 'groups'],
    ['group not an object', { groups: ['g'] }, 'groups[0]'],
    ['label a number', lex({}, { label: 5 }), 'groups[0].label'],
    ['stance text', lex({}, { variants: [variant({ stance: 'high' })] }), 'groups[0].variants[0].stance'],
    [
      'maxWords text',
      lex({}, { variants: [variant(), variant({ maxWords: 'four' })] }),
      'groups[0].variants[1].maxWords',
    ],
    ['pattern a number', lex({}, { variants: [variant({ patterns: ['a', 7] })] }), 'groups[0].variants[0].patterns[1]'],
    [
      'caseSensitive text',
      lex({}, { variants: [variant({ patterns: [{ text: 'IS', caseSensitive: 'yes' }] })] }),
      'groups[0].variants[0].patterns[0].caseSensitive',
    ],
    ['unknown detector', lex({}, { variants: [variant({ detector: 'magic' })] }), 'groups[0].variants[0].detector'],
    ['attributeActors text', lex({}, { attributeActors: 'yes' }), 'groups[0].attributeActors'],
    ['axis with another key', lex({}, { axis: { negative: 'n', positive: 'p', middle: 'm' } }), 'groups[0].axis'],
    ['about with both shapes', lex({}, { about: { kind: 'non-state', actors: ['a'] } }), 'groups[0].about'],
    ['about of another kind', lex({}, { about: { kind: 'state' } }), 'groups[0].about.kind'],
    [
      'generic words not text',
      lex({}, { about: { kind: 'non-state', genericWords: ['a', 1] } }),
      'groups[0].about.genericWords[1]',
    ],
    [
      'actor kind unknown',
      lex({ actors: [{ id: 'a', label: 'A', kind: 'rebel', aliases: ['x1'] }] }),
      'actors[0].kind',
    ],
    ['exclusion a number', lex({ exclusions: [3] }), 'exclusions[0]'],
  ])('%s → %j', (_case, json, where) => {
    let err: unknown = null;
    try {
      draftFromJson(json);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).path).toBe(where);
    expect((err as InputError).message).toContain('the form cannot show this field');
  });
});

describe('checkDraft validates with parseLexicon and locates the first problem', () => {
  const base = () => draftFromJson(lex());
  const edit = (f: (d: LexiconDraft) => void) => {
    const d = structuredClone(base());
    f(d);
    return d;
  };
  test.each<[string, LexiconDraft, string | null, string]>([
    ['valid', base(), null, ''],
    ['stance typed as 0.5 becomes the number', edit((d) => (d.groups[0].variants[1].stance = ' 0.5 ')), null, ''],
    [
      'stance left empty',
      edit((d) => (d.groups[0].variants[1].stance = '')),
      'groups[0].variants[1].stance',
      'is not a number in [-1, 1]',
    ],
    [
      'stance not a number',
      edit((d) => (d.groups[0].variants[0].stance = 'high')),
      'groups[0].variants[0].stance',
      '"high"',
    ],
    [
      'stance out of range',
      edit((d) => (d.groups[0].variants[0].stance = '-2')),
      'groups[0].variants[0].stance',
      'stance -2',
    ],
    [
      'empty rationale',
      edit((d) => (d.groups[0].variants[1].rationale = '')),
      'groups[0].variants[1].rationale',
      '"rationale" must be',
    ],
    [
      'stopword pattern',
      edit((d) => d.groups[0].variants[1].patterns.push({ text: 'the', caseSensitive: false })),
      'groups[0].variants[1].patterns[1]',
      'most common English words',
    ],
    ['group id with capitals', edit((d) => (d.groups[0].id = 'Group')), 'groups[0].id', 'lowercase'],
    ['axis end empty', edit((d) => (d.groups[0].axisPositive = '')), 'groups[0].axis.positive', '"positive"'],
    ['one variant', edit((d) => d.groups[0].variants.pop()), 'groups[0].variants', 'at least two'],
    [
      'maxWords typed 0',
      edit((d) => (d.groups[0].variants[0].maxWords = '0')),
      'groups[0].variants[0].maxWords',
      '1 to 12',
    ],
    [
      'about actors without actors',
      edit((d) => {
        d.groups[0].aboutMode = 'actors';
        d.groups[0].aboutActors = 'x';
      }),
      'groups[0].about',
      'lists no actors',
    ],
    [
      'exclusion clashing with a variant',
      edit((d) => d.exclusions.push({ text: 'Beta', caseSensitive: false, note: '', extra: {} })),
      'exclusions[0]',
      'also claimed',
    ],
  ])('%s', (_case, d, where, problem) => {
    const r = checkDraft(d);
    if (where === null) {
      expect(r.ok).toBe(true);
      return;
    }
    expect(r).toMatchObject({ ok: false, path: where });
    expect(r.ok ? '' : r.problem).toContain(problem);
  });
});

test.each<[string, unknown, string | null]>([
  ['the bundled lexicon', bundled, null],
  ['no groups', { groups: [] }, 'groups'],
  [
    'a stance out of range',
    lex({}, { variants: [variant({ stance: 2 }), variant({ id: 'v2', patterns: ['beta'] })] }),
    'groups[0].variants[0].stance',
  ],
])('checkLexiconJson(%s) locates the first problem at %j', (_case, json, where) => {
  const r = checkLexiconJson(json);
  expect(r.ok ? null : r.path).toBe(where);
});
