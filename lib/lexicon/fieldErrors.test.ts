import { expect, test } from 'vitest';
import { errorAnchor, fieldDomId, parentPath } from './fieldErrors';

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
