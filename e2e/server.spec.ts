import http from 'node:http';
import { expect, test } from '@playwright/test';

// The production server answers a view it has rendered before from its cache, compressed when asked for,
// and the same bytes whatever Host header the client sends.
test('a view asked for twice is answered from the cache, with the same page', async ({ request }) => {
  const url = '/compare?outlets=presstv,voa&voice=own';
  const first = await request.get(url);
  expect(first.status()).toBe(200);
  const second = await request.get(url, { headers: { 'accept-encoding': 'gzip' } });
  expect(second.headers()['x-framescope-cache']).toBe('hit');
  expect(second.headers()['content-encoding']).toBe('gzip');
  expect(await second.text()).toBe(await first.text());
  const forged = await request.get(url, { headers: { host: 'evil.example' } });
  expect(await forged.text()).toBe(await first.text());
});

test('a path that names another host is not answered with a cached view', async ({ request, baseURL }) => {
  expect((await request.get('/')).status()).toBe(200);
  // Sent raw: an HTTP client would read "//evil.example/" as a link to that host.
  const base = new URL(baseURL!);
  const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
    http
      .get({ host: base.hostname, port: base.port, path: '//evil.example/' }, (res) => {
        res.resume();
        resolve(res.headers);
      })
      .on('error', reject);
  });
  expect(headers['x-framescope-cache']).toBeUndefined();
});

test('a bad view URL is never served from the cache', async ({ request }) => {
  for (let i = 0; i < 2; i++) {
    const res = await request.get('/compare?outlets=presstv,nowhere');
    expect(res.status()).toBe(404);
    expect(res.headers()['x-framescope-cache']).toBeUndefined();
    expect(await res.text()).toContain('nowhere');
  }
});
