import http from 'node:http';
import { expect, test } from '@playwright/test';

const nonceOf = (policy: string | undefined) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? '')?.[1] ?? '';
const withoutNonce = (html: string, nonce: string) => html.split(nonce).join('NONCE');

// The production server answers a view it has rendered before from its cache, compressed when asked for, with the
// same page whatever Host header the client sends, and with a fresh script nonce in every answer.
test('a view asked for twice is answered from the cache, with the same page and a new nonce', async ({ request }) => {
  const url = '/compare?outlets=presstv,voa&voice=own';
  const first = await request.get(url);
  expect(first.status()).toBe(200);
  const firstNonce = nonceOf(first.headers()['content-security-policy']);
  expect(firstNonce).not.toBe('');
  const page = withoutNonce(await first.text(), firstNonce);
  const seen = new Set([firstNonce]);
  const variants: Record<string, string>[] = [
    { 'accept-encoding': 'gzip, deflate' },
    { 'accept-encoding': 'gzip' },
    { host: 'evil.example' },
  ];
  for (const headers of variants) {
    const hit = await request.get(url, { headers });
    expect(hit.headers()['x-framescope-cache']).toBe('hit');
    const nonce = nonceOf(hit.headers()['content-security-policy']);
    expect(seen.has(nonce), 'a nonce is never sent twice').toBe(false);
    seen.add(nonce);
    const html = await hit.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(withoutNonce(html, nonce)).toBe(page);
    if (headers['accept-encoding'] === 'gzip, deflate') expect(hit.headers()['content-encoding']).toBe('deflate');
  }
  // The API has no scripts: its cached JSON is gzipped once.
  await request.get('/api/analysis');
  const api = await request.get('/api/analysis', { headers: { 'accept-encoding': 'gzip' } });
  expect(api.headers()['content-encoding']).toBe('gzip');
});

test('security headers: pages may not be framed, embeds may', async ({ request }) => {
  const page = await request.get('/');
  expect(page.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(page.headers()['x-content-type-options']).toBe('nosniff');
  expect(page.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  const embed = await request.get('/embed/sentiment');
  expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
});

test('a path with a backslash is not answered from the cache of the path it resembles', async ({
  request,
  baseURL,
}) => {
  expect((await request.get('/outlet/presstv')).status()).toBe(200);
  const base = new URL(baseURL!);
  const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
    http
      .get({ host: base.hostname, port: base.port, path: '/\\x/outlet/presstv' }, (res) => {
        res.resume();
        resolve(res.headers);
      })
      .on('error', reject);
  });
  expect(headers['x-framescope-cache']).toBeUndefined();
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

test('a corpus with one unreadable article file still serves, and every view names the file', async ({
  page,
  request,
}) => {
  for (const url of ['/?corpus=broken', '/compare?corpus=broken&outlets=voa', '/manage?corpus=broken']) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    await expect(page.getByTestId('load-warnings')).toContainText('voa-garbled.txt');
  }
  const api = await (await request.get('/api/analysis?corpus=broken')).json();
  expect(api.articles).toHaveLength(1);
});
