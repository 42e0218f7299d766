// A restart, measured (bench/lib/storeBench.ts runs it in a fresh process): the first view of the bench corpus read
// from the store, then a view no cache holds (own voice, one year), and the process's RSS; then, through the data
// door as a page asks, a date-filtered overview (another year, uncached) and a time-series answer (one term group, five
// outlets, by month: the first view that reads the articles' text and analyses), and the RSS after. Prints one JSON
// line.
import { getExport } from '../lib/server/bundles';
import { openView, timeseriesOf } from '../lib/server/dataset';

const t0 = performance.now();
const whole = { from: null, to: null, shared: null };
getExport({ corpus: 'bench', version: null, voice: 'all', scope: 'all', provenance: 'all', subset: whole });
const firstViewMs = performance.now() - t0;
const t1 = performance.now();
const year = { from: '2014-01-01', to: '2014-12-31', shared: null };
getExport({ corpus: 'bench', version: null, voice: 'own', scope: 'body', provenance: 'all', subset: year });
const uncachedViewMs = performance.now() - t1;
const rssMb = process.memoryUsage().rss / 1048576;

const t2 = performance.now();
const dated = openView('/', { corpus: 'bench', from: '2015-01-01', to: '2015-12-31' });
if (!dated.ok) throw new Error(`the date-filtered overview was refused: ${JSON.stringify(dated.problems)}`);
const dateViewMs = performance.now() - t2;

const t3 = performance.now();
const outlets = ['bench-00', 'bench-01', 'bench-02', 'bench-03', 'bench-04'].join(',');
const time = openView('/time', { corpus: 'bench', group: 'islamic-state', outlets, bin: 'month' });
if (!time.ok) throw new Error(`the time view was refused: ${JSON.stringify(time.problems)}`);
const series = timeseriesOf(time.view);
if (!series || series.rows.length === 0) throw new Error('the time series of the bench corpus is empty');
const timeSeriesMs = performance.now() - t3;

console.log(
  JSON.stringify({
    firstViewMs,
    uncachedViewMs,
    rssMb,
    dateViewMs,
    timeSeriesMs,
    rssAfterTimeSeriesMb: process.memoryUsage().rss / 1048576,
  }),
);
