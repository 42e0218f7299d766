// What adding one article to a stored corpus costs, stage by stage (issue #19): builds (or reuses) a store of N
// generated articles imported with the real CLI, copies it, imports one more article into the copy with the CLI and
// FRAMESCOPE_STAGE_TIMES=1, and prints each stage's time. Not part of `npm run bench`.
//   npx tsx bench/add-one.ts --articles 10000 [--base /tmp/addone-10000] [--prime]
// With --base the N-article store is kept there and reused by the next run (the base is made by the from-scratch
// path, the same before and after a change to how a new version is made).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../lib/corpus/load';
import { fileStore } from '../lib/store/files';
import { articleKey, lexiconKey, versionKey } from '../lib/store/keys';
import { putIndexOrder, putLatestNgramCounts, readIndexOrder, readLatestNgramCounts } from '../lib/store/ngramCounts';
import { stageLinesOf, STAGE_TIMES_ENV } from '../lib/store/stageTimes';
import { versionTable } from '../lib/store/vocabularyJob';
import { workerHeapMb } from '../lib/store/workerHeap';
import { benchOutlets, generateArticles } from './lib/generate';
import { sentencePool } from './lib/sentencePool';
import { importTimes, jsonlRecord, numberFlag } from './lib/storeBench';

const SEED = 7;
const OUTLETS = 40;

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(
      process.execPath,
      [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/import.ts', ...args],
      {
        env: { ...process.env, ...env, NODE_OPTIONS: `--max-old-space-size=${workerHeapMb(undefined, totalmem())}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

const envOf = (root: string) => ({ FRAMESCOPE_CORPUS_ROOT: root, FRAMESCOPE_SNAPSHOTS: path.join(root, '.snapshots') });

async function buildBase(root: string, pool: string[], articles: number): Promise<void> {
  mkdirSync(path.join(root, 'bench'), { recursive: true });
  cpSync(path.join('corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
  const manifest = { id: 'bench', title: 'Bench', description: 'generated', outlets: benchOutlets(OUTLETS) };
  writeFileSync(path.join(root, 'bench', 'corpus.json'), JSON.stringify({ ...manifest, outletGroups: [] }));
  const file = path.join(root, 'input.jsonl');
  const lines: string[] = [];
  for (let from = 0; from < articles; from += 10_000)
    for (const a of generateArticles(pool, {
      articles: Math.min(10_000, articles - from),
      outlets: OUTLETS,
      seed: SEED,
      from,
    }))
      lines.push(jsonlRecord(a));
  writeFileSync(file, `${lines.join('\n')}\n`);
  const t0 = Date.now();
  const r = await cli([file, '--corpus', 'bench'], { ...envOf(root), [STAGE_TIMES_ENV]: '1' });
  rmSync(file);
  if (r.code > 1) throw new Error(`the base import failed (exit ${r.code}): ${r.err.slice(-2000)}`);
  process.stderr.write(`base of ${articles} articles imported in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  writeFileSync(path.join(root, 'base-done'), String(articles));
}

// A base imported before the store kept the latest n-gram counts and index order (with dates) gets them now, as an
// import with this code stores them, so the next version can be made from them.
async function prime(base: string): Promise<void> {
  const corpus = loadCorpus(path.join(base, 'bench'));
  const store = fileStore(path.join(base, '.store'));
  const scope = { corpus: 'bench', lexicon: lexiconKey(corpus.lexicon) };
  if (readLatestNgramCounts(store, scope) && readIndexOrder(store, scope)?.dates) return;
  const keys = corpus.articles.map(articleKey);
  const made = versionTable(store, scope, corpus, keys, null);
  if (made.counts) await putLatestNgramCounts(store, scope, made.counts);
  await putIndexOrder(store, scope, {
    version: versionKey(keys, scope.lexicon),
    keys,
    dates: corpus.articles.map((a) => a.date),
  });
  process.stderr.write(`base primed with its latest n-gram counts and index order\n`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const articles = numberFlag(argv, '--articles') ?? 10_000;
  const b = argv.indexOf('--base');
  const base = b >= 0 ? argv[b + 1] : mkdtempSync(path.join(tmpdir(), 'framescope-addone-base-'));
  const pool = sentencePool();
  if (!existsSync(path.join(base, 'base-done'))) await buildBase(base, pool, articles);
  // --prime: measure the add-one as this code makes it after an import that stored the latest counts and order.
  if (argv.includes('--prime')) await prime(base);
  const root = mkdtempSync(path.join(tmpdir(), 'framescope-addone-'));
  try {
    cpSync(base, root, { recursive: true });
    const one = path.join(root, 'one.jsonl');
    const article = generateArticles(pool, { articles: 1, outlets: OUTLETS, seed: SEED, from: articles })[0];
    writeFileSync(one, `${jsonlRecord(article)}\n`);
    const r = await cli([one, '--corpus', 'bench'], { ...envOf(root), [STAGE_TIMES_ENV]: '1' });
    if (r.code > 1) throw new Error(`the one-article import failed (exit ${r.code}): ${r.err.slice(-2000)}`);
    const stages = stageLinesOf(r.err);
    const finish = importTimes(r.out).finish;
    const staged = stages.filter((s) => !s.name.includes('.')).reduce((n, s) => n + s.ms, 0);
    for (const s of stages) process.stdout.write(`${s.name.padEnd(32)} ${String(s.ms).padStart(8)} ms\n`);
    process.stdout.write(
      `${'finish (whole add-one)'.padEnd(32)} ${String(Math.round(finish * 1000)).padStart(8)} ms\n`,
    );
    process.stdout.write(
      `${'of which outside stages'.padEnd(32)} ${String(Math.round(finish * 1000 - staged)).padStart(8)} ms (version record, counts)\n`,
    );
    process.stdout.write(`${JSON.stringify({ articles, finishSeconds: finish, stages })}\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
