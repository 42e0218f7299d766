// The first search and the first time series of a freshly started server, at N generated articles (issue #19):
//   npx tsx bench/first-touch.ts [--articles N] [--part-bytes B]
// Generates N articles with the bench's generator, analyses them here (one thread), builds their word index and time
// cells as the store's jobs do, stores the index both whole (the form before parts) and in parts, and the cells, in a
// scratch file store, then times what a first request does: for the word index, reading and decoding it whole then
// answering, against reading the head and only the parts a query's words fall in (a fresh part cache each, so every
// figure is a first query); for the time cells, the file read, the decode and the first and second series summed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeArticle, compileEngine } from '../lib/analysis/article';
import { loadCorpus } from '../lib/corpus/load';
import { fileStore } from '../lib/store/files';
import { decodeTimeCells, encodeTimeCells, putTimeCells, TIME_CELLS } from '../lib/store/timeCells';
import { openWordIndex, PartCache, putWordIndex, WORD_INDEX_KIND } from '../lib/store/wordIndexParts';
import { cellSeries, makeTimeCells, type DatedAnalysis } from '../lib/time/cells';
import { WORD_PART_BYTES } from '../lib/vocabulary/indexParts';
import { parseSearch } from '../lib/vocabulary/search';
import {
  addHits,
  decodeWordIndex,
  encodeWordIndex,
  matchingWords,
  WordIndexBuilder,
  type WordIndex,
} from '../lib/vocabulary/searchIndex';
import { benchOutlets, generateArticles } from './lib/generate';
import { sentencePool } from './lib/sentencePool';
import { numberFlag } from './lib/storeBench';

const articles = numberFlag(process.argv, '--articles') ?? 10_000;
const partBytes = numberFlag(process.argv, '--part-bytes') ?? WORD_PART_BYTES;
const SEED = 2016;
const OUTLETS = 40;
const BATCH = 250;
const QUERIES = [
  ['a rare word', 'takfiri'],
  ['a common word', 'the'],
  ['a prefix pattern', 'rebel*'],
  ['a headless pattern', '*ists'],
] as const;

const ms = (t: number) => `${(performance.now() - t).toFixed(1)} ms`;
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const line = (what: string, figure: string) => process.stdout.write(`${what.padEnd(44)} ${figure}\n`);

function wordsOf(term: string): string[] {
  const parsed = parseSearch(term);
  if (!parsed.ok) throw new Error(`bench query ${term} does not parse`);
  return parsed.pattern.words[0];
}

function answer(parts: readonly Pick<WordIndex, 'words' | 'starts' | 'postings'>[], words: string[], n: number) {
  const hits = new Int32Array(n);
  for (const p of parts) addHits(p, matchingWords(p, words), { voice: 'all', scope: 'all' }, hits);
  return hits.reduce((s, x) => s + x, 0);
}

function main() {
  const lexicon = loadCorpus('corpus/seeds').lexicon;
  const engine = compileEngine(lexicon);
  const pool = sentencePool();
  const builder = new WordIndexBuilder();
  const dated: DatedAnalysis[] = [];
  let t = performance.now();
  for (let from = 0; from < articles; from += BATCH) {
    const batch = generateArticles(pool, {
      articles: Math.min(BATCH, articles - from),
      outlets: OUTLETS,
      seed: SEED,
      from,
    });
    for (const a of batch) {
      const x = analyzeArticle(a, engine);
      builder.add(x);
      dated.push({ analysis: { outlet: x.outlet, mentions: x.mentions, tokens: x.tokens }, date: a.date });
    }
  }
  line(`${articles} articles generated and analysed`, ms(t));
  const ix = builder.finish();
  const cells = makeTimeCells(
    dated,
    lexicon.groups.map((g) => ({ id: g.id, variants: g.variants.map((v) => v.id) })),
  );
  dated.length = 0;
  const root = mkdtempSync(path.join(tmpdir(), 'framescope-first-touch-'));
  const store = fileStore(root);
  const scope = { corpus: 'bench', lexicon: 'l' };
  void (async () => {
    await store.putDerived(scope, WORD_INDEX_KIND, 'whole', encodeWordIndex(ix));
    await putWordIndex(store, scope, 'parted', ix, partBytes);
    await putTimeCells(store, scope, 'cells', cells);
    const whole = store.readDerived(scope, WORD_INDEX_KIND, 'whole')!;
    line('word index', `${mb(whole.length)}, ${ix.words.length} words`);

    // Before parts: the whole index read and decoded on the first search, then the query answered.
    for (const [what, term] of QUERIES) {
      t = performance.now();
      const bytes = store.readDerived(scope, WORD_INDEX_KIND, 'whole')!;
      const read = ms(t);
      const decoded = decodeWordIndex(bytes, 'whole');
      const decodedAt = ms(t);
      const hits = answer([decoded], wordsOf(term), decoded.articles);
      line(`whole: ${what} (${term})`, `read ${read}, +decode ${decodedAt}, +answer ${ms(t)}; ${hits} hits`);
    }
    // Parts: the head, then only the parts the query's words fall in, each first query with an empty cache.
    for (const [what, term] of QUERIES) {
      const cache = new PartCache(64 * WORD_PART_BYTES);
      t = performance.now();
      const open = openWordIndex(store, scope, 'parted', cache)!;
      const head = ms(t);
      const parts = open.partsFor(wordsOf(term));
      const partsAt = ms(t);
      const hits = answer(parts, wordsOf(term), open.articles);
      line(
        `parts: ${what} (${term})`,
        `head ${head}, +${parts.length} parts ${partsAt}, +answer ${ms(t)}; ${hits} hits, ${mb(cache.bytes)} cached`,
      );
    }

    // Time cells: the file read, the decode (numbers viewed in place), then a monthly series of every outlet, twice.
    t = performance.now();
    const cellBytes = store.readDerived(scope, TIME_CELLS, 'cells')!;
    line(
      'time cells: read',
      `${ms(t)} (${mb(cellBytes.length)}, ${cells.days.length} days, ${cells.records.length} numbers)`,
    );
    t = performance.now();
    const back = decodeTimeCells(cellBytes)!;
    line('time cells: decode', ms(t));
    t = performance.now();
    void decodeTimeCells(Buffer.from(encodeTimeCells(cells)));
    line('time cells: encode + decode again', ms(t));
    const g = lexicon.groups[0];
    const request = {
      group: g.id,
      variants: g.variants.map((v) => v.id),
      entities: benchOutlets(OUTLETS).map((o) => ({ id: o.id, members: new Set([o.id]) })),
      bin: 'month' as const,
      filters: { voice: 'all' as const, scope: 'all' as const },
      range: { from: null, to: null },
    };
    for (const which of ['first', 'second']) {
      t = performance.now();
      const s = cellSeries(back, request)!;
      line(`time cells: ${which} monthly series (${g.id})`, `${ms(t)}; ${s.rows.length} rows`);
    }
    rmSync(root, { recursive: true, force: true });
  })();
}

main();
