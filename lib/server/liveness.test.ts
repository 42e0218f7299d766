import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seededTestRoot, TEST_AUTH } from './testRoot';

// Issue #14: cached GETs are answered while a pathological upload is cleaned and analysed (both on workers now).
// An in-process HTTP server answers the cached export of the seeds while the upload route stores a 300 KB one-line
// article: the test asserts on order (answers arrive before the upload ends), never on time thresholds.
seededTestRoot('liveness');

let POST: typeof import('../../app/api/upload/route').POST;
let server: http.Server;
let url = '';
beforeAll(async () => {
  ({ POST } = await import('../../app/api/upload/route'));
  const { getExportJson } = await import('./bundles');
  const q = {
    corpus: 'seeds',
    version: null,
    voice: 'all' as const,
    scope: 'all' as const,
    provenance: 'all' as const,
    subset: { from: null, to: null, shared: null },
  };
  // The answer kept by the front server's cache: a cached GET costs the thread that answers it only this.
  const cached = getExportJson(q);
  server = http.createServer((_req, res) => res.end(cached.length > 0 ? 'cached' : 'empty'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}, 120_000);
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('liveness while a pathological upload is processed', () => {
  test('cached GETs are answered before a 300 KB one-line upload has finished', async () => {
    const events: string[] = [];
    // One line of 300 KB (30,000 words; over the 256 KB that sends cleaning to a worker), a sentence every 3,000 words: long for every text pass.
    const words = Array.from({ length: 30_000 }, (_, i) => (i % 3000 === 2999 ? 'militants.' : 'villagers'));
    const text = `title: One long line\n\n${words.join(' ')}`;
    const body = JSON.stringify({
      corpus: 'seeds',
      outlet: 'voa',
      save: true,
      files: [{ name: 'long.txt', base64: Buffer.from(text).toString('base64') }],
    });
    const upload = POST(
      new Request('http://localhost/api/upload', {
        method: 'POST',
        body,
        headers: { authorization: TEST_AUTH, 'content-type': 'application/json' },
      }),
    ).then(async (res) => {
      events.push(`upload ${res.status}`);
      return res.json();
    });
    let done = false;
    void upload.finally(() => (done = true));
    // GETs one after another until the upload ends (each waits for its answer, so a frozen loop shows as none).
    while (!done) {
      const answer = await fetch(url).then((r) => r.text());
      if (!done) events.push(`get ${answer}`);
      // A client's pace, not a busy loop: the upload's own steps run between the GETs.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const json = await upload;
    expect(json.stored, JSON.stringify(json).slice(0, 500)).toHaveLength(1);
    const gets = events.filter((e) => e.startsWith('get'));
    // Answers came while the upload ran, and before its answer.
    expect(gets.length).toBeGreaterThanOrEqual(3);
    expect(events.indexOf('get cached')).toBeLessThan(events.indexOf('upload 200'));
  }, 120_000);
});
