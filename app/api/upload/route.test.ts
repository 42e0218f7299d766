import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { seededTestRoot, TEST_AUTH } from '@/lib/server/testRoot';

// Each test imports through the whole path, version steps on worker threads included: 2-5 s alone, more when the
// machine is shared, so the default 5 s limit failed runs that were only slow.
vi.setConfig({ testTimeout: 60_000 });

// The route reads the corpus root, snapshot root and admin token from the environment when its modules load.
const root = seededTestRoot('upload');
let POST: typeof import('./route').POST;
let loadCorpus: typeof import('@/lib/corpus/load').loadCorpus;
beforeAll(async () => {
  ({ POST } = await import('./route'));
  ({ loadCorpus } = await import('@/lib/corpus/load'));
});

const auth = { authorization: TEST_AUTH, 'content-type': 'application/json' };
const post = (body: BodyInit, headers: Record<string, string> = auth, init: RequestInit = {}) =>
  POST(
    new Request('http://localhost/api/upload', {
      method: 'POST',
      body,
      headers,
      ...init,
      duplex: 'half',
    } as RequestInit),
  );
const BODY = 'Kurdish fighters and Turkish-backed rebels clashed near the village on Friday, officials said.';
const file = (name: string, text: string) => ({ name, base64: Buffer.from(text).toString('base64') });

// A request body that streams `chunks` chunks of `size` bytes without a Content-Length, and counts what was pulled.
function chunked(chunks: number, size: number) {
  const seen = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (seen.pulled === chunks) return c.close();
      seen.pulled++;
      c.enqueue(new Uint8Array(size).fill(32));
    },
  });
  return { stream, seen };
}

describe('POST /api/upload', () => {
  test.each([
    [
      'NUL in JSON fields',
      file('batch.json', JSON.stringify([{ title: 'Clash\u0000 near Manbij', text: `${BODY}\u0000`, outlet: 'voa' }])),
      'Clash near Manbij',
    ],
    ['a "## Word" title', file('a.txt', `title: ## Word\n\n${BODY} One.`), '## Word'],
    ['a "## body" title', file('a.txt', `title: ## body\n\n${BODY} Two.`), '## body'],
  ])('%s: saved, listed as stored, and the corpus loads whole', async (_case, f, title) => {
    const res = await post(JSON.stringify({ corpus: 'seeds', outlet: 'voa', files: [f], save: true }));
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(200);
    expect(json.stored).toHaveLength(1);
    const c = loadCorpus(path.join(root, 'seeds'));
    expect(c.warnings).toEqual([]);
    expect(c.articles.find((a) => a.id === json.stored[0])!.title).toBe(title);
  });

  test('a new outlet with an outlet-group id is rejected and corpus.json is untouched', async () => {
    const before = readFileSync(path.join(root, 'seeds', 'corpus.json'), 'utf8');
    const res = await post(
      JSON.stringify({
        corpus: 'seeds',
        outlet: 'aggregators',
        newOutletName: 'Aggregators',
        files: [file('a.txt', `title: New\n\n${BODY} Three.`)],
        save: true,
      }),
    );
    const json = await res.json();
    expect(json.stored).toEqual([]);
    expect(json.rejected[0].reason).toContain('is the id of an outlet group');
    expect(readFileSync(path.join(root, 'seeds', 'corpus.json'), 'utf8')).toBe(before);
    expect(loadCorpus(path.join(root, 'seeds')).warnings).toEqual([]);
  });

  test('a chunked body over the limit is cut off while it streams: 413, not buffered whole', async () => {
    // 20 MB in 64 KB chunks, no Content-Length; the limit is about 14.7 MB.
    const { stream, seen } = chunked(320, 65536);
    const res = await post(stream as unknown as BodyInit);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toContain('over the');
    expect(seen.pulled).toBeLessThan(320);
  });

  test('a declared Content-Length over the limit is refused before reading', async () => {
    const { stream, seen } = chunked(10, 10);
    const res = await post(stream as unknown as BodyInit, { ...auth, 'content-length': String(50 * 1048576) });
    expect(res.status).toBe(413);
    expect(seen.pulled).toBeLessThanOrEqual(1);
  });

  test('without the token the body is never read', async () => {
    const { stream, seen } = chunked(320, 65536);
    const res = await post(stream as unknown as BodyInit, { 'content-type': 'application/json' });
    expect(res.status).toBe(401);
    expect(seen.pulled).toBeLessThanOrEqual(1);
  });

  test('a busy corpus answers 503 with Retry-After', async () => {
    const { LOCK_TIMING } = await import('@/lib/corpus/lock');
    const saved = LOCK_TIMING.waitMs;
    LOCK_TIMING.waitMs = 50;
    // A lock held by pid 1 (alive) on this host, as a running import would hold it.
    const { mkdirSync } = await import('node:fs');
    const { hostname } = await import('node:os');
    mkdirSync(path.join(root, 'seeds', '.lock'));
    writeFileSync(
      path.join(root, 'seeds', '.lock', 'owner.json'),
      JSON.stringify({ pid: 1, host: hostname(), token: 't', started: '' }),
    );
    try {
      const res = await post(
        JSON.stringify({
          corpus: 'seeds',
          outlet: 'voa',
          files: [file('a.txt', `title: Busy\n\n${BODY} Four.`)],
          save: true,
        }),
      );
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('3');
    } finally {
      LOCK_TIMING.waitMs = saved;
      (await import('node:fs')).rmSync(path.join(root, 'seeds', '.lock'), { recursive: true });
    }
  });
});
