import path from 'node:path';
import type { DateRange } from '../analysis/filters';
import { derivedName } from '../store/derived';
import { scopeFolder } from '../store/files';
import { sqlCellSeries } from '../store/pgCells';
import { databaseUrl, ready } from '../store/pgClient';
import { talliesKey } from '../store/tallies';
import { TIME_CELLS } from '../store/timeCells';
import type { Bin, Period } from '../time/bin';
import type { SeriesRequest, TimeRow } from '../time/series';
import type { Bundle } from './bundles';

// Each bundle's time cells' store path once computed (the key hashes every article's date).
const PATHS = Symbol.for('framescope.timeCellsPaths');
const paths = ((globalThis as Record<symbol, unknown>)[PATHS] ??= new WeakMap()) as WeakMap<Bundle, string>;

/** The store path of a bundle's time cells (as the PostgreSQL store names their file and rows), or null without a store. */
export function timeCellsPath(b: Pick<Bundle, 'storeKey' | 'meta'>): string | null {
  if (!b.storeKey) return null;
  const hit = paths.get(b as Bundle);
  if (hit) return hit;
  const key = talliesKey(
    b.storeKey.version,
    b.meta.articles.map((a) => a.date),
  );
  const rel = path.posix.join(scopeFolder(b.storeKey.scope), derivedName(TIME_CELLS, key));
  paths.set(b as Bundle, rel);
  return rel;
}

let warned = false;

/**
 * A bundle's series summed by PostgreSQL from its time cells' rows (lib/store/pgCells.ts), or null when the store is
 * not PostgreSQL, or its rows cannot answer (none stored for this version, another lexicon's group): then the caller
 * sums the cells in JS, which gives the same rows. A database that fails is said once in the log and answered in JS
 * from this instance's replica, which holds the same cells.
 */
export async function sqlSeriesOf(
  b: Pick<Bundle, 'storeKey' | 'meta'>,
  request: Omit<SeriesRequest, 'bin'>,
  range: DateRange,
  binOf: (first: string | undefined, last: string | undefined) => Bin,
): Promise<{ bin: Bin; periods: Period[]; rows: TimeRow[] } | null> {
  const url = databaseUrl();
  const rel = url && timeCellsPath(b);
  if (!url || !rel) return null;
  try {
    return await sqlCellSeries(await ready(url), rel, { ...request, range }, binOf);
  } catch (e) {
    if (!warned) console.warn(`time series summed in JS: PostgreSQL could not sum them (${(e as Error).message})`);
    warned = true;
    return null;
  }
}
