import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { audit, recentAudit } from './audit';

describe('the audit log', () => {
  test('keeps entries in order and reads them newest first', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'audit-')), 'sub', 'audit.jsonl');
    expect(recentAudit(10, file)).toEqual([]);
    audit({ action: 'upload', corpus: 'seeds', client: '127.0.0.1', ok: true, detail: 'stored a1, a2' }, file);
    audit({ action: 'lexicon', corpus: 'seeds', client: '127.0.0.1', ok: false, detail: 'groups[0]: bad' }, file);
    const entries = recentAudit(10, file);
    expect(entries.map((e) => [e.action, e.ok])).toEqual([
      ['lexicon', false],
      ['upload', true],
    ]);
    expect(entries[0].time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(recentAudit(1, file)).toHaveLength(1);
  });

  test.each([
    ['a torn last line', '{"time":"t","action":"upload"}\n{"time":'],
    ['garbage', 'not json\n{"time":"t","action":"upload"}\n'],
  ])('skips lines that do not parse: %s', (_case, text) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'audit-')), 'audit.jsonl');
    writeFileSync(file, text);
    expect(recentAudit(10, file)).toHaveLength(1);
  });
});

describe('the shared audit log when PostgreSQL cannot be reached', () => {
  test('keeps the entry in this server’s replica and says why on the console', async () => {
    const { auditShared, recentSharedAudit } = await import('./audit');
    const root = mkdtempSync(path.join(tmpdir(), 'audit-shared-'));
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m));
    try {
      // Port 1 on loopback: nothing listens there, so the connection is refused at once.
      const e = { time: '2026-01-01T00:00:00.000Z', action: 'upload' as const, corpus: 'seeds', client: 'x', ok: true };
      await auditShared({ ...e, detail: 'kept here', server: 's1' }, 'postgres://u@127.0.0.1:1/x', root);
    } finally {
      spy.mockRestore();
    }
    expect(recentSharedAudit(10, root).map((x) => [x.server, x.detail])).toEqual([['s1', 'kept here']]);
    expect(errors.join('\n')).toMatch(/audit log: .*kept on this server only/);
  });
});
