import { describe, expect, test } from 'vitest';
import { addDays, autoBin, daysBetween, isIsoDate, parsePeriod, periodOf, periodsBetween, type Bin } from './bin';

describe('isIsoDate', () => {
  test.each([
    ['2016-07-31', true],
    ['2016-02-29', true], // 2016 is a leap year
    ['2015-02-29', false],
    ['2016-13-01', false],
    ['2016-7-31', false],
    ['2016-07-31T00:00', false],
    ['', false],
  ])('%s -> %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));
});

describe('periodOf', () => {
  // Weekdays checked on a calendar: 2016-07-27 is a Wednesday, so its ISO week starts Monday 2016-07-25 (week 30);
  // 2016-01-01 is a Friday, which belongs to 2015's week 53 (2015's first Thursday was 1 January, and 2015 had 53).
  test.each<[string, Bin, string, string, string]>([
    ['2016-07-27', 'day', '2016-07-27', '2016-07-27', '2016-07-27'],
    ['2016-07-27', 'week', '2016-W30', '2016-07-25', '2016-07-31'],
    ['2016-01-01', 'week', '2015-W53', '2015-12-28', '2016-01-03'],
    ['2018-12-31', 'week', '2019-W01', '2018-12-31', '2019-01-06'],
    ['2016-02-10', 'month', '2016-02', '2016-02-01', '2016-02-29'],
    ['2015-02-10', 'month', '2015-02', '2015-02-01', '2015-02-28'],
    ['2016-07-27', 'quarter', '2016-Q3', '2016-07-01', '2016-09-30'],
    ['2016-12-31', 'quarter', '2016-Q4', '2016-10-01', '2016-12-31'],
    ['2016-01-01', 'quarter', '2016-Q1', '2016-01-01', '2016-03-31'],
  ])('%s in %s bins is %s (%s..%s)', (date, bin, id, start, end) =>
    expect(periodOf(date, bin)).toEqual({ id, bin, start, end }),
  );
});

describe('parsePeriod', () => {
  test.each([
    ['2016-07', '2016-07-01', '2016-07-31'],
    ['2016-W30', '2016-07-25', '2016-07-31'],
    ['2015-W53', '2015-12-28', '2016-01-03'],
    ['2016-Q2', '2016-04-01', '2016-06-30'],
    ['2016-07-27', '2016-07-27', '2016-07-27'],
  ])('%s is %s..%s', (id, start, end) => expect(parsePeriod(id)).toMatchObject({ id, start, end }));

  // 2016 has 52 ISO weeks (its 1 January is a Friday and it is not a Thursday-starting leap year).
  test.each(['2016-13', '2016-W53', '2016-W00', '2016-Q5', '2016-02-30', 'July', ''])('%s is not a period', (id) =>
    expect(parsePeriod(id)).toBeNull(),
  );
});

describe('periodsBetween', () => {
  test.each<[string, string, Bin, string[]]>([
    ['2016-06-15', '2016-09-01', 'month', ['2016-06', '2016-07', '2016-08', '2016-09']],
    ['2015-11-20', '2016-02-01', 'quarter', ['2015-Q4', '2016-Q1']],
    ['2016-02-27', '2016-03-01', 'day', ['2016-02-27', '2016-02-28', '2016-02-29', '2016-03-01']],
    ['2015-12-25', '2016-01-12', 'week', ['2015-W52', '2015-W53', '2016-W01', '2016-W02']],
    ['2016-03-01', '2016-02-01', 'month', []],
  ])('%s..%s by %s', (a, b, bin, ids) => expect(periodsBetween(a, b, bin).map((p) => p.id)).toEqual(ids));
});

describe('autoBin', () => {
  // Spans are counted inclusively: 2016-01-01..2016-04-01 is 31+29+31+1 = 92 days.
  test.each<[string, string, Bin]>([
    ['2016-07-01', '2016-07-31', 'day'],
    ['2016-01-01', '2016-04-01', 'day'],
    ['2016-01-01', '2016-04-02', 'week'],
    ['2015-01-01', '2016-12-31', 'week'],
    ['2011-02-01', '2018-07-31', 'month'], // FA-KES's span, about 7.5 years
    ['2000-01-01', '2016-12-31', 'quarter'],
  ])('%s..%s -> %s', (a, b, bin) => expect(autoBin(a, b)).toBe(bin));
});

describe('day arithmetic', () => {
  test.each([
    ['2016-02-28', 1, '2016-02-29'],
    ['2016-12-31', 1, '2017-01-01'],
    ['2016-03-01', -1, '2016-02-29'],
  ])('%s + %i = %s', (d, n, out) => {
    expect(addDays(d, n)).toBe(out);
    expect(daysBetween(d, out)).toBe(n);
  });
});
