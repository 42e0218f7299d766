// Reading a few stored analyses: the whole 250-article segment file per article (the previous store path, rebuilt here
// from the segment's exported pieces as the baseline) against the store's piece-by-piece read, in one run, on
// generated articles: `npx tsx bench/segment-reads.ts [articles] [picks]`. Analysis is not timed.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeArticle, compileEngine } from '../lib/analysis/article';
import { loadCorpus } from '../lib/corpus/load';
import { BATCH } from '../lib/store/analyse';
import { packAnalyses, unpackOne } from '../lib/store/codec';
import { fileStore, readSegmentHeader } from '../lib/store/files';
import { articleKey, lexiconKey } from '../lib/store/keys';
import { generateArticles, rng } from './lib/generate';
import { sentencePool } from './lib/sentencePool';

const n = Number(process.argv[2] ?? 5_000);
const picks = Number(process.argv[3] ?? 250);
const fakes = loadCorpus('corpus/fa-kes');
const articles = generateArticles(sentencePool(), { articles: n, outlets: 40, seed: 2016 });
const engine = compileEngine(fakes.lexicon);
const root = mkdtempSync(path.join(tmpdir(), 'framescope-segreads-'));
const scope = { corpus: 'bench', lexicon: lexiconKey(fakes.lexicon) };
const keys = articles.map(articleKey);
const store = fileStore(root);

async function main() {
  for (let s = 0; s < n; s += BATCH) {
    const part = articles.slice(s, s + BATCH);
    await store.put(scope, {
      keys: keys.slice(s, s + BATCH),
      packed: packAnalyses(part.map((a) => analyzeArticle(a, engine))),
    });
  }
  const dir = path.join(root, 'bench', readdirSync(path.join(root, 'bench'))[0]);
  // Headers read once, as the store keeps them: the baseline pays only what each read paid.
  const where = new Map<string, { file: string; i: number; seg: ReturnType<typeof readSegmentHeader> }>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.fsa'))) {
    const seg = readSegmentHeader(path.join(dir, f));
    seg.header.keys.forEach((k, i) => where.set(k, { file: path.join(dir, f), i, seg }));
  }
  const r = rng(7);
  const chosen = Array.from({ length: picks }, () => Math.floor(r() * n));
  // The previous path: each article's whole segment read and its integers copied, then the one analysis unpacked.
  const whole = (j: number) => {
    const {
      file,
      i,
      seg: { header, at },
    } = where.get(keys[j])!;
    const bytes = readFileSync(file);
    const ints = new Int32Array(header.ints);
    new Uint8Array(ints.buffer).set(bytes.subarray(at, at + header.ints * 4));
    return unpackOne(ints, header.strings, header.offsets[i], articles[j]).analysis;
  };
  const time = (f: () => void) => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  const rounds: { whole: number; pieces: number }[] = [];
  for (let round = 0; round < 5; round++) {
    const w = time(() => chosen.forEach(whole));
    const p = time(() => chosen.forEach((j) => store.read(scope, [articles[j]], [keys[j]])));
    rounds.push({ whole: w, pieces: p });
  }
  // The same analyses either way (a check, not a figure).
  for (const j of chosen.slice(0, 20))
    if (JSON.stringify(whole(j)) !== JSON.stringify(store.read(scope, [articles[j]], [keys[j]])[0]))
      throw new Error(`article ${articles[j].id} read differently`);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const w = median(rounds.map((x) => x.whole));
  const p = median(rounds.map((x) => x.pieces));
  console.log(
    `${picks} single-article reads from ${n} articles (${Math.ceil(n / BATCH)} segments), median of 5: whole segment ${w.toFixed(0)} ms, pieces ${p.toFixed(0)} ms (${((100 * p) / w).toFixed(1)}% of the baseline)`,
  );
  rmSync(root, { recursive: true, force: true });
}
void main();
