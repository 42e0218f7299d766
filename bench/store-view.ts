// A restart, measured (bench/lib/storeBench.ts runs it in a fresh process): the first view of the bench corpus read
// from the store, then a view no cache holds (own voice, one year), and the process's RSS; then, through the data
// door as a page asks, a date-filtered overview (another year, uncached), the explorer's default answer (read from
// the stored vocabulary table), a search (made on a worker, as the server does: asked again until ready), and a
// time-series answer (one term group, five outlets, by month: summed from the stored time cells; a store without them
// reads the articles' text and analyses in the background while it is answered "loading", as the proxy does), whether
// it read the text, and the RSS after. Before the time series, a drill-down and an outlet page, which read only the
// articles they show, and the provenance pages (stored summary and article records); after it, the corpus provenance
// page read from the whole provenance (the path before the stored summary). Prints one JSON line.
import { getBundle, getExport, provenanceOf, textReady, watchCorpora } from '../lib/server/bundles';
import {
  articleProvenanceOf,
  articlesOf,
  corpusProvenanceOf,
  drillDown,
  pendingOf,
  searchOf,
  textOf,
  timeseriesOf,
  vocabularyOf,
} from '../lib/server/dataset';
import { isAnalysing } from '../lib/store/prepare';
import { openAt, untilPassed } from './lib/proxyAsk';

const open = openAt;

