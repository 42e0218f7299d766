// Drill-downs and the first search, timed in a fresh process on a store made by bench/drill-store.ts (not part of `npm
// run bench`): as the production server answers them (FRAMESCOPE_BACKGROUND_ANALYSIS=1, text not in memory), the
// uncached overview first as a baseline, then a drill-down of about 250 articles and one of about 2,500 (asked as the
// proxy asks until it passes, then read as the page reads it), then the first search of a word and of a pattern with no
// literal head. Prints one JSON line. Usage: FRAMESCOPE_CORPUS_ROOT=<dir> npx tsx bench/drill-search.ts
import { getExport, getBundle, postingsOf, textReady, watchCorpora } from '../lib/server/bundles';
import { drillDown, searchOf } from '../lib/server/dataset';
import { pairKey } from '../lib/store/mentionPostings';
import { positionRanks } from '../lib/server/drillStored';
import { compareArticleIds } from '../lib/view/kwic';
import { openAt, untilPassed } from './lib/proxyAsk';

const open = openAt;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: Math.round(performance.now() - t), value };
}

async function drill(query: string) {
  return timed(async () => {
    const answers = await untilPassed('/', query, 20);
    const d = drillDown(open('/', query));
    return { answers, rows: d?.rows.total ?? 0, articles: d?.rows.articles ?? 0, shown: d?.rows.rows.length ?? 0 };
  });
}

async function search(query: string) {
  return timed(async () => {
    const answers = await untilPassed('/search', query, 20);
    const s = searchOf(open('/search', query));
    return { answers, hits: s?.kwic.counts.reduce((n, c) => n + c.hits, 0) ?? null, rows: s?.kwic.rows.total ?? null };
  });
}

async function main(): Promise<void> {
  const whole = { from: null, to: null, shared: null };
  const first = await timed(async () =>
    getExport({ corpus: 'bench', version: null, voice: 'all', scope: 'all', provenance: 'all', subset: whole }),
  );
  const year = { from: '2014-01-01', to: '2014-12-31', shared: null };
  const uncached = await timed(async () =>
    getExport({ corpus: 'bench', version: null, voice: 'own', scope: 'body', provenance: 'all', subset: year }),
  );
  watchCorpora();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const b = getBundle('bench');
  const p = postingsOf(b);
  if (!p || textReady(b)) throw new Error('the bench corpus has no stored postings, or its text is in memory already');
  // The variant of armed groups whose articles in outlet bench-00 number nearest 250: the small selection.
  const inOutlet = (list: Uint32Array) => list.filter((i) => b.meta.articles[i].outlet === 'bench-00').length;
  const variants = [...p.variants].filter(([k]) => k.startsWith(pairKey('armed-groups', '')));
  const [small] = variants
    .map(([k, list]) => [k.split('\u0000')[1], Math.abs(inOutlet(list) - 250)] as const)
    .sort((x, y) => x[1] - y[1])[0];
  const smallQuery = `corpus=bench&sel=m.bench-00.armed-groups.${encodeURIComponent(small)}`;
  const drillSmall = await drill(smallQuery);
  const drillLarge = await drill('corpus=bench&sel=m.bench-00.armed-groups');
  const drillLargePage3 = await drill('corpus=bench&sel=m.bench-00.armed-groups&page=3');
  const drillSentiment = await drill('corpus=bench&sel=s.bench-01');
  const searchWord = await search('corpus=bench&term=rebels');
  const searchHeadless = await search('corpus=bench&term=*ists');
  const rssMb = Math.round(process.memoryUsage().rss / 1048576);
  // The position order's ranks of 100,000 ids named as the bench names them, in folder (byte) order: what the first
  // search or page of a drill-down at 100,000 articles computes once, by the collator sort (before) and now.
  const ids = Array.from(
    { length: 100_000 },
    (_, i) => `bench-${String(i % 40).padStart(2, '0')}-${i.toString(16).padStart(12, '0')}`,
  ).sort();
  const sorted = await timed(async () => ids.map((_, i) => i).sort((x, y) => compareArticleIds(ids[x], ids[y])));
  const ranked = await timed(async () => positionRanks(ids));
  const out = {
    articles: b.meta.articles.length,
    firstViewMs: first.ms,
    uncachedViewMs: uncached.ms,
    drillSmall: { sel: small, ms: drillSmall.ms, ...drillSmall.value },
    drillLarge: { ms: drillLarge.ms, ...drillLarge.value },
    drillLargePage3: { ms: drillLargePage3.ms, ...drillLargePage3.value },
    drillSentiment: { ms: drillSentiment.ms, ...drillSentiment.value },
    searchWord: { ms: searchWord.ms, ...searchWord.value },
    searchHeadless: { ms: searchHeadless.ms, ...searchHeadless.value },
    ranks100k: {
      collatorSortMs: sorted.ms,
      positionRanksMs: ranked.ms,
      same: ranked.value!.every((r, k) => sorted.value[r] === k),
    },
    rssMb,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}

void main();
