// What the CLI import's memory does as the corpus grows (issue #19: "in constant memory"), without the whole bench:
//   npx tsx bench/import-memory.ts [--articles N] [--keep] [--node-flag F]...
// Generates N articles as JSONL (the store bench's input), runs the CLI import of this checkout on it with --progress,
// samples the process's resident set (/proc/<pid>/status VmRSS, all threads) every 200 ms against the records read,
// and kills it once its last batch is stored (the version steps after it are another target). Prints the resident set
// at each tenth of the input, the peak (VmHWM) and the growth in KB per article over the second half (peaks, so the
// garbage collector's saw-tooth does not count). --node-flag passes a flag to the CLI's node (e.g.
// --max-old-space-size=300, to see how little its main thread's heap can be).
import { readFileSync, rmSync } from 'node:fs';
import { benchImportInput, numberFlag } from './lib/storeBench';
import { sentencePool } from './lib/sentencePool';
import { peakRssMbOfStatus } from './lib/importRate';
import { importUntilStored } from './lib/cliImport';
import { growthKbPerArticle, rssMbOfStatus, type MemorySample } from './lib/importMemory';

const articles = numberFlag(process.argv, '--articles') ?? 20_000;
const keep = process.argv.includes('--keep');
const nodeFlags = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--node-flag' ? [a] : []));

async function run(file: string, env: Record<string, string>): Promise<{ samples: MemorySample[]; peakMb: number }> {
  const samples: MemorySample[] = [];
  let records = 0;
  let pid = 0;
  const status = () => readFileSync(`/proc/${pid}/status`, 'utf8');
  const timer = setInterval(() => {
    try {
      if (pid) samples.push({ records, rssMb: rssMbOfStatus(status()) });
    } catch {
      // The process has just ended.
    }
  }, 200);
  try {
    return await importUntilStored({
      file,
      env,
      articles,
      nodeFlags,
      onRecords: (n, _, at) => {
        records = n;
        pid = at;
      },
      atLast: () => {
        const s = status();
        samples.push({ records, rssMb: rssMbOfStatus(s) });
        return { samples, peakMb: peakRssMbOfStatus(s) };
      },
    });
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  const input = benchImportInput(sentencePool(), articles, 2016);
  try {
    const { samples, peakMb } = await run(input.file, input.env);
    for (let k = 1; k <= 10; k++) {
      const upTo = (articles * k) / 10;
      const seen = samples.filter((s) => s.records <= upTo && s.records > (articles * (k - 1)) / 10);
      const most = seen.reduce((m, s) => Math.max(m, s.rssMb), 0);
      process.stdout.write(`records <= ${upTo}: RSS peak ${most.toFixed(0)} MB\n`);
    }
    const growth = growthKbPerArticle(samples, articles / 2);
    process.stdout.write(
      `${articles} articles (${(input.bytes / 1e6).toFixed(1)} MB): peak RSS ${peakMb.toFixed(0)} MB; ` +
        `growth over the second half ${growth.toFixed(2)} KB per article${nodeFlags.length ? ` (${nodeFlags.join(' ')})` : ''}\n`,
    );
  } finally {
    if (!keep) rmSync(input.root, { recursive: true, force: true });
    else process.stdout.write(`kept ${input.root}\n`);
  }
}

void main();
