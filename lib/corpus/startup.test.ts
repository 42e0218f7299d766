import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { cleanLeftovers } from './startup';

describe('cleanLeftovers', () => {
  test('removes temporary files and locks of dead writers, keeps those of live ones, finishes a ready batch and drops an unfinished one', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'framescope-start-'));
    const snaps = path.join(root, '.snapshots');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const c = path.join(root, 'c');
    mkdirSync(path.join(c, 'articles'), { recursive: true });
    mkdirSync(path.join(snaps, 'blobs', 'ab'), { recursive: true });
    writeFileSync(path.join(c, 'corpus.json'), '{}');
    writeFileSync(path.join(c, 'articles', `.x1.txt.${dead}.abc.tmp`), 'half');
    writeFileSync(path.join(c, 'articles', `.x2.txt.${process.pid}.abc.tmp`), 'a live writer');
    writeFileSync(path.join(c, `.corpus.json.${dead}.q1.tmp`), 'half');
    writeFileSync(path.join(snaps, 'blobs', 'ab', `.abcd.${dead}.z9.tmp`), 'half');
    mkdirSync(path.join(c, '.staging', 'ready', 'articles'), { recursive: true });
    writeFileSync(path.join(c, '.staging', 'ready', 'articles', 'x3.txt'), 'validated');
    writeFileSync(path.join(c, '.staging', 'ready', 'READY'), '');
    mkdirSync(path.join(c, '.staging', 'unfinished', 'articles'), { recursive: true });
    writeFileSync(path.join(c, '.staging', 'unfinished', 'articles', 'x4.txt'), 'not validated');
    // A lock left by a dead writer.
    mkdirSync(path.join(c, '.lock'));
    writeFileSync(
      path.join(c, '.lock', 'owner.json'),
      JSON.stringify({ pid: dead, host: hostname(), token: 'x', started: '' }),
    );
    const r = await cleanLeftovers(root, snaps);
    expect(r.removedTmp.sort()).toEqual(
      [`blobs/ab/.abcd.${dead}.z9.tmp`]
        .concat([`c/.corpus.json.${dead}.q1.tmp`, `c/articles/.x1.txt.${dead}.abc.tmp`])
        .sort(),
    );
    expect(r.recovered).toEqual(['x3']);
    expect(readdirSync(path.join(c, 'articles')).sort()).toEqual([`.x2.txt.${process.pid}.abc.tmp`, 'x3.txt']);
    expect(readdirSync(c).sort()).toEqual(['articles', 'corpus.json']);
  });
  test('a stale lock alone is taken over and released; the lock of a live writer is left', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'framescope-start-'));
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    for (const [id, pid] of [
      ['stale', dead],
      ['live', process.pid],
    ] as const) {
      mkdirSync(path.join(root, id, '.lock'), { recursive: true });
      writeFileSync(path.join(root, id, 'corpus.json'), '{}');
      writeFileSync(
        path.join(root, id, '.lock', 'owner.json'),
        JSON.stringify({ pid, host: hostname(), token: id, started: '' }),
      );
    }
    await cleanLeftovers(root, null);
    expect(readdirSync(path.join(root, 'stale'))).toEqual(['corpus.json']);
    expect(readdirSync(path.join(root, 'live')).sort()).toEqual(['.lock', 'corpus.json']);
  });
});
