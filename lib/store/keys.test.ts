import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import type { Article } from '../types';
import { articleKey, lexiconKey, versionKey } from './keys';

const seeds = loadCorpus('corpus/seeds');
const a = seeds.articles[0];
const withText = (x: Article, text: string): Article => ({
  ...x,
  segments: x.segments.map((s, i) => (i === x.segments.length - 1 ? { ...s, text } : s)),
});

describe('article keys', () => {
  test.each([
    ['a changed date', { ...a, date: '1999-01-01' }, true],
    ['a changed source note', { ...a, note: 'elsewhere', url: 'https://example.org' }, true],
    ['a changed id', { ...a, id: `${a.id}-2` }, false],
    ['a changed outlet', { ...a, outlet: 'other' }, false],
    ['one changed word', withText(a, a.segments[a.segments.length - 1].text.replace(/\w+/, 'Changed')), false],
    ['a section renamed', { ...a, segments: a.segments.map((s) => ({ ...s, section: 'caption' as const })) }, false],
  ])('%s keeps the key: %s', (_case, b, same) => {
    expect(articleKey(b) === articleKey(a)).toBe(same);
  });

  test('text moved between segments changes the key (lengths are part of it)', () => {
    const two = {
      ...a,
      segments: [
        { section: 'body' as const, text: 'ab' },
        { section: 'body' as const, text: 'c' },
      ],
    };
    const moved = {
      ...a,
      segments: [
        { section: 'body' as const, text: 'a' },
        { section: 'body' as const, text: 'bc' },
      ],
    };
    expect(articleKey(two)).not.toBe(articleKey(moved));
  });
});

describe('lexicon and version keys', () => {
  test.each([
    ['the same lexicon', seeds.lexicon, true],
    ['one variant fewer', { ...seeds.lexicon, groups: seeds.lexicon.groups.slice(1) }, false],
  ])('%s: same key %s', (_case, lex, same) => {
    expect(lexiconKey(lex) === lexiconKey(seeds.lexicon)).toBe(same);
  });

  test.each([
    [['a', 'b'], 'L', ['a', 'b'], 'L', true],
    [['a', 'b'], 'L', ['b', 'a'], 'L', false],
    [['a', 'b'], 'L', ['a', 'b'], 'M', false],
    [['a', 'b'], 'L', ['a'], 'L', false],
  ])('%j under %s vs %j under %s: same %s', (k1, l1, k2, l2, same) => {
    expect(versionKey(k1, l1) === versionKey(k2, l2)).toBe(same);
  });
});
