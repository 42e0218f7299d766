import { describe, expect, test } from 'vitest';
import { sentencePool } from './sentencePool';

describe('sentencePool', () => {
  test.each([
    // The first body sentence of the VOA seed page, read in corpus/seeds/articles/voa-2016-10-21-cooperation.txt.
    ['corpus/seeds', 'U.S.'],
  ])('%s: body sentences over 20 characters', (dir, fragment) => {
    const pool = sentencePool([dir]);
    expect(pool.length).toBeGreaterThan(20);
    expect(pool.every((s) => s.length > 20)).toBe(true);
    expect(pool.some((s) => s.includes(fragment))).toBe(true);
  });
});
