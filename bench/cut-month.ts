// A date range that cuts months, measured on a generated store (issue #19): `npx tsx bench/cut-month.ts [--articles N]`
// generates N articles (default 10,000; bench/lib/generate.ts), imports them with the CLI into a scratch corpus root
// (`--keep` leaves it, `--root DIR` measures a kept one again),
// then opens the overview of a range cutting two months in two fresh production-mode processes (a restart each): one
// as the server does now (the proxy's check lets it through once the cut months' articles are read alone), one as it
// did before (the whole text read in the background, then the view). Prints one JSON line per process and a summary:
// ms from the first check to the opened view, RSS after, and whether the whole text was read. Not run by `npm run bench`.
import { spawn } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { benchOutlets, generateArticles } from './lib/generate';
import { sentencePool } from './lib/sentencePool';
import { jsonlRecord, numberFlag } from './lib/storeBench';

// Generated dates run from 2012-01-01 over five years: this range cuts March 2014 and August 2015.
const QUERY = 'corpus=bench&from=2014-03-15&to=2015-08-10';

interface Figures {
  path: 'cut' | 'whole';
  restartMs: number;
  ms: number;
  rssMb: number;
  loadingAnswers: number;
  readWholeText: boolean;
  articlesKept: number;
}

// In the child: a restarted server's first overview of the range (after its unfiltered overview, the restart's own
// cost, timed apart), by the path named, with the proxy's check asked (every 50 ms while it answers "loading") until it
// lets the view render.
async function view(which: 'cut' | 'whole'): Promise<Figures> {
  const bundles = await import('../lib/server/bundles');
  const dataset = await import('../lib/server/dataset');
  const { isAnalysing } = await import('../lib/store/prepare');
  const r0 = performance.now();
  const b = bundles.getBundle('bench');
  dataset.textOf('/', new URLSearchParams('corpus=bench'));
  if (!dataset.openView('/', new URLSearchParams('corpus=bench')).ok) throw new Error('no unfiltered overview');
  const restartMs = performance.now() - r0;
  const t0 = performance.now();
  // Before: the range's tallies read every analysis, so the proxy's check started the whole text's background read and
  // the view waited for it; then the cut months were tallied from the analyses in memory (what the code does now too
  // once the whole text is in memory).
  let loadingAnswers = 0;
  if (which === 'whole')
    while (bundles.textPending(b)) {
      loadingAnswers++;
      await new Promise((r) => setTimeout(r, 50));
    }
  for (;;) {
    try {
      dataset.textOf('/', new URLSearchParams(QUERY));
      break;
    } catch (e) {
      if (!isAnalysing(e)) throw e;
      loadingAnswers++;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const opened = dataset.openView('/', new URLSearchParams(QUERY));
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  const ms = performance.now() - t0;
  return {
    path: which,
    restartMs: Math.round(restartMs),
    ms: Math.round(ms),
    rssMb: Math.round(process.memoryUsage().rss / 1048576),
    loadingAnswers,
    readWholeText: bundles.textReady(b),
    articlesKept: opened.view.stats.dateRange?.articles ?? 0,
  };
}

function run(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited ${code}: ${out.slice(-2000)}`)),
    );
  });
}

async function main(): Promise<void> {
  const which = process.argv[process.argv.indexOf('--view') + 1];
  if (process.argv.includes('--view')) {
    if (which !== 'cut' && which !== 'whole') throw new Error(`--view takes "cut" or "whole", not "${which}"`);
    process.stdout.write(`${JSON.stringify(await view(which))}\n`);
    return;
  }
  const articles = numberFlag(process.argv, '--articles') ?? 10_000;
  // --keep: the scratch root (its path printed) is left for --root, which measures it again without importing.
  const given = process.argv.includes('--root') ? process.argv[process.argv.indexOf('--root') + 1] : null;
  const root = given ?? mkdtempSync(path.join(tmpdir(), 'framescope-cut-month-'));
  try {
    if (!given) await imported(root, articles);
    const env = { FRAMESCOPE_CORPUS_ROOT: root, FRAMESCOPE_SNAPSHOTS: path.join(root, '.snapshots') };
    const figures: Figures[] = [];
    for (const w of ['cut', 'whole'] as const) {
      const line = (await run(['bench/cut-month.ts', '--view', w], { ...env, FRAMESCOPE_BACKGROUND_ANALYSIS: '1' }))
        .trim()
        .split('\n')
        .pop()!;
      process.stdout.write(`${line}\n`);
      figures.push(JSON.parse(line) as Figures);
    }
    process.stdout.write(`${JSON.stringify({ articles, query: QUERY, cut: figures[0], whole: figures[1] })}\n`);
  } finally {
    if (process.argv.includes('--keep')) process.stderr.write(`kept ${root}\n`);
    else if (!given) rmSync(root, { recursive: true, force: true });
  }
}

// Generates the articles into one JSONL file and imports it with the CLI into a new corpus `bench` under the root.
async function imported(root: string, articles: number): Promise<void> {
  cpSync(path.join('corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
  mkdirSync(path.join(root, 'bench'));
  const outlets = benchOutlets(40);
  const fd = openSync(path.join(root, 'bench', 'corpus.json'), 'w');
  writeSync(fd, JSON.stringify({ id: 'bench', title: 'Bench', description: 'generated', outlets, outletGroups: [] }));
  closeSync(fd);
  const file = path.join(root, 'input.jsonl');
  const out = openSync(file, 'w');
  const pool = sentencePool();
  for (let from = 0; from < articles; from += 10_000) {
    const slice = generateArticles(pool, { articles: Math.min(10_000, articles - from), outlets: 40, seed: 7, from });
    writeSync(out, `${slice.map(jsonlRecord).join('\n')}\n`);
  }
  closeSync(out);
  const env = { FRAMESCOPE_CORPUS_ROOT: root, FRAMESCOPE_SNAPSHOTS: path.join(root, '.snapshots') };
  const t = performance.now();
  await run(['scripts/import.ts', file, '--corpus', 'bench'], env);
  process.stderr.write(`imported ${articles} articles in ${Math.round((performance.now() - t) / 1000)} s\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`${e.stack ?? e.message}\n`);
  process.exit(1);
});
