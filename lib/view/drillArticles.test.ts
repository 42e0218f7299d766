import { describe, expect, test } from 'vitest';
import { SUMMARY_FIELDS, pairKey, type MentionPostings } from '../store/mentionPostings';
import type { Selection } from '../url/state';
import { drillArticles } from './drillArticles';

// Five articles of two outlets; the lists below say which hold what.
const articles = [
  { outlet: 'a', date: '2016-01-05' },
  { outlet: 'b', date: '2016-02-01' },
  { outlet: 'a', date: null },
  { outlet: 'a', date: '2016-03-10' },
  { outlet: 'b', date: '2016-03-11' },
];
const postings: MentionPostings = {
  articles: 5,
  variants: new Map([
    [pairKey('g', 'v1'), Uint32Array.from([0, 1, 3])],
    [pairKey('g', 'v2'), Uint32Array.from([0, 2, 4])],
    [pairKey('h', 'v1'), Uint32Array.from([4])],
  ]),
  actors: new Map([
    [pairKey('g', 'x'), Uint32Array.from([2, 3])],
    [pairKey('g', ''), Uint32Array.from([0, 1])],
  ]),
  tone: new Map([['x', Uint32Array.from([1, 3])]]),
  summary: new Int32Array(5 * SUMMARY_FIELDS),
};
const both = new Set(['a', 'b']);
const all = () => true;

describe('drillArticles', () => {
  test.each<[string, Selection, ReadonlySet<string>, (d: string | null) => boolean, number[]]>([
    ['one variant, both outlets', { kind: 'mentions', outlet: 'x', group: 'g', variant: 'v1' }, both, all, [0, 1, 3]],
    [
      'one variant, outlet a',
      { kind: 'mentions', outlet: 'a', group: 'g', variant: 'v1' },
      new Set(['a']),
      all,
      [0, 3],
    ],
    // Article 0 holds both variants of g: listed once.
    ['a whole group', { kind: 'mentions', outlet: 'x', group: 'g', variant: null }, both, all, [0, 1, 2, 3, 4]],
    [
      'a group prefix of another is not it',
      { kind: 'mentions', outlet: 'x', group: 'h', variant: null },
      both,
      all,
      [4],
    ],
    ['an unknown variant', { kind: 'mentions', outlet: 'x', group: 'g', variant: 'zz' }, both, all, []],
    // x's labels of g: 2 and 3; with variant v1 only 3 holds both.
    ['an actor', { kind: 'actor', outlet: 'x', group: 'g', actor: 'x', variant: null }, both, all, [2, 3]],
    ['an actor and a variant', { kind: 'actor', outlet: 'x', group: 'g', actor: 'x', variant: 'v1' }, both, all, [3]],
    [
      'unattributed labels',
      { kind: 'actor', outlet: 'x', group: 'g', actor: 'unattributed', variant: null },
      both,
      all,
      [0, 1],
    ],
    ['set-aside labels of a group', { kind: 'setAside', outlet: 'x', group: 'h', reason: 'state' }, both, all, [4]],
    ['tone toward an actor', { kind: 'tone', outlet: 'x', actor: 'x' }, both, all, [1, 3]],
    ['sentiment: every article of the outlet', { kind: 'sentiment', outlet: 'b' }, new Set(['b']), all, [1, 4]],
    [
      'a date range drops undated and outside articles',
      { kind: 'mentions', outlet: 'x', group: 'g', variant: null },
      both,
      (d) => d !== null && d >= '2016-02-01',
      [1, 3, 4],
    ],
  ])('%s', (_, sel, members, kept, expected) => {
    expect(drillArticles(postings, articles, sel, { members, kept })).toEqual(expected);
  });

  test('postings of another version are refused', () => {
    expect(() =>
      drillArticles(postings, articles.slice(1), { kind: 'sentiment', outlet: 'a' }, { members: both, kept: all }),
    ).toThrow(/postings cover 5 articles but the version has 4/);
  });
});
