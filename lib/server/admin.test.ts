import { afterEach, describe, expect, test } from 'vitest';
import { authorize, writesEnabled } from './admin';

const req = (auth?: string) =>
  new Request('http://x/api/upload', { method: 'POST', headers: auth ? { authorization: auth } : {} });
const saved = process.env.FRAMESCOPE_ADMIN_TOKEN;
afterEach(() => {
  if (saved === undefined) delete process.env.FRAMESCOPE_ADMIN_TOKEN;
  else process.env.FRAMESCOPE_ADMIN_TOKEN = saved;
});

describe('authorize', () => {
  test('without a configured token the dashboard is read-only and says how to enable writes', () => {
    delete process.env.FRAMESCOPE_ADMIN_TOKEN;
    expect(writesEnabled()).toBe(false);
    expect(authorize(req('Bearer anything'))).toMatchObject({
      ok: false,
      status: 403,
      error: expect.stringContaining('set FRAMESCOPE_ADMIN_TOKEN'),
    });
  });
  test.each([
    [undefined, 401],
    ['Bearer wrong-token', 401],
    ['secret-token-1', 401],
    ['Bearer secret-token-1', 200],
  ])('%s → %i', (header, status) => {
    process.env.FRAMESCOPE_ADMIN_TOKEN = 'secret-token-1';
    const r = authorize(req(header));
    expect(r.ok ? 200 : r.status).toBe(status);
  });
});
