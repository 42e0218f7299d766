import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { seededTestRoot, TEST_AUTH } from '@/lib/server/testRoot';

const root = seededTestRoot('lexroute');
let POST: typeof import('./route').POST;
let listSnapshots: typeof import('@/lib/corpus/snapshots').listSnapshots;
beforeAll(async () => {
  ({ POST } = await import('./route'));
  ({ listSnapshots } = await import('@/lib/corpus/snapshots'));
});

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  POST(
    new Request('http://localhost/api/lexicon', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
      duplex: 'half',
    } as RequestInit),
  );

describe('POST /api/lexicon', () => {
  test('an anonymous 200 MB body is cut off at about 2 MB while it streams: 413', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (pulled === 3200) return c.close();
        pulled++;
        c.enqueue(new Uint8Array(65536).fill(32));
      },
    });
    const res = await post(stream as unknown as BodyInit);
    expect(res.status).toBe(413);
    // 2,065,536 bytes is 31.5 chunks of 64 KB: reading stops at the 32nd, not the 3,200th.
    expect(pulled).toBeLessThan(40);
  });

  test('a save writes the lexicon and records the new version as a snapshot', async () => {
    const lexicon = readFileSync(path.join(root, 'lexicon.json'), 'utf8').replace(/\n$/, '\n\n');
    const res = await post(JSON.stringify({ corpus: 'seeds', lexicon, save: true }), {
      authorization: TEST_AUTH,
    });
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(200);
    expect(json.versionAfter).not.toBe(json.versionBefore);
    expect(listSnapshots('seeds').map((v) => v.version)).toEqual([json.versionAfter]);
  });

  test('a save without the token is refused', async () => {
    const res = await post(
      JSON.stringify({ corpus: 'seeds', lexicon: readFileSync(path.join(root, 'lexicon.json'), 'utf8'), save: true }),
    );
    expect(res.status).toBe(401);
  });

  test('a saved lexicon that changes the analysis has every article analysed under it, and its provenance, when it answers', async () => {
    const { loadCorpus } = await import('@/lib/corpus/load');
    const { fileStore } = await import('@/lib/store/files');
    const { articleKey, lexiconKey, versionKey } = await import('@/lib/store/keys');
    const { hasProvenance } = await import('@/lib/store/derived');
    const { analyzeArticles } = await import('@/lib/analysis/run');
    const source = readFileSync(path.join(root, 'lexicon.json'), 'utf8');
    const lexicon = source.replace(
      '"patterns": ["militant", "militants"]',
      '"patterns": ["militant", "militants", "gunmen"]',
    );
    expect(lexicon).not.toBe(source);
    const res = await post(JSON.stringify({ corpus: 'seeds', lexicon, save: true }), {
      authorization: TEST_AUTH,
    });
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
    const c = loadCorpus(path.join(root, 'seeds'));
    const scope = { corpus: 'seeds', lexicon: lexiconKey(c.lexicon) };
    const keys = c.articles.map(articleKey);
    const store = fileStore(path.join(root, '.store'));
    // The 5 seed articles, analysed under the saved lexicon exactly as analysing them here gives.
    expect(store.read(scope, c.articles, keys)).toEqual(analyzeArticles(c));
    expect(hasProvenance(store, scope, versionKey(keys, scope.lexicon))).toBe(true);
  }, 60_000);
});
