import { fileStore, STORE_ROOT } from './files';
import { pgStore } from './pg';
import { databaseUrl } from './pgClient';
import type { AnalysisStore } from './types';

let store: AnalysisStore | null = null;

/**
 * The store this process reads and writes: PostgreSQL (through this instance's replica) when DATABASE_URL is set, else
 * the embedded file store under STORE_ROOT.
 */
export function currentStore(): AnalysisStore {
  return (store ??= storeAt(STORE_ROOT));
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
