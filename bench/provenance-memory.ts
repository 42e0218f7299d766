// The provenance job's memory (issue #19, the 1M run): a measurement, not a test.
//   npx tsx bench/provenance-memory.ts [--articles 5000,10000,30000] [--add 1] [--heap]
// For each size, generates that many articles (bench/lib/generate.ts) into a scratch corpus folder under /tmp,
// analyses them into its store on two workers, then runs storeProvenance for that version in a fresh child process and
// prints its wall time, peak RSS and peak RSS per article, and a hash of every file the job stored (the reuse index
// without its timings), so two runs of different code can be compared byte for byte. With --add K, K more articles are
// then added and the incremental job is measured the same way. With --heap, the child instead builds the provenance in
// memory as the job does and prints what each part of it holds once built (live heap and array buffers after a full
// GC, each part dropped in turn): where the job's memory per article goes (the job itself no longer holds the "article
// provenance" part: it makes, stores and drops it a part at a time, lib/store/provenanceParts.ts). The scratch folders
// are deleted after.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SEED = 2016;
const OUTLETS = 40;

/** sha256 (16 hex) of each file the provenance job stores for a corpus, by file name; the reuse index without `made`. */
async function storedHashes(storeRoot: string, corpus: string): Promise<Record<string, string>> {
  const { decodeReuseIndex, encodeReuseIndex } = await import('../lib/store/reuseIndexCodec');
  const out: Record<string, string> = {};
  const dir = path.join(storeRoot, corpus);
  for (const scope of readdirSync(dir))
    for (const name of readdirSync(path.join(dir, scope)).sort()) {
      if (!/^(provenance|sentence-kinds|reuse-index)/.test(name)) continue;
      let bytes: Uint8Array = readFileSync(path.join(dir, scope, name));
      if (name.startsWith('reuse-index')) {
        const index = decodeReuseIndex(bytes, name);
        bytes = encodeReuseIndex({ ...index, made: { ...index.made, ms: 0, readMs: 0, writeMs: 0 } });
      }
      out[name] = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    }
  return out;
}

/** Writes `n` generated articles from index `from` into a corpus folder's articles. */
async function writeArticles(dir: string, from: number, n: number): Promise<void> {
  const { generateArticles } = await import('./lib/generate');
  const { sentencePool } = await import('./lib/sentencePool');
  const { serializeArticleFile } = await import('../lib/corpus/articleFile');
  const pool = sentencePool();
  for (let at = from; at < from + n; at += 5000) {
    for (const a of generateArticles(pool, {
      articles: Math.min(5000, from + n - at),
      outlets: OUTLETS,
      seed: SEED,
      from: at,
    }))
      writeFileSync(path.join(dir, 'articles', `${a.id}.txt`), serializeArticleFile(a));
  }
}

/** Analyses a corpus folder's articles into its store on two workers (what an import does before provenance). */
async function analyse(dir: string, storeRoot: string): Promise<void> {
  const { loadCorpus } = await import('../lib/corpus/load');
  const { analyseInto } = await import('../lib/store/analyse');
  const { fileStore } = await import('../lib/store/files');
  const c = loadCorpus(dir);
  await analyseInto(fileStore(storeRoot), path.basename(dir), c.articles, c.lexicon, undefined, 2);
}

/** Runs the job in a fresh process (this script with --child, or --heap-child) and reads its last line. */
function child(dir: string, storeRoot: string, heap = false): Promise<{ ms: number; maxRssMb: number; made: unknown }> {
  return new Promise((resolve, reject) => {
    const tsx = path.join('node_modules', 'tsx', 'dist', 'cli.mjs');
    const p = spawn(
      process.execPath,
      [tsx, 'bench/provenance-memory.ts', heap ? '--heap-child' : '--child', dir, storeRoot],
      {
        // A heap as large as the machine allows, so the peak measured is the job's, not a heap limit's failure.
        env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=20000${heap ? ' --expose-gc' : ''}` },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('close', (code) => {
      if (code !== 0) reject(new Error(`the provenance child failed (exit ${code}): ${out.slice(-1000)}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!));
    });
  });
}

