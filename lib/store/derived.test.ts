import { describe, expect, test } from 'vitest';
import { derivedName } from './derived';

describe('derivedName', () => {
  test.each([
    ['provenance', '0123456789abcdef', 'provenance-0123456789abcdef.bin'],
    ['month-tallies', 'v1', 'month-tallies-v1.bin'],
  ])('names %s/%s as %s', (kind, key, name) => {
    expect(derivedName(kind, key)).toBe(name);
  });

  test.each([
    ['../x', 'v', /kind "..\/x"/],
    ['provenance', '../../etc', /key "..\/..\/etc"/],
    ['Provenance', 'v', /kind "Provenance"/],
    ['provenance', '', /key ""/],
    ['provenance', 'a'.repeat(65), /is not a short lowercase name/],
  ])('refuses kind %s with key %s', (kind, key, message) => {
    expect(() => derivedName(kind, key)).toThrow(message);
  });
});
