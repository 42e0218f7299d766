import path from 'node:path';
import type { DateRange } from '../analysis/filters';
import { derivedName } from '../store/derived';
import { scopeFolder } from '../store/files';
import { sqlCellSeries } from '../store/pgCells';
import { databaseUrl, ready } from '../store/pgClient';
import { TALLIES, talliesKey } from '../store/tallies';
import { currentStore } from '../store/current';
import { TIME_CELLS, timeCellsGroups } from '../store/timeCells';
import type { Bin, Period } from '../time/bin';
import type { SeriesRequest, TimeRow } from '../time/series';
import type { Bundle } from './bundles';

// Each bundle's time cells' key once computed (it hashes every article's date).
const KEYS = Symbol.for('framescope.timeCellsKeys');
const keys = ((globalThis as Record<symbol, unknown>)[KEYS] ??= new WeakMap()) as WeakMap<Bundle, string>;

function keyOf(b: Pick<Bundle, 'storeKey' | 'meta'> & { storeKey: NonNullable<Bundle['storeKey']> }): string {
  let key = keys.get(b as Bundle);
  if (key === undefined) {
    key = talliesKey(
      b.storeKey.version,
      b.meta.articles.map((a) => a.date),
    );
    keys.set(b as Bundle, key);
  }
  return key;
}

/** The store path of a bundle's time cells (as the PostgreSQL store names their file and rows), or null without a store. */
export function timeCellsPath(b: Pick<Bundle, 'storeKey' | 'meta'>): string | null {
  if (!b.storeKey) return null;
  return path.posix.join(scopeFolder(b.storeKey.scope), derivedName(TIME_CELLS, keyOf({ ...b, storeKey: b.storeKey })));
}

/** The store path of a bundle's tallies (keyed as its time cells are), or null without a store. */
export function talliesPath(b: Pick<Bundle, 'storeKey' | 'meta'>): string | null {
  if (!b.storeKey) return null;
  return path.posix.join(scopeFolder(b.storeKey.scope), derivedName(TALLIES, keyOf({ ...b, storeKey: b.storeKey })));
}

/**
 * Whether a PostgreSQL-backed server will sum this group's series in SQL: the store is PostgreSQL and the version's
 * stored cells hold the group with exactly these variants, read from the cells' header alone (so the check that
 * decides whether a view waits reads no cells into memory). False on the files backend.
 */
export function sqlWillSum(b: Pick<Bundle, 'storeKey' | 'meta'>, group: string, variants: readonly string[]): boolean {
  if (!databaseUrl() || !b.storeKey) return false;
  const groups = timeCellsGroups(currentStore(), b.storeKey.scope, keyOf({ ...b, storeKey: b.storeKey }));
  const held = groups?.find((g) => g.id === group)?.variants;
  return held !== undefined && held.length === variants.length && held.every((v, i) => v === variants[i]);
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
