// What the production server holds after each view of bench/store-view.ts, on a store made by the bench (a corpus root
// whose corpus `bench` was imported with the CLI): the views are asked in the same order, and after each the heap is
// collected (run with --expose-gc) and the process's RSS, JS heap, external and array-buffer bytes are printed, so two
// sizes give the per-article slope of each (the watcher's folder scan runs meanwhile, as in a server). Then the bytes the
// drill-down's stored inputs keep in memory (postings, sentence kinds, drill-down counts), measured from the objects;
// with --snapshot, a heap snapshot after the last view (to name the other holders).
// Build a store: bench/lib/storeBench.ts benchImportInput, then scripts/import.ts into it (as storeBench does).
// Usage: FRAMESCOPE_CORPUS_ROOT=<dir> FRAMESCOPE_BACKGROUND_ANALYSIS=1 node --expose-gc --import tsx \
//   bench/server-memory.ts [--snapshot <file>]
import { writeHeapSnapshot } from 'node:v8';
import { getBundle, getExport, postingsOf, provenanceOf, sentenceKindsOf, watchCorpora } from '../lib/server/bundles';
import {
  articleProvenanceOf,
  articlesOf,
  corpusProvenanceOf,
  drillDown,
  searchOf,
  textOf,
  timeseriesOf,
  vocabularyOf,
} from '../lib/server/dataset';
import { drillCountsOf } from '../lib/server/drillStored';
import type { MentionPostings } from '../lib/store/mentionPostings';
import { isAnalysing } from '../lib/store/prepare';
import { openAt as open, untilPassed } from './lib/proxyAsk';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc so each figure is what stays after a full collection');

interface Point {
  step: string;
  rssMb: number;
  heapMb: number;
  externalMb: number;
  arrayBuffersMb: number;
}
const points: Point[] = [];
const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
async function mark(step: string): Promise<void> {
  // Twice, with a turn between: weak caches and finalizers release on the second.
  gc!();
  await new Promise((r) => setImmediate(r));
  gc!();
  const m = process.memoryUsage();
  points.push({
    step,
    rssMb: mb(m.rss),
    heapMb: mb(m.heapUsed),
    externalMb: mb(m.external),
    arrayBuffersMb: mb(m.arrayBuffers),
  });
}

async function untilProvenance(pathname: string, query: string, route: string): Promise<void> {
  for (;;) {
    try {
      textOf(pathname, new URLSearchParams(query));
      provenanceOf(new URLSearchParams(query), route);
      return;
    } catch (e) {
      if (!isAnalysing(e)) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

// The bytes of a map of typed arrays: its arrays' own and its keys' (two bytes per character, as V8 may hold them).
function mapBytes(m: ReadonlyMap<string, ArrayBufferView>): number {
  let n = 0;
  for (const [k, v] of m) n += v.byteLength + 2 * k.length;
  return n;
}

// The bytes of mention postings' lists held in memory.
function heldPostings(p: MentionPostings): number {
  return mapBytes(p.variants) + mapBytes(p.actors) + mapBytes(p.tone);
}

// The bytes of drill-down count lists held in memory.
type HeldLists = Map<string, { at: Uint32Array; counts: Uint32Array }>;
function heldLists(lists: HeldLists): number {
  let n = 0;
  for (const [k, l] of lists) n += l.at.byteLength + l.counts.byteLength + 2 * k.length;
  return n;
}

// The bytes of sentence kinds held whole: their arrays and ids.
type HeldKinds = { ids: string[]; first: Uint32Array; starts: Uint32Array; ends: Uint32Array; kinds: Uint8Array };
function heldKinds(k: HeldKinds): number {
  const arrays = k.first.byteLength + k.starts.byteLength + k.ends.byteLength + k.kinds.byteLength;
  return arrays + k.ids.reduce((n, id) => n + 2 * id.length, 0);
}

async function main(): Promise<void> {
  await mark('start');
  const whole = { from: null, to: null, shared: null };
  getExport({ corpus: 'bench', version: null, voice: 'all', scope: 'all', provenance: 'all', subset: whole });
  const year = { from: '2014-01-01', to: '2014-12-31', shared: null };
  getExport({ corpus: 'bench', version: null, voice: 'own', scope: 'body', provenance: 'all', subset: year });
  await mark('first views');
  watchCorpora();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await mark('warm-ups');
  open('/', 'corpus=bench&from=2015-01-01&to=2015-12-31');
  await mark('date view');
  vocabularyOf(open('/vocabulary', 'corpus=bench&outlets=bench-00'));
  await mark('explorer');
  for (const query of ['corpus=bench&term=rebels', 'corpus=bench&term=the']) {
    await untilPassed('/search', query);
    searchOf(open('/search', query));
    await mark(`search ${query.split('=').pop()}`);
  }
  const drillQuery = 'corpus=bench&sel=m.bench-00.armed-groups';
  await untilPassed('/', drillQuery);
  drillDown(open('/', drillQuery));
  await mark('drill-down');
  await untilPassed('/outlet/bench-01', 'corpus=bench');
  articlesOf(open('/outlet/bench-01', 'corpus=bench'), 'bench-01');
  await mark('outlet page');
  const provQuery = 'corpus=bench&outlets=bench-01';
  await untilProvenance('/provenance', provQuery, 'provenance');
  const first = corpusProvenanceOf(open('/provenance', provQuery)).articles[0].id;
  await untilProvenance(`/provenance/${first}`, 'corpus=bench', 'article-provenance');
  articleProvenanceOf(open(`/provenance/${first}`, 'corpus=bench'), first);
  await mark('provenance pages');
  const outlets = 'bench-00,bench-01,bench-02,bench-03,bench-04';
  const timeQuery = `corpus=bench&group=islamic-state&outlets=${outlets}&bin=month`;
  await untilPassed('/time', timeQuery);
  timeseriesOf(open('/time', timeQuery));
  await mark('time series');

  const b = getBundle('bench');
  const p = postingsOf(b);
  const k = sentenceKindsOf(b);
  const c = drillCountsOf(b);
  const holders = {
    articles: b.meta.articles.length,
    // Every list held before lib/store/mentionPostingsRanges.ts (maps), the summary alone since (lists read when got).
    postingsMb: p && mb(p.summary.byteLength + (p.variants instanceof Map ? heldPostings(p) : 0)),
    // Held whole before lib/store/sentenceKindsRanges.ts, then an article's spans when it is marked.
    sentenceKindsMb: k && 'starts' in k ? mb(heldKinds(k as unknown as HeldKinds)) : 0,
    // Held whole before lib/store/drillCountsRanges.ts (a map of lists), a header and a reader since.
    drillCountsMb: c && (c.lists instanceof Map ? mb(heldLists(c.lists as unknown as HeldLists)) : 0),
  };
  const at = process.argv.indexOf('--snapshot');
  if (at > 0) writeHeapSnapshot(process.argv[at + 1]);
  console.log(JSON.stringify({ points, holders }));
  process.exit(0);
}

void main();
