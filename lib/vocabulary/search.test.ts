import { describe, expect, test } from 'vitest';
import { findMatches, parseSearch, wordMatches } from './search';

describe('parseSearch', () => {
  test.each<[string, string[][] | string]>([
    ['Takfiri', [['takfiri']]],
    ['"Islamic State"', [['islamic'], ['state']]],
    ['terror*', [['terror', '']]],
    ['*-backed rebels', [['', '-backed'], ['rebels']]],
    ['', 'is empty'],
    ['(a|b)+', 'no regular expressions'],
    ['*', 'no regular expressions'],
    ['a b c d e f g', 'more than 6 words'],
    ['x'.repeat(101), 'longer than 100'],
  ])('%s', (q, want) => {
    const r = parseSearch(q);
    if (typeof want === 'string') expect(r.ok ? '' : r.message).toContain(want);
    else expect(r.ok && r.pattern.words).toEqual(want);
  });
});

describe('wordMatches', () => {
  test.each<[string[], string, boolean]>([
    [['terror', ''], 'terrorists', true],
    [['terror', ''], 'terror', true],
    [['terror', ''], 'counterterror', false],
    [['', 'ists'], 'terrorists', true],
    [['t', 'r', 's'], 'terrorists', true],
    [['t', 'x', 's'], 'terrorists', false],
    [['ab', 'ba'], 'aba', false],
    [['daesh'], 'daesh', true],
  ])('%j ~ %s = %s', (parts, word, yes) => expect(wordMatches(parts, word)).toBe(yes));
});

describe('findMatches', () => {
  const find = (text: string, q: string) => {
    const p = parseSearch(q);
    if (!p.ok) throw new Error(p.message);
    return findMatches(text, 0, text.length, p.pattern).map((s) => text.slice(s.start, s.end));
  };
  test.each<[string, string, string[]]>([
    ['Terrorists and terror groups', 'terror*', ['Terrorists', 'terror']],
    ['the Islamic State said; Islamic, State', 'Islamic State', ['Islamic State']],
    ['so-called rebels', 'so-called', ['so-called']],
    ['Daish Daish', 'daish', ['Daish', 'Daish']],
  ])('%s / %s', (text, q, hits) => expect(find(text, q)).toEqual(hits));
});
