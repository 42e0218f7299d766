// The CLI import's rate (issue #19: >= 10 MB/s on this 2-core machine), without the whole bench:
//   npx tsx bench/import-rate.ts [--articles N] [--repeats R] [--ref /work/main] [--keep] [--engine-sample S]
// Generates N articles as JSONL (the store bench's generator and input), then, in each repeat: the engine alone on the
// same articles on two analysis workers (the pool the import uses, analysing and counting), then the CLI import of this
// checkout into a fresh scratch root; with --ref, the same again for the CLI of another checkout, the two in alternating
// order. An import is timed to its last batch stored (the summary's "storing articles and analyses"; read from its
// --progress lines) and then killed: the version and provenance after it are another target. Each import's MB/s is also
// given as a ratio to the engine's MB/s just before it, which the other processes on a shared machine slow alike. With
// --engine-sample S the engine runs on the first S articles only (what a 1,000,000-article run can hold in memory), and
// the ratios compare rates and CPU seconds per MB. Each import's peak RSS and the store's size on disk when it is killed
// are printed too.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../lib/corpus/load';
import { analysisPool, BATCH, batchesOf } from '../lib/store/analyse';
import { generateArticles } from './lib/generate';
import { benchImportInput, folderBytes, jsonlRecord, numberFlag } from './lib/storeBench';
import { sentencePool } from './lib/sentencePool';
import { cpuOfStat, importRateRow, peakRssMbOfStatus } from './lib/importRate';
import { importUntilStored } from './lib/cliImport';

const articles = numberFlag(process.argv, '--articles') ?? 10_000;
const repeats = numberFlag(process.argv, '--repeats') ?? 1;
const refAt = process.argv.indexOf('--ref');
const ref = refAt >= 0 ? path.resolve(process.argv[refAt + 1]) : null;
const keep = process.argv.includes('--keep');
const engineArticles = Math.min(numberFlag(process.argv, '--engine-sample') ?? articles, articles);
const SEED = 2016;

// CPU ms of this process (every thread): on a shared machine, what the work costs whatever else runs.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// CPU ms of every thread of a running process so far, from /proc (Linux), or NaN elsewhere.
function processCpuMs(pid: number): number {
  try {
    const dir = `/proc/${pid}/task`;
    return readdirSync(dir).reduce((n, t) => n + cpuOfStat(readFileSync(`${dir}/${t}/stat`, 'utf8')), 0);
  } catch {
    return NaN;
  }
}

// Wall and CPU ms of the engine alone: every batch of 250 on a two-worker pool (warmed first), as the import's pool runs
// them.
async function engineMs(pool: string[]): Promise<{ ms: number; cpu: number; bytes: number }> {
  const lexicon = loadCorpus('corpus/seeds').lexicon;
  const sample = generateArticles(pool, { articles: engineArticles, outlets: 40, seed: SEED });
  // The input file's bytes for these articles: one JSONL line each, as benchImportInput writes them.
  const bytes = sample.reduce((n, a) => n + Buffer.byteLength(jsonlRecord(a)) + 1, 0);
  const workers = analysisPool(lexicon, 2);
  try {
    await Promise.all(batchesOf(sample.slice(0, 4), 2).map((b) => workers.run(b)));
    const t = performance.now();
    const c = cpuMs();
    await Promise.all(batchesOf(sample, BATCH).map((b) => workers.run(b)));
    await workers.collect();
    return { ms: performance.now() - t, cpu: cpuMs() - c, bytes };
  } finally {
    await workers.close();
  }
}

// Wall and CPU ms from the CLI's start to its last batch stored (then the CLI is killed), run from `cwd`'s checkout.
function importMs(
  cwd: string,
  file: string,
  env: Record<string, string>,
): Promise<{ ms: number; cpu: number; peakRssMb: number }> {
  const t = performance.now();
  return importUntilStored({
    cwd,
    file,
    env,
    articles,
    // A line now and then, so a long run can be watched (records/s and ETA as the CLI prints them).
    onRecords: (n, line) => {
      if (n % 100_000 === 0 && n < articles) process.stderr.write(`${line}\n`);
    },
    atLast: (pid) => ({
      ms: performance.now() - t,
      cpu: processCpuMs(pid),
      peakRssMb: peakRssMbOfStatus(readFileSync(`/proc/${pid}/status`, 'utf8')),
    }),
  });
}

async function main() {
  const pool = sentencePool();
  const rows: string[] = [];
  const sides: [string, string][] = [['this', process.cwd()], ...(ref ? [['ref', ref] as [string, string]] : [])];
  for (let r = 0; r < repeats; r++) {
    // Alternating the order, and the engine timed just before each import, spread a change in the machine's other load.
    for (const [name, cwd] of r % 2 === 0 ? sides : [...sides].reverse()) {
      const engine = await engineMs(pool);
      const input = benchImportInput(pool, articles, SEED);
      try {
        const x = await importMs(cwd, input.file, input.env);
        rows.push(
          importRateRow({
            name,
            articles,
            bytes: input.bytes,
            importMs: x.ms,
            engineMs: engine.ms,
            importCpuMs: x.cpu,
            engineCpuMs: engine.cpu,
            ...(engineArticles < articles ? { engineBytes: engine.bytes } : {}),
          }),
        );
        // The store when the import is killed: its article files and analyses, before any version step.
        const diskMb = (folderBytes(input.root) - input.bytes) / 1e6;
        process.stdout.write(
          `${rows[rows.length - 1]}; peak RSS ${x.peakRssMb.toFixed(0)} MB; on disk ${diskMb.toFixed(1)} MB ` +
            `(${((diskMb * 1e6) / articles).toFixed(0)} bytes per article)\n`,
        );
      } finally {
        if (!keep) rmSync(input.root, { recursive: true, force: true });
        else process.stdout.write(`kept ${input.root}\n`);
      }
    }
  }
}

void main();
