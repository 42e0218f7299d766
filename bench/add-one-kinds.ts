// The three kinds a new version now makes from the previous one (issue #19), each both ways in one process at the same
// moment, on a base made by bench/add-one.ts --prime: from scratch (every analysis) and from the stored previous
// version plus the added articles (none added here: the version against itself, so the figure is the fixed cost that
// one added article adds little to). Not part of `npm run bench`.
//   npx tsx bench/add-one-kinds.ts /tmp/addone/base-10000
import path from 'node:path';
import type { ArticleAnalysis } from '../lib/analysis/article';
import { loadCorpus } from '../lib/corpus/load';
import { fileStore } from '../lib/store/files';
import { articleKey, lexiconKey } from '../lib/store/keys';
import { readIndexOrder, readLatestNgramCounts } from '../lib/store/ngramCounts';
import { versionTimeCells } from '../lib/store/talliesJob';
import { versionTable, versionWordIndex } from '../lib/store/vocabularyJob';
import { makeTimeCells } from '../lib/time/cells';
import { WordIndexBuilder } from '../lib/vocabulary/searchIndex';
import { tableOfChunks } from '../lib/vocabulary/whole';

const base = process.argv[2];
if (!base) throw new Error('give the base folder made by bench/add-one.ts --prime, e.g. /tmp/addone/base-10000');
const corpus = loadCorpus(path.join(base, 'bench'));
const store = fileStore(path.join(base, '.store'));
const scope = { corpus: 'bench', lexicon: lexiconKey(corpus.lexicon) };
const keys = corpus.articles.map(articleKey);
if (!readLatestNgramCounts(store, scope) || !readIndexOrder(store, scope)?.dates)
  throw new Error(`${base} is not primed: run bench/add-one.ts with --prime on it first`);
const time = <T>(run: () => T): [T, number] => {
  const t0 = performance.now();
  const out = run();
  return [out, Math.round(performance.now() - t0)];
};
const [analyses, readMs] = time(() => store.read(scope, corpus.articles, keys) as ArticleAnalysis[]);
const groups = corpus.lexicon.groups.map((g) => ({ id: g.id, variants: g.variants.map((v) => v.id) }));
const rows: [string, number, number][] = [
  [
    'vocabulary table',
    time(() => tableOfChunks(corpus, [analyses]))[1],
    time(() => versionTable(store, scope, corpus, keys, null))[1],
  ],
  [
    'word index',
    time(() => {
      const b = new WordIndexBuilder();
      for (const a of analyses) b.add(a);
      return b.finish();
    })[1],
    time(() => versionWordIndex(store, scope, corpus, keys))[1],
  ],
  [
    'time cells',
    time(() =>
      makeTimeCells(
        analyses.map((analysis, i) => ({ analysis, date: corpus.articles[i].date })),
        groups,
      ),
    )[1],
    time(() => versionTimeCells(store, scope, corpus, keys, () => analyses))[1],
  ],
];
process.stdout.write(
  `${corpus.articles.length} articles; reading every analysis ${readMs} ms (the whole way reads them)\n`,
);
for (const [name, whole, next] of rows)
  process.stdout.write(
    `${name.padEnd(18)} whole ${String(whole).padStart(7)} ms   from the previous ${String(next).padStart(7)} ms\n`,
  );
process.stdout.write(`${JSON.stringify({ articles: corpus.articles.length, readMs, rows })}\n`);
