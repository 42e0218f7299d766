// What vocabulary counting adds to the analysis pass (issue #17), timed on one thread, without the whole bench:
//   npx tsx bench/counting-profile.ts [--articles N] [--repeats R]
//   node --import tsx --cpu-prof bench/counting-profile.ts --only-count   (a CPU profile of counting alone)
// Each repeat times, back to back on the same generated articles (the bench's generator, FA-KES and seed sentences):
// CPU time of analysing only, then counting the analyses into a worker's counter as analyseBatch does. With VOCAB_REFERENCE set to
// a copy of an older lib/ (e.g. /tmp/old/lib), its counter is timed in the same repeats, so old and new are compared
// in one process under the same load. Prints medians and what counting adds to analysing, in percent.
import { createHash } from 'node:crypto';
import { analyzeArticle, compileEngine, type ArticleAnalysis } from '../lib/analysis/article';
import { loadCorpus } from '../lib/corpus/load';
import type { Article, TermGroup } from '../lib/types';
import { countInto, storedTextCounter } from '../lib/vocabulary/whole';
import { articleBytes, generateArticles } from './lib/generate';
import { addedPct } from './lib/vocabularyBench';
import { numberFlag } from './lib/storeBench';
import { sentencePool } from './lib/sentencePool';

type CountModule = Pick<typeof import('../lib/vocabulary/whole'), 'countInto' | 'storedTextCounter'>;

const articles = numberFlag(process.argv, '--articles') ?? 2_000;
const repeats = numberFlag(process.argv, '--repeats') ?? 5;
const onlyCount = process.argv.includes('--only-count');
const BATCH = 250;

// Counts every batch into one counter (as an analysis worker does); returns the ms and a digest of the counts.
function countAll(m: CountModule, batches: readonly ArticleAnalysis[][], groups: readonly TermGroup[]) {
  const c = m.storedTextCounter(groups);
  const t = cpuMs();
  batches.forEach((b, i) =>
    m.countInto(
      c,
      b,
      b.map((a) => `${i}/${a.id}`),
      groups,
    ),
  );
  const counts = c.counts(groups.map((g) => g.id));
  const ms = cpuMs() - t;
  const h = createHash('sha256');
  h.update(JSON.stringify({ ...counts, first: [...counts.first], second: [...counts.second], cells: null }));
  h.update(new Uint8Array(counts.cells.buffer));
  h.update(new Uint8Array(counts.withGroup.buffer));
  return { ms, digest: h.digest('hex').slice(0, 16) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// CPU time of this process in ms: on a shared machine wall time mostly measures the other processes.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main() {
  const lexicon = loadCorpus('corpus/seeds').lexicon;
  const engine = compileEngine(lexicon);
  const sample: Article[] = generateArticles(sentencePool(), { articles, outlets: 40, seed: 2016 });
  const bytes = sample.reduce((s, a) => s + articleBytes(a), 0);
  const ref = process.env.VOCAB_REFERENCE
    ? ((await import(`${process.env.VOCAB_REFERENCE}/vocabulary/whole.ts`)) as CountModule)
    : null;
  const mods: [string, CountModule][] = [['current', { countInto, storedTextCounter }]];
  if (ref) mods.push(['reference', ref]);
  const analyse = () => {
    const out: ArticleAnalysis[][] = [];
    for (let i = 0; i < sample.length; i += BATCH)
      out.push(sample.slice(i, i + BATCH).map((a) => analyzeArticle(a, engine)));
    return out;
  };
  const batches = analyse();
  const times: Record<string, number[]> = { analyse: [] };
  const digests: Record<string, string> = {};
  for (const [name, m] of mods) {
    times[name] = [];
    digests[name] = countAll(m, batches.slice(0, 1), lexicon.groups).digest;
  }
  for (let r = 0; r < repeats; r++) {
    if (!onlyCount) {
      const t = cpuMs();
      analyse();
      times.analyse.push(cpuMs() - t);
    }
    // Alternating the order spreads the machine's other load evenly over old and new.
    const order = r % 2 === 0 ? mods : [...mods].reverse();
    for (const [name, m] of order) {
      const x = countAll(m, batches, lexicon.groups);
      times[name].push(x.ms);
      digests[name] = x.digest;
    }
  }
  const a = onlyCount ? NaN : median(times.analyse);
  process.stdout.write(`${sample.length} articles, ${(bytes / 1e6).toFixed(1)} MB, ${repeats} repeats\n`);
  if (!onlyCount) process.stdout.write(`analyse: median ${a.toFixed(0)} ms (${(bytes / 1e3 / a).toFixed(1)} MB/s)\n`);
  for (const [name] of mods) {
    const c = median(times[name]);
    process.stdout.write(
      `${name}: counting median ${c.toFixed(0)} ms [${times[name].map((x) => x.toFixed(0)).join(', ')}]` +
        (onlyCount ? '' : `, adds ${addedPct(c, a)}% to analysing`) +
        `, counts digest ${digests[name]}\n`,
    );
  }
  const min = (xs: number[]) => Math.min(...xs);
  if (ref)
    process.stdout.write(
      `current / reference: median ${(median(times.current) / median(times.reference)).toFixed(3)}, ` +
        `best ${(min(times.current) / min(times.reference)).toFixed(3)}\n`,
    );
}

void main();
