import { fileStore, STORE_ROOT } from './files';
import { pgStore } from './pg';
import { databaseUrl } from './pgClient';
import type { AnalysisStore } from './types';

let store: { url: string | null; store: AnalysisStore } | null = null;

/**
 * The store this process reads and writes: PostgreSQL (through this instance's replica) when DATABASE_URL is set, else
 * the embedded file store under STORE_ROOT. Made again if DATABASE_URL changes (tests point one process at several).
 */
export function currentStore(): AnalysisStore {
  const url = databaseUrl();
  if (!store || store.url !== url) store = { url, store: storeAt(STORE_ROOT) };
  return store.store;
}

/** The current backend on a given store root (workers open their own instance on the root they were given). */
export function storeAt(root: string): AnalysisStore {
  const url = databaseUrl();
  return url ? pgStore(url, root) : fileStore(root);
}

/** Where the current store keeps its files (workers open their own instance on it). */
export { STORE_ROOT };

/**
 * Whether views must never analyse: set by the production server (scripts/serve.ts), where missing analyses are made
 * by workers in the background while the previous version serves. Elsewhere (tests, `next dev`, scripts) a view
 * analyses what the store lacks itself, in memory, without writing.
 */
export function backgroundOnly(): boolean {
  return process.env.FRAMESCOPE_BACKGROUND_ANALYSIS === '1';
}
