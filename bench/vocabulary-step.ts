// The vocabulary step of an import (issue #17), step by step, without the CLI or provenance:
//   npx tsx bench/vocabulary-step.ts [--articles N] [--workers W] [--chunks]
//   npx tsx bench/vocabulary-step.ts --from-store CORPUS_DIR STORE_ROOT
// Generates N articles with the bench's generator, analyses them in batches of 250 counting into W counters taken in
// turn (as W analysis workers do), then times each step of making the stored table from those counts as the import
// does (collect's merge, counts(), tableOfCounts, encodeTable) and prints time, heap and RSS after each, so a step that
// is not linear in N shows when N grows tenfold. With --chunks the table is also counted from the analyses a chunk at a
// time (tableOfChunks, the fallback when the counts do not cover the version), analysing them again chunk by chunk.
// With --from-store, the fallback as the import runs it (storeVocabulary without counts: the corpus folder loaded, its
// stored analyses read READ_CHUNK at a time) on an imported corpus, into a scratch store of links to its segment files,
// then the table compared with the one the import stored.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeArticle, compileEngine, type ArticleAnalysis } from '../lib/analysis/article';
import { loadCorpus } from '../lib/corpus/load';
import { fileStore } from '../lib/store/files';
import { articleKey, lexiconKey } from '../lib/store/keys';
import { readVocabulary, storeVocabulary } from '../lib/store/vocabularyJob';
import type { Corpus } from '../lib/types';
import type { Counter } from '../lib/vocabulary/table';
import { encodeTable } from '../lib/vocabulary/tableCodec';
import { countInto, storedTextCounter, tableOfChunks, tableOfCounts } from '../lib/vocabulary/whole';
import { benchOutlets, generateArticles } from './lib/generate';
import { numberFlag } from './lib/storeBench';
import { sentencePool } from './lib/sentencePool';

const articles = numberFlag(process.argv, '--articles') ?? 10_000;
const workers = numberFlag(process.argv, '--workers') ?? 2;
const chunks = process.argv.includes('--chunks');
const BATCH = 250;
const CHUNK = 10_000;
const SEED = 2016;
const OUTLETS = 40;

let last = performance.now();
function step(name: string, extra = ''): void {
  const now = performance.now();
  const m = process.memoryUsage();
  process.stdout.write(
    `${name.padEnd(22)} ${((now - last) / 1000).toFixed(2).padStart(8)} s  heap ${(m.heapUsed / 1e6).toFixed(0).padStart(6)} MB` +
      `  rss ${(m.rss / 1e6).toFixed(0).padStart(6)} MB  ${extra}\n`,
  );
  last = performance.now();
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex').slice(0, 16);

function main() {
  const lexicon = loadCorpus('corpus/seeds').lexicon;
  const engine = compileEngine(lexicon);
  const sentences = sentencePool();
  const corpus = { outlets: benchOutlets(OUTLETS), lexicon } as Corpus;
  step('start', `${articles} articles, ${workers} counters`);
  const counters: Counter[] = Array.from({ length: workers }, () => storedTextCounter(lexicon.groups));
  const keys: string[] = [];
  const analysed = (from: number, n: number): { as: ArticleAnalysis[]; ks: string[] } => {
    const batch = generateArticles(sentences, { articles: n, outlets: OUTLETS, seed: SEED, from });
    return { as: batch.map((a) => analyzeArticle(a, engine)), ks: batch.map(articleKey) };
  };
  for (let from = 0, b = 0; from < articles; from += BATCH, b++) {
    const { as, ks } = analysed(from, Math.min(BATCH, articles - from));
    countInto(counters[b % workers], as, ks, lexicon.groups);
    keys.push(...ks);
  }
  step('analyse + count', counters.map((c) => `distinct ${c.distinct} size ${c.size} lossy ${c.lossy}`).join('; '));
  const groups = lexicon.groups.map((g) => g.id);
  const perWorker = counters.map((c) => c.counts(groups));
  step('workers counts()', perWorker.map((c) => `${c.first.length} n-grams, ${c.cells.length / 4} cells`).join('; '));
  const merged = storedTextCounter(lexicon.groups);
  for (const c of perWorker) merged.merge(c);
  step('collect merge', `distinct ${merged.distinct} size ${merged.size} lossy ${merged.lossy}`);
  const counts = merged.counts(groups);
  step('merged counts()', `${counts.first.length} n-grams, ${counts.cells.length / 4} cells, lossy ${counts.lossy}`);
  const made = tableOfCounts(corpus, keys, counts);
  step('tableOfCounts', made ? `kept ${made.table.terms.size}` : 'null: falls back to tableOfChunks');
  if (made) {
    const bytes = encodeTable(made.table, made.reading);
    step('encodeTable', `${(bytes.length / 1e6).toFixed(1)} MB sha ${sha(bytes)}`);
  }
  if (chunks) {
    function* chunked() {
      for (let from = 0; from < articles; from += CHUNK) yield analysed(from, Math.min(CHUNK, articles - from)).as;
    }
    const counted = tableOfChunks(corpus, chunked());
    step('tableOfChunks', `kept ${counted.table.terms.size} lossy ${counted.table.pruning.lossy}`);
    const bytes = encodeTable(counted.table, counted.reading);
    step('encodeTable', `${(bytes.length / 1e6).toFixed(1)} MB sha ${sha(bytes)}`);
  }
}

// The fallback on an imported corpus; resolves when the table is compared.
async function fromStore(corpusDir: string, storeRoot: string): Promise<void> {
  const corpus = path.basename(corpusDir);
  const scratchRoot = mkdtempSync(path.join(tmpdir(), 'framescope-vocab-step-'));
  try {
    for (const scope of readdirSync(path.join(storeRoot, corpus))) {
      mkdirSync(path.join(scratchRoot, corpus, scope), { recursive: true });
      for (const f of readdirSync(path.join(storeRoot, corpus, scope)))
        if (!f.startsWith('vocabulary-'))
          symlinkSync(path.join(storeRoot, corpus, scope, f), path.join(scratchRoot, corpus, scope, f));
    }
    step('start', `${corpusDir} from ${storeRoot}`);
    const version = await storeVocabulary(corpusDir, scratchRoot);
    const peak = process.resourceUsage().maxRSS / 1e3;
    step('storeVocabulary', `from the store, peak RSS ${peak.toFixed(0)} MB`);
    const lexicon = loadCorpus(corpusDir).lexicon;
    const scope = { corpus, lexicon: lexiconKey(lexicon) };
    const made = readVocabulary(fileStore(scratchRoot), scope, version)!;
    const stored = readVocabulary(fileStore(storeRoot), scope, version);
    const rows = (t: NonNullable<typeof stored>) =>
      JSON.stringify({
        terms: [...t.table.terms].map(([k, r]) => [k, [...r.uses], [...r.articles], [...r.withGroup]]),
        table: { ...t.table, terms: null },
        reading: t.reading && { ...t.reading, marks: [...t.reading.marks] },
      });
    step('compare', stored ? `equal to the import's table: ${rows(made) === rows(stored)}` : 'the import stored none');
  } finally {
    rmSync(scratchRoot, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--from-store');
if (at >= 0) void fromStore(process.argv[at + 1], process.argv[at + 2]);
else main();
