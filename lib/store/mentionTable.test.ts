import { describe, expect, test } from 'vitest';
import type { SubstitutionMention } from '../provenance/views';
import { MentionTable } from './mentionTable';

const m = (start: number, group: string, variant: string): SubstitutionMention => ({ start, group, variant });

// Sets in order, then reads each id back: what a Map of the same lists gives.
const CASES: [string, [string, SubstitutionMention[]][]][] = [
  ['none', []],
  ['an article without mentions', [['a', []]]],
  [
    'names shared across articles',
    [
      ['a', [m(4, 'is', 'daesh'), m(40, 'is', 'isis')]],
      ['b', []],
      ['c', [m(0, 'is', 'isis'), m(7, 'nsag', 'rebels'), m(9, 'is', 'daesh')]],
    ],
  ],
  [
    'one article set twice (the later list is read)',
    [
      ['a', [m(1, 'is', 'isil')]],
      ['a', [m(2, 'is', 'daesh')]],
    ],
  ],
  // More mentions and articles than the first arrays hold (4,096 and 1,024), so they grow.
  [
    '3,000 articles of 3 mentions',
    Array.from({ length: 3000 }, (_, i): [string, SubstitutionMention[]] => [
      `art-${i}`,
      [m(i, 'is', `v${i % 5}`), m(i + 1, 'nsag', 'rebels'), m(-1, '', 'x')],
    ]),
  ],
];

describe('MentionTable', () => {
  test.each(CASES)('%s: reads what a Map of the lists reads', (_name, lists) => {
    const table = new MentionTable();
    for (const [id, list] of lists) table.set(id, list);
    const map = new Map(lists);
    expect(table.size).toBe(map.size);
    for (const id of map.keys()) expect(table.get(id)).toEqual(map.get(id));
    expect(table.get('never-set')).toBeUndefined();
  });
});
