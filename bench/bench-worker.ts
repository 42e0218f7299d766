// A benchmark worker: generates its own slice of the benchmark corpus (deterministic), analyses it and sums its
// outlets' tallies, the same work a server thread does for its share of a corpus. Each analysis is packed as soon
// as it is made, so the worker's heap stays small and the analyses cross to the main thread as one moved buffer.
import { parentPort, workerData } from 'node:worker_threads';
import { attributedGroups } from '../lib/analysis/aggregate';
import { analyzeArticle, compileEngine } from '../lib/analysis/article';
import { createPacker } from '../lib/store/codec';
import { addToOutlet, type OutletTally } from '../lib/analysis/tallies';
import { articleBytes, generateArticles } from './lib/generate';
import type { Lexicon } from '../lib/types';

const { pool, from, count, seed, outlets, lexicon } = workerData as {
  pool: string[];
  from: number;
  count: number;
  seed: number;
  outlets: number;
  lexicon: Lexicon;
};
const BATCH = 2_000;
const articles = generateArticles(pool, { articles: count, outlets, seed, from });
parentPort!.postMessage({ ready: true });
parentPort!.once('message', () => {
  const engine = compileEngine(lexicon);
  const attributed = attributedGroups({ lexicon });
  const t0 = performance.now();
  let packer = createPacker();
  const tallies = new Map<string, OutletTally>();
  const send = () => {
    const packed = packer.finish();
    parentPort!.postMessage({ packed }, [packed.ints.buffer]);
    packer = createPacker();
  };
  articles.forEach((article, i) => {
    const a = analyzeArticle(article, engine);
    addToOutlet(tallies, a, attributed);
    packer.add(a);
    // Batches let the main thread unpack while this worker goes on analysing.
    if ((i + 1) % BATCH === 0) send();
  });
  if (articles.length % BATCH !== 0) send();
  const ms = performance.now() - t0;
  parentPort!.postMessage({ done: true, tallies, ms, bytes: articles.reduce((s, a) => s + articleBytes(a), 0) });
});
