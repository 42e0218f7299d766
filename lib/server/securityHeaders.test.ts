import { describe, expect, test } from 'vitest';
import { embedAncestors, newNonce, pagePolicy } from './securityHeaders';

describe('security headers', () => {
  test.each([
    [{}, '*'],
    [{ FRAMESCOPE_FRAME_ANCESTORS: ' https://news.example ' }, 'https://news.example'],
    [{ FRAMESCOPE_FRAME_ANCESTORS: '' }, '*'],
  ])('embed ancestors from %o: %s', (env, expected) => expect(embedAncestors(env)).toBe(expected));

  test.each([
    [
      'abc',
      "'none'",
      false,
      ["script-src 'self' 'nonce-abc' 'strict-dynamic'", "frame-ancestors 'none'", "object-src 'none'"],
    ],
    ['xyz', '*', true, ["script-src 'self' 'nonce-xyz' 'strict-dynamic' 'unsafe-eval'", 'frame-ancestors *']],
  ])('page policy with nonce %s, ancestors %s, dev %s', (nonce, ancestors, dev, parts) => {
    const policy = pagePolicy(nonce, ancestors, dev).split('; ');
    for (const p of parts) expect(policy).toContain(p);
    if (!dev) expect(policy.join(';')).not.toContain('unsafe-eval');
  });

  test('nonces are 128-bit base64 and differ', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
