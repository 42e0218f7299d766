import { describe, expect, test } from 'vitest';
import { BENCH_DAYS, BENCH_FIRST_DAY, benchDate, generateArticles } from './generate';
import { addDays } from '../../lib/time/bin';

describe('generated articles are dated over five years', () => {
  const last = addDays(BENCH_FIRST_DAY, BENCH_DAYS - 1);

  test('the span is 2012-01-01 to 2016-12-31 (2012 and 2016 are leap years: 366 + 365 * 3 + 366 = 1827 days)', () =>
    expect(last).toBe('2016-12-31'));

  test.each([1, 7, 42])('seed %i: dates in the span, spread over every year, reproducible', (seed) => {
    const dates = Array.from({ length: 2000 }, (_, i) => benchDate(seed, i));
    for (const d of dates) expect(d >= BENCH_FIRST_DAY && d <= last).toBe(true);
    expect(new Set(dates.map((d) => d.slice(0, 4)))).toEqual(new Set(['2012', '2013', '2014', '2015', '2016']));
    expect(Array.from({ length: 2000 }, (_, i) => benchDate(seed, i))).toEqual(dates);
  });

  test('an article carries the date of its index, whichever slice generates it', () => {
    const pool = ['One sentence here.', 'Another sentence there.'];
    const whole = generateArticles(pool, { articles: 10, outlets: 3, seed: 5 });
    const slice = generateArticles(pool, { articles: 4, outlets: 3, seed: 5, from: 6 });
    expect(slice.map((a) => a.date)).toEqual(whole.slice(6).map((a) => a.date));
    expect(whole[3].date).toBe(benchDate(5, 3));
  });
});