async function runChild(dir: string, storeRoot: string): Promise<void> {
  const { storeProvenance } = await import('../lib/store/provenanceJob');
  const t = performance.now();
  const run = await storeProvenance(dir, storeRoot);
  const ms = Math.round(performance.now() - t);
  // maxRSS is in kilobytes: the peak of this process, the job's worker in the product.
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ms, maxRssMb, made: run.made })}\n`);
}

/** MB of live heap and of array buffers after a full collection. */
function live(): { heapMb: number; buffersMb: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('--heap-child needs node --expose-gc');
  gc();
  gc();
  const m = process.memoryUsage();
  return { heapMb: Math.round(m.heapUsed / 1e6), buffersMb: Math.round(m.arrayBuffers / 1e6) };
}

/**
 * The job's in-memory provenance of a version, built as the job builds it, then each part dropped in turn: what each
 * holds (MB) is the live memory that went when it was dropped.
 */
async function runHeapChild(dir: string, storeRoot: string): Promise<void> {
  const { loadCorpus } = await import('../lib/corpus/load');
  const { articleKey, lexiconKey } = await import('../lib/store/keys');
  const { fileStore } = await import('../lib/store/files');
  const { readProvenanceInputs } = await import('../lib/store/provenanceInputs');
  const { InputSpill } = await import('../lib/store/provenanceSpill');
  const { MentionTable } = await import('../lib/store/mentionTable');
  const { buildProvenance } = await import('../lib/provenance/model');
  const { creditSources } = await import('../lib/provenance/credits');
  const c = loadCorpus(dir);
  const keys = c.articles.map(articleKey);
  const scope = { corpus: path.basename(dir), lexicon: lexiconKey(c.lexicon) };
  const sources = creditSources(c.outlets);
  const articles: (import('../lib/types').Article | null)[] = c.articles;
  c.articles = [];
  const n = articles.length;
  // As the job: texts, sentence spans and words in a scratch file (lib/store/provenanceSpill.ts), not the heap.
  const spill = new InputSpill(n);
  const read = readProvenanceInputs(fileStore(storeRoot), scope, articles, keys, undefined, spill);
  const p: Partial<ReturnType<typeof buildProvenance>> = buildProvenance(read.inputs, sources);
  const index: Partial<NonNullable<typeof p.index>> = p.index!;
  const chars = read.inputs.reduce((t, x) => t + x.text.length, 0);
  const steps: [string, () => void][] = [
    ['article provenance', () => delete p.articles],
    ['pairs and passages', () => delete index.pairs],
    ['candidates', () => delete index.candidates],
    ['postings', () => delete index.postings],
    ['words and shingles', () => delete index.docs],
    ['mentions', () => (read.mentions = new MentionTable())],
    ['texts and sentence spans', () => (read.inputs.length = 0)],
  ];
  let before = live();
  const parts: Record<string, { heapMb: number; buffersMb: number; bytesPerArticle: number }> = {};
  for (const [name, drop] of steps) {
    drop();
    const after = live();
    const heapMb = before.heapMb - after.heapMb;
    const buffersMb = before.buffersMb - after.buffersMb;
    parts[name] = { heapMb, buffersMb, bytesPerArticle: Math.round(((heapMb + buffersMb) * 1e6) / n) };
    before = after;
  }
  spill.close();
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(
    `${JSON.stringify({ ms: 0, maxRssMb, made: null, charsPerArticle: Math.round(chars / n), parts })}\n`,
  );
}

async function main(): Promise<void> {
  const sizes = (arg('articles') ?? '5000,10000,30000').split(',').map(Number);
  const add = Number(arg('add') ?? '0');
  const heap = process.argv.includes('--heap');
  for (const n of sizes) {
    const root = mkdtempSync(path.join(tmpdir(), 'framescope-provmem-'));
    try {
      const dir = path.join(root, 'bench');
      const storeRoot = path.join(root, '.store');
      mkdirSync(path.join(dir, 'articles'), { recursive: true });
      const { benchOutlets } = await import('./lib/generate');
      const manifest = { id: 'bench', title: 'Bench', description: 'generated', outlets: benchOutlets(OUTLETS) };
      writeFileSync(path.join(dir, 'corpus.json'), JSON.stringify({ ...manifest, outletGroups: [] }));
      cpSync(path.join('corpus', 'lexicon.json'), path.join(dir, 'lexicon.json'));
      await writeArticles(dir, 0, n);
      await analyse(dir, storeRoot);
      if (heap) {
        console.log(JSON.stringify({ articles: n, ...(await child(dir, storeRoot, true)) }));
        continue;
      }
      const full = await child(dir, storeRoot);
      const row = { articles: n, ...full, bytesPerArticle: Math.round((full.maxRssMb * 1024 * 1024) / n) };
      console.log(JSON.stringify({ ...row, hashes: await storedHashes(storeRoot, 'bench') }));
      if (add > 0) {
        await writeArticles(dir, n, add);
        await analyse(dir, storeRoot);
        const next = await child(dir, storeRoot);
        console.log(
          JSON.stringify({ articles: n + add, added: add, ...next, hashes: await storedHashes(storeRoot, 'bench') }),
        );
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
}

const at = process.argv.indexOf('--child');
const heapAt = process.argv.indexOf('--heap-child');
(at >= 0
  ? runChild(process.argv[at + 1], process.argv[at + 2])
  : heapAt >= 0
    ? runHeapChild(process.argv[heapAt + 1], process.argv[heapAt + 2])
    : main()
).catch((e) => {
  console.error(e);
  process.exit(1);
});
