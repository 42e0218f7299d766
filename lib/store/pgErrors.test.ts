import { describe, expect, test } from 'vitest';
import { DatabaseUnavailableError, describeDatabaseUrl, isConnectionError } from './pgErrors';

describe('describeDatabaseUrl', () => {
  test.each([
    ['postgres://framescope@127.0.0.1:55440/framescope', 'postgres://framescope@127.0.0.1:55440/framescope'],
    // The password never appears.
    ['postgres://u:s3cret@db.example:6543/x?sslmode=require', 'postgres://u@db.example:6543/x'],
    ['postgresql://db/x', 'postgres://db:5432/x'],
    ['mysql://db/x', 'DATABASE_URL (mysql: is not postgres:)'],
    ['not a url', 'DATABASE_URL (not a URL)'],
  ])('%s -> %s', (url, shown) => {
    expect(describeDatabaseUrl(url)).toBe(shown);
    expect(describeDatabaseUrl(url)).not.toContain('s3cret');
  });
});

describe('isConnectionError', () => {
  const coded = (code: string) => Object.assign(new Error('x'), { code });
  test.each([
    [coded('ECONNREFUSED'), true],
    [coded('57P01'), true], // admin shutdown
    [new AggregateError([coded('ECONNREFUSED')]), true],
    [new Error('Connection terminated unexpectedly'), true],
    [coded('23505'), false], // unique violation: PostgreSQL answered
    [new Error('syntax error'), false],
    ['ECONNREFUSED', false],
  ])('%s -> %s', (e, expected) => {
    expect(isConnectionError(e)).toBe(expected);
  });
});

describe('DatabaseUnavailableError', () => {
  test.each([
    ['postgres://u@h:1/d', 'connect ECONNREFUSED', 'nothing was stored'],
    ['postgres://u@h:1/d', 'Connection terminated', '3 articles were not stored'],
  ])('says where (%s), why (%s), what was not stored and how to fix it', (where, cause, what) => {
    const e = new DatabaseUnavailableError(where, cause, what);
    expect(e.message).toContain(where);
    expect(e.message).toContain(cause);
    expect(e.message).toContain(what);
    expect(e.message).toContain('Fix: check that PostgreSQL is running');
    expect(e.stored).toEqual([]);
  });
});
