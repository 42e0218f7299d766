import { describe, expect, test } from 'vitest';
import { normalizeDate } from './dates';

describe('normalizeDate', () => {
  test.each([
    ['2016-08-30', 'mdy', '2016-08-30'],
    ['2016-08-30T10:00:00Z', 'mdy', '2016-08-30'],
    ['4/5/2017', 'mdy', '2017-04-05'],
    ['4/5/2017', 'dmy', '2017-05-04'],
    ['13-12-2014', 'dmy', '2014-12-13'],
    ['Wed 05 Apr 2017', 'mdy', '2017-04-05'],
    ['25 April 2017', 'mdy', '2017-04-25'],
    ['October 2, 2017', 'mdy', '2017-10-02'],
    ['Mon Aug 15 2016', 'mdy', '2016-08-15'],
    ['13/13/2017', 'mdy', null],
    ['2/30/2017', 'mdy', null],
    ['yesterday', 'mdy', null],
  ] as const)('%s (%s) → %s', (raw, order, expected) => expect(normalizeDate(raw, order)?.date ?? null).toBe(expected));
});
