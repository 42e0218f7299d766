import { describe, expect, test } from 'vitest';
import { addTerm, slugId, usesOf, type AddTarget } from './addTerm';
import { checkDraft, draftFromJson, draftToJson } from './form';

test.each<[string, string[], string]>([
  ['Takfiri', [], 'takfiri'],
  ['get short url', [], 'get-short-url'],
  ["Da'esh", [], 'daesh'],
  ['Dāʿish', [], 'daish'],
  ['  Hay’at Tahrir al-Sham  ', [], 'hayat-tahrir-al-sham'],
  ['U.S.-backed', [], 'u-s-backed'],
  ['takfiri', ['takfiri'], 'takfiri-2'],
  ['takfiri', ['takfiri', 'takfiri-2'], 'takfiri-3'],
  ['داعش', [], 'term'],
  ['x'.repeat(100), [], 'x'.repeat(60)],
])('slugId(%j, %j) is %j', (term, taken, id) => {
  expect(slugId(term, taken)).toBe(id);
});

const start = () =>
  draftFromJson({
    groups: [
      {
        id: 'armed-groups',
        label: 'Q?',
        short: 'Q',
        axis: { negative: 'n', positive: 'p' },
        variants: [
          { id: 'militants', label: 'militants', patterns: ['militants'], stance: -0.5, rationale: 'r' },
          { id: 'rebels', label: 'rebels', patterns: ['rebels'], stance: 0.5, rationale: 'r' },
        ],
      },
    ],
    exclusions: [{ text: 'join forces', note: 'verb' }],
  });

describe('addTerm', () => {
  test.each<[string, AddTarget, string, unknown]>([
    [
      'a new variant, stance and rationale left to fill',
      { kind: 'variant', group: 0 },
      'groups[0].variants[2].stance',
      { id: 'gunmen', label: 'gunmen', patterns: ['gunmen'], stance: '', rationale: '' },
    ],
    [
      'one more pattern of a variant',
      { kind: 'pattern', group: 0, variant: 1 },
      'groups[0].variants[1].patterns[1]',
      null,
    ],
    ['an exclusion', { kind: 'exclusion' }, 'exclusions[1].note', null],
    ['a new group', { kind: 'group' }, 'groups[1].label', null],
  ])('%s', (_case, target, focus, newVariant) => {
    const r = addTerm(start(), ' gunmen ', target);
    if ('error' in r) throw new Error(r.error);
    expect(r.focus).toBe(focus);
    const json = draftToJson(r.draft) as {
      groups: { id: string; variants: { patterns: string[] }[] }[];
      exclusions: { text: string }[];
    };
    if (newVariant) expect(json.groups[0].variants[2]).toEqual(newVariant);
    if (target.kind === 'pattern') expect(json.groups[0].variants[1].patterns).toEqual(['rebels', 'gunmen']);
    if (target.kind === 'exclusion') expect(json.exclusions[1]).toEqual({ text: 'gunmen' });
    if (target.kind === 'group')
      expect(json.groups[1]).toMatchObject({ id: 'gunmen', variants: [{ patterns: ['gunmen'] }] });
    // The form then asks for what is missing: the validation names the field it focuses, or an ancestor of it.
    const check = checkDraft(r.draft);
    if (target.kind === 'pattern' || target.kind === 'exclusion') expect(check.ok).toBe(true);
    // A new variant lacks its stance first, which is the field the form focuses.
    if (target.kind === 'variant') expect(check).toMatchObject({ ok: false, path: focus });
    // A new group lacks a second variant, its label, short label and axis; parseLexicon checks the variants first.
    if (target.kind === 'group') expect(check).toMatchObject({ ok: false, path: 'groups[1].variants' });
  });

  test('the new variant of a term that is already an id gets the next free id', () => {
    const d = start();
    d.groups[0].variants[0].patterns = [{ text: 'militant', caseSensitive: false }];
    const r = addTerm(d, 'Militants', { kind: 'variant', group: 0 });
    expect('draft' in r && r.draft.groups[0].variants[2].id).toBe('militants-2');
  });

  test.each<[string, string, { kind: string; group: number | null; label: string }[]]>([
    ['a pattern, in any case', 'REBELS', [{ kind: 'pattern', group: 0, label: 'Q › rebels' }]],
    [
      'an exclusion, spaces folded',
      ' join  forces ',
      [{ kind: 'exclusion', group: null, label: 'an exclusion (never counted)' }],
    ],
    ['nowhere', 'gunmen', []],
  ])('usesOf finds %s', (_case, term, uses) => expect(usesOf(start(), term)).toEqual(uses));

  test.each<[string, AddTarget, string]>([
    ['   ', { kind: 'exclusion' }, 'there is no term to add'],
    ['gunmen', { kind: 'variant', group: 4 }, 'there is no group 5'],
    ['gunmen', { kind: 'pattern', group: 0, variant: 9 }, 'there is no variant 10 in group 1'],
    // The UX walk added "Daesh" to a group that already counts it: each mention would have counted twice.
    [
      'Rebels',
      { kind: 'variant', group: 0 },
      '"Rebels" is already counted in this group, as Q › rebels; edit that variant instead',
    ],
    [
      'militants',
      { kind: 'pattern', group: 0, variant: 1 },
      '"militants" is already counted in this group, as Q › militants; edit that variant instead',
    ],
    ['Join forces', { kind: 'exclusion' }, '"Join forces" is already an exclusion'],
  ])('addTerm(%j, %j) is refused: %s', (term, target, error) => {
    expect(addTerm(start(), term, target)).toEqual({ error });
  });
});
