// Where the vocabulary step's memory goes: its phases run one after another on an imported store, with the live heap
// (after a full collection) and the array buffers outside it printed after each, and what each phase holds kept alive
// until the next is measured.
// Usage: node --expose-gc --import tsx bench/vocabulary-phases.ts <corpus root> [corpus id]
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { loadCorpus } from '../lib/corpus/load';
import { articleKey, lexiconKey } from '../lib/store/keys';
import { storeAt } from '../lib/store/current';
import { versionTable, versionWordLists } from '../lib/store/vocabularyJob';
import { wordIndexParts } from '../lib/vocabulary/indexParts';

function live(label: string, articles: number): void {
  (globalThis as { gc?: () => void }).gc?.();
  const heap = getHeapStatistics().used_heap_size / 2 ** 20;
  const buffers = process.memoryUsage().arrayBuffers / 2 ** 20;
  const kb = ((heap + buffers) * 1024) / articles;
  console.log(
    `${label.padEnd(28)} heap ${heap.toFixed(0)} MB, buffers ${buffers.toFixed(0)} MB, ${kb.toFixed(1)} KB/article`,
  );
}

const root = process.argv[2];
const id = process.argv[3] ?? 'bench';
if (!root) throw new Error('usage: bench/vocabulary-phases.ts <corpus root> [corpus id]');
live('start', 1);
const corpus = loadCorpus(path.join(root, id));
const n = corpus.articles.length;
live('corpus loaded', n);
const store = storeAt(path.join(root, '.store'));
// The largest live memory seen right after each read of analyses (while the read chunk is held), per phase.
let peak = 0;
const read = store.read.bind(store);
store.read = (sc, arts, ks) => {
  const out = read(sc, arts, ks);
  (globalThis as { gc?: () => void }).gc?.();
  peak = Math.max(peak, getHeapStatistics().used_heap_size + process.memoryUsage().arrayBuffers);
  return out;
};
const peakOf = (label: string) => {
  console.log(`  peak in ${label}: ${(peak / 2 ** 20).toFixed(0)} MB, ${(peak / 1024 / n).toFixed(1)} KB/article`);
  peak = 0;
};
const scope = { corpus: id, lexicon: lexiconKey(corpus.lexicon) };
const keys = corpus.articles.map(articleKey);
live('keys', n);
const made = versionTable(store, scope, corpus, keys, null);
live('table (counts kept)', n);
peakOf('table');
const lists = versionWordLists(store, scope, corpus, keys);
live('word lists (table kept)', n);
peakOf('word index');
// The parts as the step stores them: each one cut, counted and let go.
let parts = 0;
let bytes = 0;
for (const part of wordIndexParts(lists)) {
  parts++;
  bytes += part.length;
}
live('parts cut (table kept)', n);
console.log(`table rows ${made.table.terms.size}, words ${lists.words.length}, parts ${parts} (${bytes} bytes)`);
