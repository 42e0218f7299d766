import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCorpus } from './load';

// These tests run the real CLI (npm run import) in child processes against a temporary corpus root.
function freshRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'framescope-import-'));
  cpSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
  mkdirSync(path.join(root, 'c'));
  writeFileSync(
    path.join(root, 'c', 'corpus.json'),
    JSON.stringify({ id: 'c', title: 'Test', description: 'd', outlets: [{ id: 'voa', name: 'VOA', kind: 'k' }] }),
  );
  return root;
}

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

const article = (n: number) =>
  `title: Report ${n}\n\nKurdish fighters and Turkish-backed rebels clashed near village number ${n} on Friday, officials said.\n`;

describe('npm run import', () => {
  test('concurrent imports into one corpus lose no article and store shared content once', async () => {
    const root = freshRoot();
    const batches = [0, 1, 2, 3].map((b) => {
      const dir = path.join(root, `in-${b}`);
      mkdirSync(dir);
      for (let i = 0; i < 25; i++) writeFileSync(path.join(dir, `a${i}.txt`), article(b * 100 + i));
      writeFileSync(path.join(dir, 'shared.txt'), article(9999));
      return dir;
    });
    const runs = await Promise.all(batches.map((dir) => runCli(root, [dir, '--corpus', 'c', '--outlet', 'voa'])));
    for (const r of runs) expect(r.code, r.err).toBe(0);
    const imported = runs.map((r) => Number(/imported: +(\d+)/.exec(r.out)![1]));
    const duplicates = runs.map((r) => Number(/duplicates: +(\d+)/.exec(r.out)![1]));
    expect(imported.reduce((a, b) => a + b, 0)).toBe(101);
    expect(duplicates.reduce((a, b) => a + b, 0)).toBe(3);
    const files = readdirSync(path.join(root, 'c', 'articles'));
    expect(files.filter((f) => f.endsWith('.txt'))).toHaveLength(101);
    expect(files.filter((f) => !f.endsWith('.txt'))).toEqual([]);
    expect(existsSync(path.join(root, 'c', '.lock'))).toBe(false);
    expect(loadCorpus(path.join(root, 'c')).articles).toHaveLength(101);
  }, 60_000);

  test('a batch with bad files imports the good ones and names every rejection; a re-import is all duplicates', async () => {
    const root = freshRoot();
    const dir = path.join(root, 'batch');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'good.txt'), article(1));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    writeFileSync(
      path.join(dir, 'latin1.txt'),
      Buffer.from('title: Caf\xe9\n\nSome words here about the war in Syria.', 'latin1'),
    );
    writeFileSync(path.join(dir, 'huge.txt'), 'word '.repeat(1_100_000));
    writeFileSync(path.join(dir, 'chrome.html'), '<html><body><nav><p>Home News</p></nav></body></html>');
    writeFileSync(
      path.join(dir, 'rows.csv'),
      'title,text,outlet\nGood row,"Russian jets hit rebel positions near Idlib on Monday, monitors said.",voa\nShort,row\nOther,"Text about Aleppo and the siege of its eastern districts.",bbc\n',
    );
    writeFileSync(path.join(dir, 'meta.txt'), 'title: T\nauthor: me\n\nText of the article about Syria and Turkey.');
    const first = await runCli(root, [dir, '--corpus', 'c', '--outlet', 'voa']);
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/imported: +2\n/);
    for (const reason of [
      'empty.txt: is empty',
      'binary.txt: contains NUL bytes',
      'latin1.txt: is not valid UTF-8',
      'huge.txt: is 5.2 MB, over the 5 MB limit',
      'chrome.html: is HTML with no article text',
      'rows.csv line 3: has 2 fields but the header has 3',
      'rows.csv line 4: unknown outlet "bbc"',
      'meta.txt line 2: malformed metadata "author: me"',
    ])
      expect(first.out).toContain(reason);
    const again = await runCli(root, [
      path.join(dir, 'good.txt'),
      path.join(dir, 'rows.csv'),
      '--corpus',
      'c',
      '--outlet',
      'voa',
    ]);
    expect(again.out).toMatch(/imported: +0\n {2}duplicates: 2\n/);
    expect(again.out).toContain('Corpus version unchanged');
  }, 60_000);
});