// The proxy's checks of a provenance page (text, then provenance), asked until they let it render; returns how many
// waiting answers it got.
async function untilProvenance(pathname: string, query: string, route: string): Promise<number> {
  for (let answers = 0; ; answers++) {
    try {
      textOf(pathname, new URLSearchParams(query));
      provenanceOf(new URLSearchParams(query), route);
      return answers;
    } catch (e) {
      if (!isAnalysing(e)) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const whole = { from: null, to: null, shared: null };
  getExport({ corpus: 'bench', version: null, voice: 'all', scope: 'all', provenance: 'all', subset: whole });
  const firstViewMs = performance.now() - t0;
  const t1 = performance.now();
  const year = { from: '2014-01-01', to: '2014-12-31', shared: null };
  getExport({ corpus: 'bench', version: null, voice: 'own', scope: 'body', provenance: 'all', subset: year });
  const uncachedViewMs = performance.now() - t1;
  const rssMb = process.memoryUsage().rss / 1048576;
  // From here on as the server runs: its watcher rescans the folders off the request, so a view never scans the 100,000
  // article files itself (without it, a view asked more than RESCAN_MS after the last scan did, adding 0.5 s at 100k).
  watchCorpora();
  // And, as between a user's requests, the event loop is given a moment: the store's warm-up (its segment headers, read
  // in steps after the bundle is built) runs then, as it does in a server between the first view and the next request.
  await new Promise((resolve) => setTimeout(resolve, 1500));

  const t2 = performance.now();
  open('/', 'corpus=bench&from=2015-01-01&to=2015-12-31');
  const dateViewMs = performance.now() - t2;

  const t3 = performance.now();
  const rows = vocabularyOf(open('/vocabulary', 'corpus=bench&outlets=bench-00'))!.answer.rows.length;
  const explorerMs = performance.now() - t3;

  const t4 = performance.now();
  const query = 'corpus=bench&term=rebels';
  // As the proxy asks: a search the stored word index answers may read its articles in the background meanwhile.
  await untilPassed('/search', query);
  let pending = pendingOf(open('/search', query));
  while (pending?.counting) {
    await new Promise((r) => setTimeout(r, 100));
    pending = pendingOf(open('/search', query));
  }
  // A search past its budget (at 100,000 articles) is a figure too: the time until it was refused, marked refused, so
  // the explorer, time-series and memory figures of the same run are not lost with it.
  const searchRefused = Boolean(pending);
  const hits = searchRefused ? null : searchOf(open('/search', query))!.kwic.counts.reduce((s, c) => s + c.hits, 0);
  const searchMs = performance.now() - t4;
  // A very common word, its first page (position order): from the word index, reading only that page's articles.
  const tCommon = performance.now();
  await untilPassed('/search', 'corpus=bench&term=the');
  const commonRows = searchOf(open('/search', 'corpus=bench&term=the'))!.kwic.unfiltered;
  const searchCommonMs = performance.now() - tCommon;

  // A drill-down (one outlet's labels of armed groups) and an outlet page's article list, before any view read the
  // whole text: as the proxy asks, then as the page reads them (from the stored mention postings, reading only the
  // articles the selection names; a selection over FRAMESCOPE_DRILL_HERE_ARTICLES answers "loading" meanwhile).
  const t6 = performance.now();
  const drillQuery = 'corpus=bench&sel=m.bench-00.armed-groups';
  const drillLoadingAnswers = await untilPassed('/', drillQuery);
  const drill = drillDown(open('/', drillQuery));
  const drillDownMs = performance.now() - t6;
  const rssAfterDrillDownMb = process.memoryUsage().rss / 1048576;
  const t7 = performance.now();
  await untilPassed('/outlet/bench-01', 'corpus=bench');
  const outletArticles = articlesOf(open('/outlet/bench-01', 'corpus=bench'), 'bench-01').length;
  const outletPageMs = performance.now() - t7;

  // The provenance pages, before any view read the whole text: the corpus page with one outlet chosen (its stored
  // summary) and the first listed article's page (its stored record, it and its partners read alone).
  const t8 = performance.now();
  const provQuery = 'corpus=bench&outlets=bench-01';
  const provenancePageAnswers = await untilProvenance('/provenance', provQuery, 'provenance');
  const provenanceArticles = corpusProvenanceOf(open('/provenance', provQuery)).articles;
  const provenancePageMs = performance.now() - t8;
  const t9 = performance.now();
  const first = provenanceArticles[0].id;
  const articleProvenanceAnswers = await untilProvenance(`/provenance/${first}`, 'corpus=bench', 'article-provenance');
  const partners = articleProvenanceOf(open(`/provenance/${first}`, 'corpus=bench'), first)!.partners.length;
  const articleProvenanceMs = performance.now() - t9;
  const rssAfterProvenanceMb = process.memoryUsage().rss / 1048576;

  const t5 = performance.now();
  const outlets = ['bench-00', 'bench-01', 'bench-02', 'bench-03', 'bench-04'].join(',');
  const timeQuery = `corpus=bench&group=islamic-state&outlets=${outlets}&bin=month`;
  // As the server's proxy does: the text and analyses are read in the background while the view is answered 503
  // ("loading"), asked again until it passes. The longest the event loop was held meanwhile is what every other
  // request would have waited at most.
  let loadingAnswers = 0;
  let maxStallMs = 0;
  let tick = performance.now();
  const meter = setInterval(() => {
    const now = performance.now();
    maxStallMs = Math.max(maxStallMs, now - tick);
    tick = now;
  }, 5);
  for (;;) {
    try {
      textOf('/time', new URLSearchParams(timeQuery));
      break;
    } catch (e) {
      if (!isAnalysing(e)) throw e;
      loadingAnswers++;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  clearInterval(meter);
  const series = timeseriesOf(open('/time', timeQuery));
  if (!series || series.rows.length === 0) throw new Error('the time series of the bench corpus is empty');
  const timeSeriesMs = performance.now() - t5;
  // Taken here: the whole-provenance page after it reads the text and grows the heap.
  const timeSeriesReadText = textReady(getBundle('bench'));
  const rssAfterTimeSeriesMb = process.memoryUsage().rss / 1048576;

  // What the corpus provenance page cost before the stored summary: the whole provenance decoded against every
  // analysis (a view filtered by provenance still reads it), after the time series read the text.
  const t10 = performance.now();
  const wholeQuery = `${provQuery}&provenance=original`;
  await untilProvenance('/provenance', wholeQuery, 'provenance');
  corpusProvenanceOf(open('/provenance', wholeQuery));
  const wholeProvenancePageMs = performance.now() - t10;

  console.log(
    JSON.stringify({
      firstViewMs,
      uncachedViewMs,
      rssMb,
      dateViewMs,
      explorerMs,
      explorerRows: rows,
      searchMs,
      searchHits: hits,
      searchCommonMs,
      searchCommonRows: commonRows,
      searchRefused,
      timeSeriesMs,
      timeSeriesLoadingAnswers: loadingAnswers,
      timeSeriesMaxStallMs: maxStallMs,
      // In the production mode textReady is true only once the text and analyses were read into memory.
      timeSeriesReadText,
      rssAfterTimeSeriesMb,
      drillDownMs,
      drillDownRows: drill?.rows.total ?? 0,
      drillDownArticles: drill?.rows.articles ?? 0,
      drillDownLoadingAnswers: drillLoadingAnswers,
      rssAfterDrillDownMb,
      outletPageMs,
      outletArticles,
      provenancePageMs,
      provenancePageAnswers,
      articleProvenanceMs,
      articleProvenanceAnswers,
      articleProvenancePartners: partners,
      rssAfterProvenanceMb,
      wholeProvenancePageMs,
      rssAfterWholeProvenanceMb: process.memoryUsage().rss / 1048576,
    }),
  );
  // The search worker and store handles would keep the process alive a moment longer; the figures are out.
  process.exit(0);
}

void main();
