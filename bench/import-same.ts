// Checks that an import's answers do not depend on the checkout that made them (issue #19's memory work must change
// none of them):
//   npx tsx bench/import-same.ts [--articles N] [--ref /work/main] [--keep]
// Writes one JSONL file of FA-KES's articles, N generated ones and the first 10 lines again (duplicates within the
// file), then a second file of 5 of those lines and 5 new ones (duplicates across imports); imports both, one after the
// other, with the CLI of this checkout and of --ref, each into its own scratch root, to completion (version, analyses,
// provenance); then compares every file under the two roots byte for byte, after blanking what differs from run to run
// by design: a root's own path, a snapshot's "created" time and a reuse index's step times (ms, readMs, writeMs). Files
// named for when they were written (segment files, seg-*; corpus indexes, keyed by the folder's file times) are compared
// as a set of contents. Prints each difference and exits 1 on any.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../lib/corpus/load';
import { generateArticles } from './lib/generate';
import { sentencePool } from './lib/sentencePool';
import { jsonlRecord, numberFlag } from './lib/storeBench';

const articles = numberFlag(process.argv, '--articles') ?? 1_500;
const refAt = process.argv.indexOf('--ref');
const ref = path.resolve(refAt >= 0 ? process.argv[refAt + 1] : '/work/main');
const keep = process.argv.includes('--keep');

// Every file under a folder, relative, sorted.
function filesUnder(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(root, p));
    else out.push(path.relative(root, p));
  }
  return out;
}

// Files whose names hold when they were written.
const timeNamed = (f: string) => /\/(seg-|corpus-index-)[^/]*$/.test(f);

// A file's bytes with what varies from run to run blanked (see the top of this file).
function normalised(file: string, root: string): string {
  return readFileSync(file)
    .toString('latin1')
    .split(root)
    .join('<root>')
    .replace(/"created":\s*"[^"]*"/g, '"created":""')
    .replace(/"(ms|readMs|writeMs)":\d+/g, '"$1":0');
}

const contentSet = (root: string, fs: string[]) =>
  fs
    .filter(timeNamed)
    .map((f) =>
      createHash('sha256')
        .update(readFileSync(path.join(root, f)))
        .digest('hex'),
    )
    .sort()
    .join();

function importWith(cwd: string, root: string, inputs: string[]): string {
  let out = '';
  for (const [i, file] of inputs.entries()) {
    const args = ['--import', 'tsx', 'scripts/import.ts', file, '--corpus', 'same', '--create-outlets'];
    if (i === 0) args.push('--title', 'Same');
    const r = spawnSync(process.execPath, args, {
      cwd,
      env: { ...process.env, FRAMESCOPE_CORPUS_ROOT: root, FRAMESCOPE_SNAPSHOTS: path.join(root, '.snapshots') },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`the import in ${cwd} failed (exit ${r.status}): ${r.stderr}`);
    // The time line varies from run to run; the summary must not.
    out += r.stdout.replace(/^Time: .*$/m, '');
  }
  return out;
}

function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'framescope-import-same-'));
  try {
    const fakes = loadCorpus('corpus/fa-kes').articles;
    const generated = generateArticles(sentencePool(), { articles, outlets: 12, seed: 2016 });
    const lines = [...fakes, ...generated].map(jsonlRecord);
    const first = path.join(dir, 'first.jsonl');
    writeFileSync(first, `${[...lines, ...lines.slice(0, 10)].join('\n')}\n`);
    const more = generateArticles(sentencePool(), { articles: 5, outlets: 12, seed: 2017 }).map(jsonlRecord);
    const second = path.join(dir, 'second.jsonl');
    writeFileSync(second, `${[...lines.slice(100, 105), ...more].join('\n')}\n`);
    const roots: string[] = [];
    const summaries: string[] = [];
    for (const [name, cwd] of [
      ['this', process.cwd()],
      ['ref', ref],
    ]) {
      const root = path.join(dir, name);
      mkdirSync(root);
      cpSync(path.join('corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
      summaries.push(importWith(cwd, root, [first, second]));
      roots.push(root);
    }
    const [a, b] = roots.map((r) => filesUnder(r));
    const differences: string[] = [];
    if (summaries[0] !== summaries[1]) differences.push(`summaries differ:\n${summaries[0]}\n---\n${summaries[1]}`);
    const plain = (fs: string[]) => fs.filter((f) => !timeNamed(f));
    const [pa, pb] = [plain(a), plain(b)];
    if (pa.join('\n') !== pb.join('\n'))
      differences.push(
        `file lists differ: only this ${pa.filter((f) => !pb.includes(f)).join(' ')}; only ref ${pb.filter((f) => !pa.includes(f)).join(' ')}`,
      );
    let blanked = 0;
    for (const f of pa.filter((x) => pb.includes(x))) {
      const [x, y] = roots.map((r) => path.join(r, f));
      if (readFileSync(x).equals(readFileSync(y))) continue;
      blanked++;
      if (normalised(x, roots[0]) !== normalised(y, roots[1])) differences.push(`differs: ${f}`);
    }
    if (contentSet(roots[0], a) !== contentSet(roots[1], b))
      differences.push('the time-named files (segments, corpus indexes) differ in contents');
    process.stdout.write(
      `${lines.length + 10} + 10 lines (FA-KES ${fakes.length}, generated ${articles}); ${pa.length} files compared byte ` +
        `for byte (${blanked} equal only with times and root paths blanked), ${a.length - pa.length} time-named as a set ` +
        `of contents; ${differences.length} differences\n${summaries[0]}\n`,
    );
    for (const d of differences) process.stdout.write(`${d}\n`);
    process.exitCode = differences.length ? 1 : 0;
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
    else process.stdout.write(`kept ${dir}\n`);
  }
}

main();
