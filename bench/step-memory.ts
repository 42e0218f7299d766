// Each write-time step's peak memory and time, measured so that a 1,000,000-article run can be planned: a generated
// corpus is imported with the CLI (whose peak covers the import and every step after it), then each step's stored
// kinds are removed and the step alone is run again in a fresh process on its own thread, under /usr/bin/time -v.
// Usage: npx tsx bench/step-memory.ts [--articles 5000,20000] [--steps tallies,vocabulary,stories,provenance]
import { spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { benchImportInput, tenth } from './lib/storeBench';
import { sentencePool } from './lib/sentencePool';
import { liveOfGcTrace } from './lib/gcTrace';

// The stored kinds (file name prefixes) each step makes; removed before the step runs again.
const STEPS: Record<string, { kinds: string[]; run: () => Promise<unknown> }> = {
  tallies: {
    kinds: ['tallies-', 'time-cells-', 'mention-postings-', 'drill-counts-', 'corpus-index-'],
    run: async () => (await import('../lib/store/talliesJob')).storeTallies(corpusDir(), storeRoot()),
  },
  vocabulary: {
    kinds: ['vocabulary-', 'word-index-'],
    run: async () => (await import('../lib/store/vocabularyJob')).storeVocabulary(corpusDir(), storeRoot()),
  },
  stories: {
    kinds: ['stories-'],
    run: async () => (await import('../lib/store/storiesJob')).storeStories(corpusDir(), storeRoot()),
  },
  provenance: {
    kinds: ['provenance-', 'sentence-kinds-', 'reuse-index-'],
    run: async () => (await import('../lib/store/provenanceJob')).storeProvenance(corpusDir(), storeRoot()),
  },
};

const corpusDir = () => path.join(process.env.FRAMESCOPE_CORPUS_ROOT!, 'bench');
const storeRoot = () => path.join(process.env.FRAMESCOPE_CORPUS_ROOT!, '.store');

interface Measured {
  seconds: number;
  peakMb: number;
  /** The largest JS heap left after a full collection (--trace-gc's Mark-Compact lines): memory the step holds live. */
  liveMb: number;
  /** The same with the array buffers (external memory) the isolate reports after that collection. */
  liveBuffersMb: number;
  code: number;
  tail: string;
}

// Runs a TypeScript script under /usr/bin/time -v and reads its wall time and peak resident set from time's report.
// A peak under a 20 GB heap limit says as much about when V8 collects as about what the step needs, so the live heap
// after each full collection is read too.
function timed(args: string[], env: Record<string, string>): Promise<Measured> {
  return new Promise((resolve) => {
    const p = spawn(
      '/usr/bin/time',
      ['-v', process.execPath, '--trace-gc', '--trace-gc-verbose', '--import', 'tsx', ...args],
      {
        env: { ...process.env, ...env, NODE_OPTIONS: '--max-old-space-size=20000' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => {
      const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(err);
      const live = liveOfGcTrace(out);
      const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
      resolve({
        seconds,
        liveMb: live.heapMb,
        liveBuffersMb: live.withBuffersMb,
        peakMb: peak ? Number(peak[1]) / 1024 : NaN,
        code: code ?? -1,
        tail: (out + err).slice(-800),
      });
    });
  });
}

// Removes the stored files whose names start with one of the prefixes, anywhere under the store.
function removeKinds(store: string, prefixes: readonly string[]): number {
  let removed = 0;
  for (const e of readdirSync(store, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.bin') || !prefixes.some((p) => e.name.startsWith(p))) continue;
    const file = path.join(e.parentPath, e.name);
    removed += statSync(file).size;
    rmSync(file);
  }
  return removed;
}

async function child(step: string): Promise<void> {
  await STEPS[step].run();
}

// One corpus size's figures: each step's wall time, peak and stored size.
async function measure(
  articles: number,
  steps: readonly string[],
): Promise<Map<string, Measured & { storedMb: number }>> {
  const { root, file, env } = benchImportInput(sentencePool(), articles, 42);
  const out = new Map<string, Measured & { storedMb: number }>();
  const keep = (name: string, m: Measured, storedMb: number) => {
    if (m.code !== 0) throw new Error(`${name} at ${articles} articles failed (exit ${m.code}): ${m.tail}`);
    out.set(name, { ...m, storedMb });
  };
  try {
    keep(IMPORT, await timed(['scripts/import.ts', file, '--corpus', 'bench'], env), NaN);
    for (const step of steps) {
      const removed = removeKinds(path.join(root, '.store'), STEPS[step].kinds);
      keep(step, await timed(['bench/step-memory.ts', '--step', step], env), removed / 1e6);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return out;
}

const IMPORT = 'import (CLI, all steps)';

async function main(): Promise<void> {
  const at = process.argv.indexOf('--articles');
  const sizes = (at >= 0 ? process.argv[at + 1] : '5000,20000').split(',').map(Number);
  if (sizes.length !== 2 || !sizes.every((n) => Number.isInteger(n) && n > 0) || sizes[0] >= sizes[1])
    throw new Error('--articles takes two sizes, smaller first, e.g. --articles 5000,20000');
  const st = process.argv.indexOf('--steps');
  const steps = st >= 0 ? process.argv[st + 1].split(',') : Object.keys(STEPS);
  const unknown = steps.filter((s) => !(s in STEPS));
  if (unknown.length) throw new Error(`unknown step(s) ${unknown.join(', ')}: use ${Object.keys(STEPS).join(', ')}`);
  const [n1, n2] = sizes;
  const [small, large] = [await measure(n1, steps), await measure(n2, steps)];
  const rows = [IMPORT, ...steps].map((name) => {
    const a = small.get(name)!;
    const b = large.get(name)!;
    // The growth per article between the two sizes: what a larger corpus adds, start-up excluded.
    const slopeMb = (b.peakMb - a.peakMb) / (n2 - n1);
    const liveSlopeMb = (b.liveMb - a.liveMb) / (n2 - n1);
    const buffersSlopeMb = (b.liveBuffersMb - a.liveBuffersMb) / (n2 - n1);
    return {
      step: name,
      [`s at ${n1}`]: tenth(a.seconds),
      [`s at ${n2}`]: tenth(b.seconds),
      [`peak MB at ${n1}`]: Math.round(a.peakMb),
      [`peak MB at ${n2}`]: Math.round(b.peakMb),
      'peak KB/article': tenth(slopeMb * 1024),
      'peak GB at 1M': tenth((b.peakMb + slopeMb * (1_000_000 - n2)) / 1024),
      [`live MB at ${n2}`]: Math.round(b.liveMb),
      'live KB/article': tenth(liveSlopeMb * 1024),
      'live GB at 1M': tenth((b.liveMb + liveSlopeMb * (1_000_000 - n2)) / 1024),
      '+buffers KB/article': tenth(buffersSlopeMb * 1024),
      '+buffers GB at 1M': tenth((b.liveBuffersMb + buffersSlopeMb * (1_000_000 - n2)) / 1024),
      'h at 1M': tenth((b.seconds * (1_000_000 / n2)) / 3600),
      [`stored MB at ${n2}`]: Number.isNaN(b.storedMb) ? '-' : tenth(b.storedMb),
    };
  });
  console.log(
    `Peak RSS and wall time of each write-time step in a fresh process, at ${n1} and ${n2} generated articles`,
  );
  console.table(rows);
  console.log(
    '1M: peak RSS, and the live heap after full collections (+buffers: with the array buffers reported after them), grown by the per-article slope between the two sizes; time in proportion.',
  );
}

const stepAt = process.argv.indexOf('--step');
(stepAt >= 0 ? child(process.argv[stepAt + 1]) : main()).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
