// The first drill-down after a restart and the first search of a pattern with no literal head, timed in a fresh process
// on a store made by bench/drill-store.ts (not part of `npm run bench`), as the production server answers them: asked
// as the proxy asks until it lets the view render, then read as the page reads it. For each: the time until answered,
// the loading answers it got, the longest single ask (what one request waited) and the longest the event loop was held
// meanwhile (what any other request waited at most). The drill-down is asked on the turn after the first view, before
// the bundle's warm-up could run, or after `--wait-ms` idle. Prints one JSON line.
// Usage: FRAMESCOPE_CORPUS_ROOT=<dir> FRAMESCOPE_BACKGROUND_ANALYSIS=1 npx tsx bench/request-stalls.ts [--wait-ms 1500]
import { getExport, watchCorpora } from '../lib/server/bundles';
import { drillDown, searchOf, textOf } from '../lib/server/dataset';
import { isAnalysing } from '../lib/store/prepare';
import { openAt } from './lib/proxyAsk';
import { numberFlag } from './lib/storeBench';

interface Asked {
  ms: number;
  loadingAnswers: number;
  firstAskMs: number;
  longestAskMs: number;
  readMs: number;
  maxStallMs: number;
}

// Asks `pathname?query` as the proxy does every `pollMs` until it passes, then `read` as the page does; times each ask
// and meters the event loop every 5 ms meanwhile, the asks' own time left out (the longest hold by anything else: the
// background steps, the warm-ups).
async function asked(pathname: string, query: string, read: () => void, pollMs = 20): Promise<Asked> {
  let maxStallMs = 0;
  let tick = performance.now();
  let askedSinceTick = 0;
  const meter = setInterval(() => {
    const now = performance.now();
    maxStallMs = Math.max(maxStallMs, now - tick - askedSinceTick);
    tick = now;
    askedSinceTick = 0;
  }, 5);
  const t0 = performance.now();
  const asks: number[] = [];
  let loadingAnswers = 0;
  const ask = (fn: () => void) => {
    const t = performance.now();
    try {
      fn();
    } finally {
      asks.push(performance.now() - t);
      askedSinceTick += asks[asks.length - 1];
    }
  };
  for (;;) {
    try {
      ask(() => textOf(pathname, new URLSearchParams(query)));
      break;
    } catch (e) {
      if (!isAnalysing(e)) throw e;
      loadingAnswers++;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
  ask(read);
  const ms = performance.now() - t0;
  clearInterval(meter);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    ms: round(ms),
    loadingAnswers,
    firstAskMs: round(asks[0]),
    longestAskMs: round(Math.max(...asks)),
    readMs: round(asks[asks.length - 1]),
    maxStallMs: round(maxStallMs),
  };
}

async function main(): Promise<void> {
  const whole = { from: null, to: null, shared: null };
  const t = performance.now();
  getExport({ corpus: 'bench', version: null, voice: 'all', scope: 'all', provenance: 'all', subset: whole });
  const firstViewMs = Math.round(performance.now() - t);
  watchCorpora();
  const waitMs = numberFlag(process.argv, '--wait-ms') ?? 0;
  if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
  const drillQuery = 'corpus=bench&sel=m.bench-00.armed-groups';
  let rows = 0;
  const drill = await asked('/', drillQuery, () => {
    rows = drillDown(openAt('/', drillQuery))?.rows.total ?? 0;
  });
  // As between a user's requests: the warm-ups run.
  await new Promise((r) => setTimeout(r, 1500));
  const searchQuery = 'corpus=bench&term=*ists';
  let hits = 0;
  const headless = await asked('/search', searchQuery, () => {
    hits = searchOf(openAt('/search', searchQuery))?.kwic.counts.reduce((n, c) => n + c.hits, 0) ?? 0;
  });
  const out = {
    firstViewMs,
    waitMs,
    firstDrillDown: { ...drill, rows },
    firstHeadlessSearch: { ...headless, hits },
    rssMb: Math.round(process.memoryUsage().rss / 1048576),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}

void main();
