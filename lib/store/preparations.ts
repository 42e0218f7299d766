// The registry of corpus preparations (lib/store/prepare.ts runs them): its own module, so the store's writers can ask
// whether a corpus is being prepared without importing what prepares it.

/** A corpus whose missing analyses (and provenance) are being made in the background. */
export interface Preparation {
  corpus: string;
  /** The corpus data version (bundles.ts fingerprint) it was started for. */
  version: string;
  done: number;
  total: number;
  /**
   * What it is making now: the analyses, then the version's tallies, then its provenance. Views that do not need
   * provenance serve once the tallies are stored, while the provenance is still being made.
   */
  stage?: 'analyses' | 'tallies' | 'provenance';
  /** Why it failed; null while running or after success. */
  error: string | null;
  finished: boolean;
}

/** Every corpus preparation of this process, running or last finished, by corpus. */
// Kept on globalThis: the production server's own modules and Next's bundled copy of this file share one process, and
// must see the same preparations (one background job per corpus, not one per copy).
const KEY = Symbol.for('framescope.preparations');
export const registry: Map<string, Preparation> = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map()) as Map<
  string,
  Preparation
>;

/** The preparation of a corpus, running or last finished, if any. */
export function preparationOf(corpus: string): Preparation | undefined {
  return registry.get(corpus);
}

/** Whether a preparation of the corpus is running in this process (a version recorded meanwhile does not prune). */
export function isPreparing(corpus: string): boolean {
  const p = registry.get(corpus);
  return p !== undefined && !p.finished;
}
