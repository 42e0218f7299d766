import type { ClusterView } from '../analysis/tallies';
import { databaseUrl, ready } from '../store/pgClient';
import { sqlRangeTallies } from '../store/pgTallies';
import { keepRangeExport, rangeExportWanted, type ExportQuery } from './bundles';
import { talliesPath } from './seriesSql';

let warned = false;

/**
 * On a PostgreSQL-backed server, sums the per-outlet tallies of an export's date range in SQL from the version's
 * tallies rows (lib/store/pgTallies.ts: one query for the range, voice and scope) and keeps the export made from them,
 * so the view that follows reads no stored year or month block into this server's memory. True when it did; false
 * when the store is not PostgreSQL, the export is of the whole text, another provenance option or "same stories", is
 * made already, or the rows cannot answer (none stored for the version, a range that cuts a month): then getExport sums
 * in JS, with the same numbers. A database that fails is said once in the log and answered in JS.
 */
export async function sqlOverview(q: ExportQuery): Promise<boolean> {
  const url = databaseUrl();
  if (!url) return false;
  const b = rangeExportWanted(q);
  const rel = b && talliesPath(b);
  if (!b || !rel) return false;
  try {
    const byOutlet = await sqlRangeTallies(await ready(url), rel, q.subset, `${q.voice}/${q.scope}` as ClusterView);
    if (!byOutlet) return false;
    keepRangeExport(b, q, byOutlet);
    return true;
  } catch (e) {
    if (!warned) console.warn(`overview summed in JS: PostgreSQL could not sum its tallies (${(e as Error).message})`);
    warned = true;
    return false;
  }
}
