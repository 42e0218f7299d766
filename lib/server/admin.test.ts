import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  MAX_FAILURES,
  SESSION_COOKIE,
  SESSION_SECONDS,
  authorize,
  newSession,
  resetThrottle,
  throttle,
  tokenProblem,
  validSession,
  writesEnabled,
} from './admin';

const req = (headers: Record<string, string> = {}) =>
  new Request('http://dash.example/api/upload', { method: 'POST', headers });
const saved = process.env.FRAMESCOPE_ADMIN_TOKEN;
beforeEach(() => {
  resetThrottle();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  if (saved === undefined) delete process.env.FRAMESCOPE_ADMIN_TOKEN;
  else process.env.FRAMESCOPE_ADMIN_TOKEN = saved;
  vi.restoreAllMocks();
});

describe('authorize', () => {
  test('without a configured token the dashboard is read-only and says how to enable writes', () => {
    delete process.env.FRAMESCOPE_ADMIN_TOKEN;
    expect(writesEnabled()).toBe(false);
    expect(authorize(req({ authorization: 'Bearer anything' }))).toMatchObject({
      ok: false,
      status: 403,
      error: expect.stringContaining('set FRAMESCOPE_ADMIN_TOKEN'),
    });
  });

  test.each([
    [{}, 401],
    [{ authorization: 'Bearer wrong-token' }, 401],
    [{ authorization: 'secret-token-1' }, 401],
    [{ authorization: 'Bearer secret-token-1' }, 200],
  ])('%o → %i', (headers, status) => {
    process.env.FRAMESCOPE_ADMIN_TOKEN = 'secret-token-1';
    const r = authorize(req(headers));
    expect(r.ok ? 200 : r.status).toBe(status);
  });

  test.each([
    [
      'a fresh session from this origin',
      (s: string) => ({ cookie: `${SESSION_COOKIE}=${s}`, origin: 'http://dash.example' }),
      200,
    ],
    ['a fresh session without an Origin header', (s: string) => ({ cookie: `a=b; ${SESSION_COOKIE}=${s}` }), 200],
    [
      'a session sent by another site',
      (s: string) => ({ cookie: `${SESSION_COOKIE}=${s}`, origin: 'https://evil.example' }),
      401,
    ],
    ['a tampered session', (s: string) => ({ cookie: `${SESSION_COOKIE}=${s.replace('v1.', 'v1.9')}` }), 401],
    ['no session', () => ({}), 401],
  ])('%s', (_case, headers, status) => {
    process.env.FRAMESCOPE_ADMIN_TOKEN = 'secret-token-1';
    const r = authorize(req(headers(newSession())));
    expect(r.ok ? 200 : r.status).toBe(status);
  });
});

describe('sessions', () => {
  test.each([
    [0, true],
    [SESSION_SECONDS * 1000 - 1000, true],
    [SESSION_SECONDS * 1000 + 1000, false],
  ])('a session checked %i ms after it was made is valid: %s', (later, valid) => {
    process.env.FRAMESCOPE_ADMIN_TOKEN = 'secret-token-1';
    const now = 1_700_000_000_000;
    expect(validSession(newSession(now), now + later)).toBe(valid);
  });

  test('changing the token ends every session', () => {
    process.env.FRAMESCOPE_ADMIN_TOKEN = 'secret-token-1';
    const s = newSession();
    process.env.FRAMESCOPE_ADMIN_TOKEN = 'secret-token-2';
    expect(validSession(s)).toBe(false);
  });
});

describe('throttling failed attempts', () => {
  test(`after ${MAX_FAILURES} failures a client gets 429 with a retry time, others are unaffected`, () => {
    process.env.FRAMESCOPE_ADMIN_TOKEN = 'secret-token-1';
    for (let i = 0; i < MAX_FAILURES; i++)
      expect(authorize(req({ authorization: 'Bearer nope' }), 'a')).toMatchObject({ status: 401 });
    expect(authorize(req({ authorization: 'Bearer secret-token-1' }), 'a')).toMatchObject({
      status: 429,
      retryAfter: expect.any(Number),
    });
    expect(authorize(req({ authorization: 'Bearer secret-token-1' }), 'b')).toEqual({ ok: true });
    expect(console.warn).toHaveBeenCalledTimes(MAX_FAILURES);
  });

  test('the window passes', () => {
    process.env.FRAMESCOPE_ADMIN_TOKEN = 'secret-token-1';
    for (let i = 0; i < MAX_FAILURES; i++) authorize(req(), 'c');
    expect(throttle('c')).not.toBeNull();
    expect(throttle('c', Date.now() + 61_000)).toBeNull();
  });
});

describe('the token is checked when the server starts', () => {
  test.each([
    [{}, null],
    [{ FRAMESCOPE_ADMIN_TOKEN: '' }, null],
    [{ FRAMESCOPE_ADMIN_TOKEN: 'short' }, 'FRAMESCOPE_ADMIN_TOKEN is 5 characters long; it needs at least 8.'],
    [{ FRAMESCOPE_ADMIN_TOKEN: 'long-enough' }, null],
  ])('%o', (env, problem) => {
    const p = tokenProblem(env);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
});
