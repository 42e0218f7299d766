import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCorpus } from './load';
import { analyzeArticles } from '../analysis/run';
import { decodeSegmentHeader, fileStore } from '../store/files';
import { articleKey, lexiconKey, versionKey } from '../store/keys';
import { hasProvenance } from '../store/derived';

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

// killAt: SIGKILL the import after that many ms, or have it SIGKILL itself at a named progress point ("write articles 200").
function runCli(
  root: string,
  args: string[],
  killAt: number | string | null = null,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(
      process.execPath,
      [
        path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        path.join(process.cwd(), 'scripts', 'import.ts'),
        ...args,
      ],
      {
        env: {
          ...process.env,
          FRAMESCOPE_CORPUS_ROOT: root,
          FRAMESCOPE_SNAPSHOTS: path.join(root, '.snapshots'),
          FRAMESCOPE_KILL_AT: typeof killAt === 'string' ? killAt : '',
        },
      },
    );
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    if (typeof killAt === 'number') setTimeout(() => p.kill('SIGKILL'), killAt);
    p.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/**
 * Checks a corpus root's analysis store after an import: every article of corpus c has exactly the analysis made
 * here independently, its version's provenance is stored, and each article was analysed once (segments hold `once`
 * keys in all: a re-run analysed only what the killed run had not stored).
 */
function expectStoreWhole(root: string, once: number): void {
  const c = loadCorpus(path.join(root, 'c'));
  const scope = { corpus: 'c', lexicon: lexiconKey(c.lexicon) };
  const keys = c.articles.map(articleKey);
  const store = fileStore(path.join(root, '.store'));
  expect(store.read(scope, c.articles, keys)).toEqual(analyzeArticles(c));
  expect(hasProvenance(store, scope, versionKey(keys, scope.lexicon))).toBe(true);
  const dir = path.join(root, '.store', 'c', readdirSync(path.join(root, '.store', 'c'))[0]);
  const segments = readdirSync(dir).filter((f) => f.endsWith('.fsa'));
  const stored = segments.reduce(
    (n, f) => n + decodeSegmentHeader(readFileSync(path.join(dir, f)), f).header.keys.length,
    0,
  );
  expect(stored).toBe(once);
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

  test('kill -9 at points spread over an import: the corpus always loads whole, and a re-run completes it exactly once', async () => {
    const timed = freshRoot();
    const dir = path.join(timed, 'batch');
    mkdirSync(dir);
    for (let i = 0; i < 300; i++) writeFileSync(path.join(dir, `a${i}.txt`), article(i));
    expect((await runCli(timed, [dir, '--corpus', 'c', '--outlet', 'voa'])).code).toBe(0);
    const expected = readdirSync(path.join(timed, 'c', 'articles'))
      .filter((f) => f.endsWith('.txt'))
      .sort();
    expect(expected).toHaveLength(300);
    const outcomes = new Set<string>();
    // Named points: while reading, half-way through staging, staged and validated but not committed, mid-commit, committed
    // but before the snapshot. Then kills at pseudo-random times (a fixed seed, so a failure can be replayed).
    let seed = 14;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const points: (string | number)[] = [
      'read files 150',
      // One batch of 250 analyses stored, 50 not: no article committed yet.
      'analyse articles 250',
      'stage articles 200',
      'validate articles 300',
      'write articles 200',
      'write articles 300',
    ];
    for (let i = 0; i < 3; i++) points.push(Math.round(300 + random() * 900));
    for (const point of points) {
      const root = freshRoot();
      const killed = await runCli(root, [dir, '--corpus', 'c', '--outlet', 'voa'], point);
      const stored = existsSync(path.join(root, 'c', 'articles'))
        ? readdirSync(path.join(root, 'c', 'articles')).filter((f) => f.endsWith('.txt'))
        : [];
      outcomes.add(
        killed.code === 0
          ? 'finished'
          : stored.length === 0
            ? 'nothing stored'
            : stored.length < 300
              ? 'part stored'
              : 'all stored',
      );
      // Whatever was stored reads back whole: no half file, no file the loader skips.
      if (stored.length) expect(loadCorpus(path.join(root, 'c')).warnings).toEqual([]);
      const again = await runCli(root, [dir, '--corpus', 'c', '--outlet', 'voa']);
      expect(again.code, again.err).toBe(0);
      const files = readdirSync(path.join(root, 'c', 'articles'));
      expect(files.filter((f) => f.endsWith('.txt')).sort()).toEqual(expected);
      expect(files.filter((f) => !f.endsWith('.txt'))).toEqual([]);
      expect(readdirSync(path.join(root, 'c')).filter((f) => f.startsWith('.'))).toEqual([]);
      // Exactly once: what the killed run stored, plus what the re-run stored or finished for it, is the batch.
      const recovered = Number(/recovered: +(\d+)/.exec(again.out)?.[1] ?? 0);
      expect(Number(/imported: +(\d+)/.exec(again.out)![1]) + recovered + stored.length).toBe(300);
      // 300 articles, each analysed once across the killed run and the re-run.
      expectStoreWhole(root, 300);
    }
    // The kill points must reach into the commit itself, or the test proves nothing.
    expect([...outcomes].sort(), [...outcomes].join(', ')).toEqual(
      expect.arrayContaining(['all stored', 'nothing stored', 'part stored']),
    );
  }, 180_000);

  test('a JSONL file is streamed in batches: line numbers stay the file’s, and the store ends whole', async () => {
    const root = freshRoot();
    const lines = Array.from({ length: 2_100 }, (_, i) =>
      JSON.stringify({ title: `Report ${i}`, text: article(i).split('\n\n')[1], outlet: 'voa' }),
    );
    // Line 2050 lies in the second batch (batches of 2,000 lines): its number must still be 2050.
    lines[2049] = '{"title": "cut short"';
    const file = path.join(root, 'big.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = await runCli(root, [file, '--corpus', 'c', '--progress']);
    expect(r.code, r.err).toBe(1);
    expect(r.out).toMatch(/imported: +2099\n/);
    expect(r.out).toContain('big.jsonl line 2050: is not valid JSON');
    // The progress line names records read and the time left.
    // 2,100 lines, one of them not JSON: 2,099 records.
    expect(r.err).toMatch(/records 2099 · \d+ records\/s · [\d.]+ of [\d.]+ MB \(100%\)/);
    expectStoreWhole(root, 2_099);
  }, 120_000);

  test('a streamed batch planned while the one before it is stored still finds that batch’s duplicates', async () => {
    const root = freshRoot();
    const lines = Array.from({ length: 2_010 }, (_, i) =>
      JSON.stringify({ title: `Report ${i}`, text: article(i).split('\n\n')[1], outlet: 'voa' }),
    );
    // Line 2005 (second batch) repeats line 3's text under another title: one duplicate, of line 3's article.
    lines[2004] = JSON.stringify({ title: 'Again', text: article(2).split('\n\n')[1], outlet: 'voa' });
    const file = path.join(root, 'dup.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = await runCli(root, [file, '--corpus', 'c']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/imported: +2009\n/);
    expect(r.out).toMatch(/duplicates: +1\n/);
    expect(r.out).toMatch(/dup\.jsonl line 2005 = voa-/);
    expectStoreWhole(root, 2_009);
  }, 120_000);

  test('a JSONL line that is not valid UTF-8 is refused with its line number, not imported with its bytes replaced', async () => {
    const root = freshRoot();
    const file = path.join(root, 'latin1.jsonl');
    const good = (i: number) =>
      JSON.stringify({ title: `Report ${i}`, text: article(i).split('\n\n')[1], outlet: 'voa' });
    // Line 2 carries a Latin-1 "é" (byte 0xE9) in its title "Caf\xe9": 14 bytes into the line ('{"title": "Caf' is
    // 14 characters), so the bad byte is byte 15.
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`${good(0)}\n{"title": "Caf`),
        Buffer.from([0xe9]),
        Buffer.from(`", "text": "x"}\n${good(1)}\n`),
      ]),
    );
    const r = await runCli(root, [file, '--corpus', 'c']);
    expect(r.code, r.err).toBe(1);
    expect(r.out).toMatch(/imported: +2\n/);
    expect(r.out).toContain('latin1.jsonl line 2: is not valid UTF-8 (first bad byte at byte 15 of the line');
    // Nothing of that line reached the corpus: no replacement character anywhere in the stored articles.
    const dir = path.join(root, 'c', 'articles');
    for (const f of readdirSync(dir)) expect(readFileSync(path.join(dir, f), 'utf8')).not.toContain('\uFFFD');
    expectStoreWhole(root, 2);
  }, 60_000);

  test('a new corpus from JSONL in which every line is rejected lists the rejections, not a manifest error', async () => {
    const root = freshRoot();
    const file = path.join(root, 'bad.jsonl');
    writeFileSync(file, '{"title": "no text"}\nnot json\n');
    const r = await runCli(root, [
      file,
      '--corpus',
      'fresh',
      '--title',
      'Fresh',
      '--outlet',
      'voa',
      '--create-outlets',
    ]);
    expect(r.code, r.err).toBe(1);
    expect(r.out).toContain('bad.jsonl line 1:');
    expect(r.out).toContain('bad.jsonl line 2: is not valid JSON');
    expect(r.out).toContain('corpus "fresh" was not created');
    expect(`${r.out}${r.err}`).not.toContain('"outlets" must be a non-empty list');
  }, 60_000);
});
