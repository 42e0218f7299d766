import { describe, expect, test } from 'vitest';
import { publicOrigin, type OriginEnv } from './origin';

const headers =
  (h: Record<string, string>) =>
  (name: string): string | null =>
    h[name] ?? null;

describe('publicOrigin', () => {
  test.each([
    [
      'FRAMESCOPE_URL wins',
      { FRAMESCOPE_URL: 'https://fs.example.org/app/' },
      { 'x-forwarded-host': 'evil.example' },
      'https://fs.example.org',
    ],
    [
      'a forwarded host is ignored unless trusted',
      {},
      { 'x-forwarded-host': 'evil.example', host: 'evil.example' },
      'http://localhost:3000',
    ],
    [
      'a trusted proxy names the host',
      { FRAMESCOPE_TRUST_PROXY: '1' },
      { 'x-forwarded-host': 'news.example:8443, inner' },
      'https://news.example:8443',
    ],
    [
      'and the protocol',
      { FRAMESCOPE_TRUST_PROXY: '1' },
      { 'x-forwarded-host': 'a.example', 'x-forwarded-proto': 'http' },
      'http://a.example',
    ],
    [
      'a malformed forwarded host falls back',
      { FRAMESCOPE_TRUST_PROXY: '1', PORT: '8080' },
      { 'x-forwarded-host': 'a.example/<x>' },
      'http://localhost:8080',
    ],
  ] as [string, OriginEnv, Record<string, string>, string][])('%s', (_name, env, h, origin) =>
    expect(publicOrigin(env, headers(h))).toBe(origin),
  );
  test('a bad FRAMESCOPE_URL is named', () =>
    expect(() => publicOrigin({ FRAMESCOPE_URL: 'not a url' }, headers({}))).toThrow(
      /FRAMESCOPE_URL = "not a url" is not a URL/,
    ));
});
