import { DRILL_COUNTS, DRILL_COUNTS_TAG } from './drillCounts';
import { storedHead, storedWords } from './jsonHeadedRanges';
import { OPTION_SETS } from './mentionPostings';
import type { AnalysisStore, StoreScope } from './types';

/**
 * A version's stored drill-down counts (lib/store/drillCounts.ts) with only their header kept: the list keys, and where
 * each list lies in the file. A drill-down reads the few lists it sums from the store (a few kilobytes to megabytes),
 * so a server keeps a few kilobytes per version instead of every list (about 400 bytes per article).
 */
export interface StoredDrillCounts {
  articles: number;
  /** Every list's key, in stored (sorted) order. */
  keys: readonly string[];
  /**
   * The positions and counts of the lists under `keys` (a key with no list is left out), read from the store; null when
   * the file is gone, changed since its header was read, or a list names an article past the last.
   */
  lists(keys: readonly string[]): { at: Uint32Array; counts: Uint32Array }[] | null;
}

/**
 * Opens a version's stored drill-down counts by reading their header alone; null when none are stored or they are not
 * readable as counts (as readDrillCounts answers then: the drill-down is read as before).
 */
export function openDrillCounts(store: AnalysisStore, scope: StoreScope, key: string): StoredDrillCounts | null {
  const where = `${scope.corpus}/${DRILL_COUNTS}-${key}`;
  const bad = (why: string) => new Error(`${where}: not readable as drill-down counts (${why})`);
  let head;
  try {
    head = storedHead(store, scope, DRILL_COUNTS, key, DRILL_COUNTS_TAG, bad);
  } catch {
    return null;
  }
  if (!head) return null;
  const h = head.header as { articles?: unknown; lists?: unknown } | null;
  const articles = h?.articles;
  const lists = h?.lists;
  if (!Number.isInteger(articles) || !Array.isArray(lists)) return null;
  // Each list: its positions (n words) then OPTION_SETS.length counts per position, in header order.
  const per = 1 + OPTION_SETS.length;
  const place = new Map<string, { offset: number; n: number }>();
  let words = 0;
  for (const l of lists as unknown[]) {
    if (!Array.isArray(l) || typeof l[0] !== 'string' || !Number.isInteger(l[1]) || l[1] < 0) return null;
    place.set(l[0], { offset: head.after + words * 4, n: l[1] });
    words += l[1] * per;
  }
  // Sizes checked as the whole decoder does: a file longer or shorter than its header says is not read.
  if (head.after + words * 4 !== head.size) return null;
  const size = head.size;
  return {
    articles: articles as number,
    keys: [...place.keys()],
    lists(keys) {
      const out: { at: Uint32Array; counts: Uint32Array }[] = [];
      for (const k of keys) {
        const p = place.get(k);
        if (!p) continue;
        const read = storedWords(store, scope, DRILL_COUNTS, key, p.offset, p.n * per);
        if (!read || store.derivedHead(scope, DRILL_COUNTS, key, 0)?.size !== size) return null;
        const at = read.subarray(0, p.n);
        if (at.some((i) => i >= (articles as number))) return null;
        out.push({ at, counts: read.subarray(p.n) });
      }
      return out;
    },
  };
}
