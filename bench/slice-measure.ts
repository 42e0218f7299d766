// A date-filtered overview at 10,000 generated articles (bench/lib/generate.ts), before and after the per-year and
// per-month tallies: `npx tsx bench/slice-measure.ts [articles]`. Analysis runs on one thread and is not timed.
import { DEFAULT_OPTIONS } from '../lib/analysis/aggregate';
import { compileEngine, analyzeArticle } from '../lib/analysis/article';
import { monthTallies } from '../lib/analysis/monthTallies';
import { sliceExport, sliceOf } from '../lib/analysis/slice';
import { articleLayout } from '../lib/corpus/layout';
import { loadCorpus } from '../lib/corpus/load';
import { sentenceSpans } from '../lib/text/sentences';
import { benchOutlets, generateArticles } from './lib/generate';

const n = Number(process.argv[2] ?? 10_000);
const pool: string[] = [];
const seeds = loadCorpus('corpus/fa-kes');
for (const a of seeds.articles) {
  const { text, segments } = articleLayout(a);
  for (const s of segments)
    if (s.section === 'body')
      for (const sp of sentenceSpans(text.slice(s.start, s.end), s.start)) pool.push(text.slice(sp.start, sp.end));
}
const articles = generateArticles(
  pool.filter((s) => s.length > 20),
  { articles: n, outlets: 40, seed: 2016 },
);
const corpus = { ...seeds, outlets: benchOutlets(40), outletGroups: [], articles };
const engine = compileEngine(corpus.lexicon);
const analyses = articles.map((a) => analyzeArticle(a, engine));
const ranges = [
  { from: '2014-01-01', to: '2014-12-31', shared: null },
  { from: '2013-03-17', to: '2015-08-09', shared: null },
  { from: '2016-07-01', to: '2016-07-31', shared: null },
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;
for (const r of ranges) {
  // A fresh index per range: its first slice tallies the range's years and months (cold), later ones sum them (warm).
  const index = monthTallies(corpus, analyses);
  let t = performance.now();
  sliceOf(corpus, analyses, r, () => [], index);
  const cold = performance.now() - t;
  // Both paths alternate in one process, so the machine's load falls on both alike; median of 7 runs each.
  const cut = { retally: [] as number[], summed: [] as number[], stats: [] as number[] };
  for (let i = 0; i < 7; i++) {
    t = performance.now();
    sliceOf(corpus, analyses, r, () => []);
    cut.retally.push(performance.now() - t);
    t = performance.now();
    const slice = sliceOf(corpus, analyses, r, () => [], index);
    cut.summed.push(performance.now() - t);
    t = performance.now();
    void sliceExport(corpus, slice, DEFAULT_OPTIONS).counts.length;
    cut.stats.push(performance.now() - t);
  }
  console.log(
    `${r.from}..${r.to}: slice re-tallied ${ms(median(cut.retally))}; with month tallies: first ${ms(cold)} (tallies its years and months), then ${ms(median(cut.summed))}; statistics ${ms(median(cut.stats))}`,
  );
}
