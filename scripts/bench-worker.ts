// A benchmark worker: generates its own slice of the benchmark corpus (deterministic) and analyses it.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeArticle, compileEngine } from '../lib/analysis/article';
import { articleBytes, generateArticles } from '../lib/bench/generate';
import type { Lexicon } from '../lib/types';

const { pool, from, count, seed, outlets, lexicon } = workerData as { pool: string[]; from: number; count: number; seed: number; outlets: number; lexicon: Lexicon };
const articles = generateArticles(pool, { articles: count, outlets, seed, from });
parentPort!.postMessage({ ready: true });
parentPort!.once('message', () => {
  const engine = compileEngine(lexicon);
  const t0 = performance.now();
  const analyses = articles.map((a) => analyzeArticle(a, engine));
  const ms = performance.now() - t0;
  parentPort!.postMessage({ analyses, ms, bytes: articles.reduce((s, a) => s + articleBytes(a), 0) });
});
