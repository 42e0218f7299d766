// A restart, measured (bench/lib/storeBench.ts runs it in a fresh process): the first view of the bench corpus read
// from the store, then a view no cache holds (own voice, one year), and the process's RSS. Prints one JSON line.
import { getExport } from '../lib/server/bundles';

const t0 = performance.now();
const whole = { from: null, to: null, shared: null };
getExport({ corpus: 'bench', version: null, voice: 'all', scope: 'all', provenance: 'all', subset: whole });
const firstViewMs = performance.now() - t0;
const t1 = performance.now();
const year = { from: '2014-01-01', to: '2014-12-31', shared: null };
getExport({ corpus: 'bench', version: null, voice: 'own', scope: 'body', provenance: 'all', subset: year });
const uncachedViewMs = performance.now() - t1;
console.log(JSON.stringify({ firstViewMs, uncachedViewMs, rssMb: process.memoryUsage().rss / 1048576 }));
