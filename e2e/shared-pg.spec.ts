import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// Two app instances on one PostgreSQL: the suite's server (A) and a second one (B) started here on an empty corpus
// folder, which it fills from the database. Runs in the PostgreSQL pass (scripts/pg/e2e.sh sets DATABASE_URL).
const A = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210)}`;
const B_PORT = Number(process.env.E2E_PORT ?? 3210) + 1;
const B = `http://127.0.0.1:${B_PORT}`;
const auth = { authorization: 'Bearer e2e-admin-token' };
test.describe.configure({ mode: 'serial' });
test.skip(!process.env.DATABASE_URL, 'needs DATABASE_URL: runs in the PostgreSQL pass (npm run test:e2e:pg)');

let b: ChildProcess | null = null;
let root = '';
test.beforeAll(async () => {
  test.setTimeout(300_000);
  root = mkdtempSync(path.join(tmpdir(), 'framescope-e2e-b-'));
  mkdirSync(path.join(root, 'corpus'));
  b = spawn('npx', ['tsx', 'scripts/serve.ts', '-p', String(B_PORT), '-H', '127.0.0.1'], {
    detached: true,
    stdio: 'inherit',
    env: {
      ...process.env,
      FRAMESCOPE_URL: B,
      FRAMESCOPE_CORPUS_ROOT: path.join(root, 'corpus'),
      FRAMESCOPE_SNAPSHOTS: path.join(root, 'snapshots'),
      FRAMESCOPE_AUDIT_LOG: path.join(root, 'audit.jsonl'),
      FRAMESCOPE_ADMIN_TOKEN: 'e2e-admin-token',
      FRAMESCOPE_SERVER_ID: 'instance-b',
    },
  });
  for (const t0 = Date.now(); Date.now() - t0 < 280_000; await new Promise((r) => setTimeout(r, 500))) {
    const ok = await fetch(`${B}/api/analysis?corpus=pgshared`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
  }
  throw new Error(`the second instance did not answer on ${B}`);
});
test.afterAll(() => {
  // The whole process group: npx, tsx and the server.
  if (b?.pid) process.kill(-b.pid, 'SIGTERM');
  rmSync(root, { recursive: true, force: true });
});

const analysis = async (base: string) => (await fetch(`${base}/api/analysis?corpus=pgshared`)).json();

test('B serves the corpora it never had on disk, with the same numbers as A', async () => {
  for (const corpus of ['seeds', 'fa-kes']) {
    const [a, bb] = await Promise.all(
      [A, B].map(async (base) => (await fetch(`${base}/api/analysis?corpus=${corpus}`)).json()),
    );
    expect(bb.corpus.version).toBe(a.corpus.version);
    expect(bb.counts).toEqual(a.counts);
  }
});

test('an article uploaded through A is counted on B within seconds', async ({ request }) => {
  const before = await analysis(B);
  // One VOA article at start (scripts/e2e-server.sh copies it into pgshared).
  expect(before.articles).toHaveLength(1);
  const t0 = Date.now();
  const r = await request.post(`${A}/api/upload`, {
    headers: auth,
    data: {
      corpus: 'pgshared',
      outlet: 'voa',
      save: true,
      text: {
        title: 'Clashes near Manbij',
        body: 'Kurdish militants and Turkish-backed rebels clashed near Manbij on Friday, monitors said.',
      },
    },
  });
  expect(r.status()).toBe(200);
  expect((await r.json()).imported).toBe(1);
  let after = before;
  while (after.articles.length === 1 && Date.now() - t0 < 20_000) {
    await new Promise((res) => setTimeout(res, 100));
    after = await analysis(B);
  }
  console.log(`upload through A visible on B after ${Date.now() - t0} ms`);
  expect(after.articles.map((x: { title: string }) => x.title)).toContain('Clashes near Manbij');
  const onA = await analysis(A);
  expect(after.corpus.version).toBe(onA.corpus.version);
  // "militants" and "rebels": the new article's two armed-group labels, counted alike on both instances.
  expect(after.counts).toEqual(onA.counts);
  const labels = (x: typeof onA) =>
    x.counts
      .filter((c: { outlet: string; count: number }) => c.outlet === 'voa')
      .reduce((s: number, c: { count: number }) => s + c.count, 0);
  expect(labels(after) - labels(before)).toBe(2);
});

test('the write log on B lists the upload made through A, with the server that took it', async () => {
  // The upload of the test before, written to the log both instances share; B has it once it has pulled.
  let html = '';
  for (const t0 = Date.now(); Date.now() - t0 < 20_000; await new Promise((res) => setTimeout(res, 250))) {
    html = await (await fetch(`${B}/manage?corpus=pgshared`)).text();
    if (/<td>upload<\/td>/.test(html)) break;
  }
  const table = html.slice(html.indexOf('data-testid="audit-log"'));
  expect(table).toContain('<th scope="col">Server</th>');
  // The server cell of the upload's row names A (its host and process), not B.
  const server = /<td>([^<]*)<\/td><td>upload<\/td>/.exec(table)?.[1];
  expect(server).toBeTruthy();
  expect(server).not.toBe('instance-b');
});
