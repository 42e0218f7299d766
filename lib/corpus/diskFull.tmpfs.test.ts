import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCorpus } from './load';

// A real full disk: a 400 KB tmpfs holds the corpus root and the snapshot store. Mounting needs root (CAP_SYS_ADMIN);
// where that is not allowed the test is skipped, and diskFull.test.ts still covers the same paths with an injected ENOSPC.
const mnt = mkdtempSync(path.join(tmpdir(), 'framescope-tmpfs-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=400k', 'tmpfs', mnt]).status === 0;
afterAll(() => {
  if (mounted) spawnSync('umount', [mnt]);
});

function runCli(root: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(
      process.execPath,
      [
        path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        path.join(process.cwd(), 'scripts', 'import.ts'),
        ...args,
      ],
      {
        env: { ...process.env, FRAMESCOPE_CORPUS_ROOT: root, FRAMESCOPE_SNAPSHOTS: path.join(root, '.snapshots') },
      },
    );
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

describe.skipIf(!mounted)('an import onto a full tmpfs', () => {
  test('stores nothing, says so (exit 3), leaves no temporary file, and the corpus still loads', async () => {
    cpSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), path.join(mnt, 'lexicon.json'));
    mkdirSync(path.join(mnt, 'c', 'articles'), { recursive: true });
    writeFileSync(
      path.join(mnt, 'c', 'corpus.json'),
      JSON.stringify({ id: 'c', title: 'T', description: 'd', outlets: [{ id: 'voa', name: 'VOA', kind: 'k' }] }),
    );
    writeFileSync(
      path.join(mnt, 'c', 'articles', 'voa-first.txt'),
      'id: voa-first\noutlet: voa\ntitle: First\n\n## body\nKurdish fighters clashed with rebels.\n',
    );
    const batch = mkdtempSync(path.join(tmpdir(), 'framescope-batch-'));
    // 200 articles of about 4 KB each: 800 KB, twice what the tmpfs holds.
    for (let i = 0; i < 200; i++)
      writeFileSync(
        path.join(batch, `a${i}.txt`),
        `title: Report ${i}\n\n${`Turkish-backed rebels clashed with Kurdish fighters near village ${i} on Friday. `.repeat(50)}`,
      );
    const r = await runCli(mnt, [batch, '--corpus', 'c', '--outlet', 'voa']);
    expect(r.code, r.err).toBe(3);
    expect(r.err).toContain('ENOSPC: the disk is full');
    expect(r.err).toContain('Nothing was stored');
    expect(r.err).not.toContain(mnt);
    const c = loadCorpus(path.join(mnt, 'c'));
    expect(c.articles.map((a) => a.id)).toEqual(['voa-first']);
    expect(c.warnings).toEqual([]);
    expect(readdirSync(path.join(mnt, 'c')).sort()).toEqual(['articles', 'corpus.json']);
    expect(readdirSync(path.join(mnt, 'c', 'articles'))).toEqual(['voa-first.txt']);
  }, 60_000);
});
