import { expect, test } from 'vitest';
import { errorAnchor, fieldDomId, formPaths, parentPath } from './fieldErrors';
import { draftFromJson } from './form';

test.each<[string, string]>([
  ['groups[0].variants[1].stance', 'lex-groups-0-variants-1-stance'],
  ['groups[12].axis.negative', 'lex-groups-12-axis-negative'],
  ['exclusions[3]', 'lex-exclusions-3'],
  ['actors[0].aliases[2]', 'lex-actors-0-aliases-2'],
  ['groups', 'lex-groups'],
  ['', 'lex'],
])('fieldDomId(%j) is %j', (p, id) => {
  expect(fieldDomId(p)).toBe(id);
});

test.each<[string, string]>([
  ['groups[0].variants[1].stance', 'groups[0].variants[1]'],
  ['groups[0].variants[1]', 'groups[0].variants'],
  ['groups[0].variants', 'groups[0]'],
  ['groups[0]', 'groups'],
  ['groups', ''],
  ['', ''],
])('parentPath(%j) is %j', (p, parent) => {
  expect(parentPath(p)).toBe(parent);
});

const shown = new Set([
  'groups',
  'groups[0]',
  'groups[0].id',
  'groups[0].variants',
  'groups[0].variants[1].stance',
  'groups[0].variants[1].patterns',
  'exclusions[0]',
  'actors[0].kind',
]);
test.each<[string, string]>([
  // The field itself when the form shows it.
  ['groups[0].variants[1].stance', 'groups[0].variants[1].stance'],
  ['exclusions[0]', 'exclusions[0]'],
  // A pattern or a flag the form shows inside a list goes to the list; a whole variant to the group's variant list.
  ['groups[0].variants[1].patterns[2]', 'groups[0].variants[1].patterns'],
  ['groups[0].variants[1]', 'groups[0].variants'],
  ['groups[0].variants[1].maxWords', 'groups[0].variants'],
  ['groups[0].about.actors[1]', 'groups[0]'],
  ['groups[5].id', 'groups'],
  ['actors', ''],
  ['', ''],
])('errorAnchor(%j) is %j', (p, anchor) => {
  expect(errorAnchor(p, shown)).toBe(anchor);
});

const draft = draftFromJson({
  groups: [
    {
      id: 'g',
      label: 'Q?',
      short: 'Q',
      axis: { negative: 'n', positive: 'p' },
      about: { actors: ['a'] },
      variants: [
        { id: 'v1', label: 'V1', patterns: ['alpha', 'beta'], stance: 0, rationale: 'r' },
        { id: 'v2', label: 'V2', patterns: ['gamma'], stance: 1, rationale: 'r' },
      ],
    },
  ],
  exclusions: [{ text: 'x y' }],
  actors: [{ id: 'a', label: 'A', aliases: ['Ay'] }],
});
// Every path parseLexicon can name is placed at a field the form shows for that very entry.
test.each<[string, string]>([
  ['groups[0].variants[0].patterns[1]', 'groups[0].variants[0].patterns[1]'],
  ['groups[0].variants[1].maxWords', 'groups[0].variants[1].maxWords'],
  ['groups[0].variants[1].detector', 'groups[0].variants[1].detector'],
  ['groups[0].axis.positive', 'groups[0].axis.positive'],
  ['groups[0].about.kind', 'groups[0].about'],
  ['groups[0].about.actors[0]', 'groups[0].about.actors'],
  ['groups[0].variants', 'groups[0].variants'],
  ['exclusions[0]', 'exclusions[0]'],
  ['actors[0].aliases[0]', 'actors[0].aliases[0]'],
  ['actors[0].backedBy', 'actors[0].backedBy'],
  ['actors', 'actors'],
  ['groups[3].id', 'groups'],
])('in the form of a small lexicon, errorAnchor(%j) is %j', (p, anchor) => {
  expect(errorAnchor(p, formPaths(draft))).toBe(anchor);
});
