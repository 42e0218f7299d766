import { describe, expect, test } from 'vitest';
import { countOf } from './plural';

describe('countOf', () => {
  test.each([
    [0, 'article', undefined, '0 articles'],
    [1, 'article', undefined, '1 article'],
    [2, 'article', undefined, '2 articles'],
    [1024, 'sentence', undefined, '1,024 sentences'],
    [1, 'story', 'stories', '1 story'],
    [3, 'story', 'stories', '3 stories'],
  ])('%i %s', (n, one, many, text) => expect(countOf(n, one, many)).toBe(text));
  test('a count that is not finite is refused, naming it', () =>
    expect(() => countOf(NaN, 'article')).toThrow(/NaN articles is not a finite count/));
});
