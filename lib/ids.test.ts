import { describe, expect, test } from 'vitest';
import { ID_PATTERN, ID_RE } from './ids';

describe('ids', () => {
  test.each([
    ['presstv', true],
    ['al-alam', true],
    ['9news', true],
    ['-dash', false],
    ['Upper', false],
    ['with space', false],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
    ['', false],
  ])('%j is an id: %s', (id, ok) => {
    expect(ID_RE.test(id)).toBe(ok);
    // The HTML pattern is anchored as browsers anchor it, and agrees with the regular expression.
    expect(new RegExp(`^(?:${ID_PATTERN})$`, 'v').test(id)).toBe(ok);
  });
});
