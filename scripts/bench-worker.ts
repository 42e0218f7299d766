// A benchmark worker: generates its own slice of the benchmark corpus (deterministic), analyses it and sums
// its outlets' tallies, the same work a server thread does for its share of a corpus.
import { parentPort, workerData } from 'node:worker_threads';
import { attributedGroups } from '../lib/analysis/aggregate';
import { analyzeArticle, compileEngine } from '../lib/analysis/article';
import { tallyByOutlet } from '../lib/analysis/tallies';
import { articleBytes, generateArticles } from '../lib/bench/generate';
import type { Lexicon } from '../lib/types';

const { pool, from, count, seed, outlets, lexicon } = workerData as { pool: string[]; from: number; count: number; seed: number; outlets: number; lexicon: Lexicon };
const articles = generateArticles(pool, { articles: count, outlets, seed, from });
parentPort!.postMessage({ ready: true });
parentPort!.once('message', () => {
  const engine = compileEngine(lexicon);
  const t0 = performance.now();
  const analyses = articles.map((a) => analyzeArticle(a, engine));
  const tallies = tallyByOutlet(analyses, attributedGroups({ lexicon }));
  const ms = performance.now() - t0;
  parentPort!.postMessage({ analyses, tallies, ms, bytes: articles.reduce((s, a) => s + articleBytes(a), 0) });
});
