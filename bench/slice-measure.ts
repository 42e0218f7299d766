// A date-filtered overview at 10,000 generated articles (bench/lib/generate.ts), before and after the per-month
// tallies: `npx tsx bench/slice-measure.ts [articles] [--no-index]`. Analysis runs on one thread and is not timed.
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
const useIndex = !process.argv.includes('--no-index');
const t0 = performance.now();
const index = useIndex ? monthTallies(corpus, analyses) : undefined;
if (index) console.log(`month index built in ${(performance.now() - t0).toFixed(0)} ms`);
for (const r of ranges) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const ex = sliceExport(
      corpus,
      sliceOf(corpus, analyses, r, () => [], index),
      DEFAULT_OPTIONS,
    );
    void ex.counts.length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${r.from}..${r.to}: ${times.map((t) => t.toFixed(0)).join(', ')} ms (sorted); median ${times[2].toFixed(0)} ms`,
  );
}
