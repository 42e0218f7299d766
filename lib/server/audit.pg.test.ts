// The audit log every server on one PostgreSQL shares, against a real throwaway PostgreSQL (scripts/pg/start.sh).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testCluster } from '../../scripts/pg/testCluster';

const { skip, database } = testCluster();
const tmp = mkdtempSync(path.join(tmpdir(), 'framescope-audit-pg-'));
const roots = (name: string) => ({ corpus: path.join(tmp, name, 'corpus'), store: path.join(tmp, name, 'store') });
const a = roots('a');
const b = roots('b');
const a1 = roots('a1');
// This process plays server A: its store root (the replica the shared log is read from) is set before the modules load.
process.env.FRAMESCOPE_STORE = a.store;
const fileLog = path.join(tmp, 'a', 'audit.jsonl');
process.env.FRAMESCOPE_AUDIT_LOG = fileLog;
process.env.FRAMESCOPE_SERVER_ID = 'server-a';

let m: {
  audit: typeof import('./audit');
  client: typeof import('../store/pgClient');
  replica: typeof import('../store/pgReplica');
};
beforeAll(async () => {
  m = {
    audit: await import('./audit'),
    client: await import('../store/pgClient'),
    replica: await import('../store/pgReplica'),
  };
}, 60_000);
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await m.client.closePools();
  rmSync(tmp, { recursive: true, force: true });
}, 60_000);

const entry = (server: string, time: string, detail: string) => ({
  time,
  action: 'upload' as const,
  corpus: 'seeds',
  client: '127.0.0.1',
  ok: true,
  detail,
  server,
});

describe.skipIf(skip !== null)('the shared audit log', () => {
  test('each server lists every server’s entries, newest first, with its server id', async () => {
    const url = await database();
    const pool = await m.client.ready(url);
    await m.audit.auditShared(entry('server-a', '2026-01-01T10:00:00.000Z', 'a1'), url, a1.store);
    await m.audit.auditShared(entry('server-b', '2026-01-01T10:00:01.000Z', 'b1'), url, b.store);
    await m.audit.auditShared(entry('server-a', '2026-01-01T10:00:02.000Z', 'a2'), url, a1.store);
    // Before pulling, each server lists only what it wrote itself.
    expect(m.audit.recentSharedAudit(10, b.store).map((e) => e.detail)).toEqual(['b1']);
    await m.replica.pull(pool, a1);
    await m.replica.pull(pool, b);
    for (const root of [a1.store, b.store])
      expect(m.audit.recentSharedAudit(10, root).map((e) => [e.server, e.detail])).toEqual([
        ['server-a', 'a2'],
        ['server-b', 'b1'],
        ['server-a', 'a1'],
      ]);
    expect(m.audit.recentSharedAudit(2, b.store).map((e) => e.detail)).toEqual(['a2', 'b1']);
  });

  test('with DATABASE_URL, audit() writes to the shared log (with this server’s id) and recentAudit() reads it', async () => {
    const url = await database();
    await m.audit.auditShared(entry('server-b', '2000-01-01T00:00:00.000Z', 'from b'), url, roots('b2').store);
    process.env.DATABASE_URL = url;
    try {
      m.audit.audit({ action: 'sign-in', corpus: null, client: '10.0.0.1', ok: false, detail: 'wrong token' });
      await m.audit.auditSettled();
      await m.replica.pull(await m.client.ready(url), a);
      const listed = m.audit.recentAudit(10);
      expect(listed.map((e) => [e.server, e.action, e.detail])).toEqual([
        ['server-a', 'sign-in', 'wrong token'],
        ['server-b', 'upload', 'from b'],
      ]);
      // The file log of a server without a database is not written.
      expect(existsSync(fileLog)).toBe(false);
    } finally {
      delete process.env.DATABASE_URL;
    }
    // Without DATABASE_URL the file log is the log again, as before.
    m.audit.audit({ action: 'sign-in', corpus: null, client: '10.0.0.1', ok: true, detail: 'signed in' });
    expect(m.audit.recentAudit(10).map((e) => [e.server, e.detail])).toEqual([[undefined, 'signed in']]);
  });
});
