import { beforeAll, expect, test } from 'vitest';
import { seededTestRoot } from '@/lib/server/testRoot';

seededTestRoot('vocabroute');
let GET: typeof import('./route').GET;
beforeAll(async () => {
  ({ GET } = await import('./route'));
});

// The answers to bad URLs: the proxy checks the URL first in the app, but the route answers the same on its own.
test.each([
  ['corpus=seeds', 400, 'outlets'],
  ['corpus=seeds&voice=loud', 400, 'voice'],
  ['corpus=nowhere', 404, 'corpus'],
])('?%s is a %i naming %s', async (query, status, param) => {
  const res = GET(new Request(`http://localhost/api/vocabulary?${query}`));
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: string; problems: { param: string }[] };
  expect(body.error).toBe('bad request');
  expect(body.problems.map((p) => p.param)).toContain(param);
});
