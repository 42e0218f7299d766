// Where an analysis worker's vocabulary counting spends its time, phase by phase, on one thread:
//   npx tsx bench/counting-phases.ts [--articles N] [--repeats R]
// Generates N articles (the bench's generator), analyses them once, then in each repeat times in CPU ms: the word scan
// alone (scanWordsInto over every kept sentence), reading the articles into form ids (CountedWords.read, the scan
// included), counting them into a worker's counter (Counter.count, the reading included: the rest is the n-gram ids,
// per-article tallies and the outlets' columns), the counts a worker sends back (Counter.counts) and putting those in
// canonical order as the vocabulary job stores them (canonicalCounts). Prints medians; the counts' digest shows every
// repeat counted the same.
import { createHash } from 'node:crypto';
import { analyzeArticle, compileEngine } from '../lib/analysis/article';
import { loadCorpus } from '../lib/corpus/load';
import { canonicalCounts } from '../lib/vocabulary/canonicalCounts';
import { CountedWords } from '../lib/vocabulary/countedWords';
import { articleTextsOf } from '../lib/vocabulary/texts';
import { storedTextCounter, STORED_TEXT } from '../lib/vocabulary/whole';
import { scanWordsInto, WordSpans } from '../lib/vocabulary/words';
import { articleBytes, generateArticles } from './lib/generate';
import { sentencePool } from './lib/sentencePool';
import { numberFlag } from './lib/storeBench';

const articles = numberFlag(process.argv, '--articles') ?? 4_000;
const repeats = numberFlag(process.argv, '--repeats') ?? 5;

// CPU time of this process in ms: on a shared machine wall time mostly measures the other processes.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main() {
  const lexicon = loadCorpus('corpus/seeds').lexicon;
  const engine = compileEngine(lexicon);
  const sample = generateArticles(sentencePool(), { articles, outlets: 40, seed: 2016 });
  const bytes = sample.reduce((s, a) => s + articleBytes(a), 0);
  const texts = articleTextsOf(
    sample.map((a) => analyzeArticle(a, engine)),
    lexicon.groups,
    null,
    STORED_TEXT,
  );
  const groups = lexicon.groups.map((g) => g.id);
  const times: Record<string, number[]> = { scan: [], read: [], count: [], counts: [], canonical: [] };
  const digests = new Set<string>();
  let size = '';
  for (let r = 0; r < repeats; r++) {
    let t = cpuMs();
    const spans = new WordSpans();
    for (const a of texts) for (const s of a.sentences) scanWordsInto(a.text, s.start, s.end, a.skip, spans);
    times.scan.push(cpuMs() - t);
    t = cpuMs();
    const reader = new CountedWords();
    for (const a of texts) reader.read(a.text, a.sentences, a.skip);
    times.read.push(cpuMs() - t);
    const counter = storedTextCounter(lexicon.groups);
    t = cpuMs();
    for (const a of texts) counter.count(a, false);
    times.count.push(cpuMs() - t);
    t = cpuMs();
    const counts = counter.counts(groups);
    times.counts.push(cpuMs() - t);
    t = cpuMs();
    const canonical = canonicalCounts(counts);
    times.canonical.push(cpuMs() - t);
    const h = createHash('sha256');
    for (const x of [canonical.first, canonical.second, canonical.cells, canonical.withGroup]) h.update(x);
    h.update(JSON.stringify([canonical.words, canonical.outlets, canonical.n, canonical.tokens, canonical.articles]));
    digests.add(h.digest('hex').slice(0, 16));
    size = `${counts.first.length} n-grams, ${counts.cells.length / 4} cells`;
  }
  process.stdout.write(`${articles} articles, ${(bytes / 1e6).toFixed(1)} MB, ${repeats} repeats; ${size}\n`);
  for (const [phase, xs] of Object.entries(times))
    process.stdout.write(`${phase}: median ${median(xs).toFixed(0)} ms [${xs.map((x) => x.toFixed(0)).join(', ')}]\n`);
  const count = median(times.count);
  process.stdout.write(
    `count = read ${((median(times.read) / count) * 100).toFixed(0)}% (scan ${((median(times.scan) / count) * 100).toFixed(0)}%)` +
      ` + ids, tallies and columns ${(((count - median(times.read)) / count) * 100).toFixed(0)}%; ` +
      `counts digest ${[...digests].join(', ')}\n`,
  );
}

main();
