import { storedHead, storedWords } from './jsonHeadedRanges';
import { MENTION_POSTINGS, MENTION_POSTINGS_TAG, SUMMARY_FIELDS, type MentionPostings } from './mentionPostings';
import type { AnalysisStore, StoreScope } from './types';

/**
 * A version's stored mention postings (lib/store/mentionPostings.ts) with their per-article summary read and their
 * lists left in the store: each list is read when a drill-down gets it (a few kilobytes), so a server keeps the
 * summary (64 bytes per article) and the list names instead of every list too. Null when none are stored or they are
 * not readable as postings (as readMentionPostings answers then).
 */
export function openMentionPostings(store: AnalysisStore, scope: StoreScope, key: string): MentionPostings | null {
  const where = `${scope.corpus}/${MENTION_POSTINGS}-${key}`;
  const bad = (why: string) => new Error(`${where}: not readable as mention postings (${why})`);
  let head;
  try {
    head = storedHead(store, scope, MENTION_POSTINGS, key, MENTION_POSTINGS_TAG, bad);
  } catch {
    return null;
  }
  if (!head) return null;
  const h = head.header as { articles?: unknown; variants?: unknown; actors?: unknown; tone?: unknown } | null;
  const articles = h?.articles;
  if (!Number.isInteger(articles) || articles === null) return null;
  const size = head.size;
  let words = 0;
  const listsOf = (named: unknown): StoredLists | null => {
    if (!Array.isArray(named)) return null;
    const place = new Map<string, { offset: number; n: number }>();
    for (const l of named as unknown[]) {
      if (!Array.isArray(l) || typeof l[0] !== 'string' || !Number.isInteger(l[1]) || l[1] < 0) return null;
      place.set(l[0], { offset: head.after + words * 4, n: l[1] });
      words += l[1];
    }
    return new StoredLists(place, (offset, n) => {
      const read = storedWords(store, scope, MENTION_POSTINGS, key, offset, n);
      if (!read || store.derivedHead(scope, MENTION_POSTINGS, key, 0)?.size !== size)
        throw new Error(`${where}: changed or removed since it was opened; the next view reads the new version's`);
      return read;
    });
  };
  const variants = listsOf(h?.variants);
  const actors = listsOf(h?.actors);
  const tone = listsOf(h?.tone);
  const n = (articles as number) * SUMMARY_FIELDS;
  // Sizes checked as the whole decoder does: a file longer or shorter than its header says is not read.
  if (!variants || !actors || !tone || head.after + (words + n) * 4 !== size) return null;
  const summary = storedWords(store, scope, MENTION_POSTINGS, key, head.after + words * 4, n);
  if (!summary) return null;
  return { articles: articles as number, variants, actors, tone, summary: new Int32Array(summary.buffer) };
}

/** Lists by name, each read from the store when it is got (every one when they are all iterated). */
class StoredLists implements ReadonlyMap<string, Uint32Array> {
  constructor(
    private readonly place: ReadonlyMap<string, { offset: number; n: number }>,
    private readonly read: (offset: number, n: number) => Uint32Array,
  ) {}
  get size(): number {
    return this.place.size;
  }
  has(key: string): boolean {
    return this.place.has(key);
  }
  get(key: string): Uint32Array | undefined {
    const p = this.place.get(key);
    return p && this.read(p.offset, p.n);
  }
  keys(): MapIterator<string> {
    return this.place.keys();
  }
  *values(): MapIterator<Uint32Array> {
    for (const k of this.place.keys()) yield this.get(k)!;
  }
  *entries(): MapIterator<[string, Uint32Array]> {
    for (const k of this.place.keys()) yield [k, this.get(k)!];
  }
  [Symbol.iterator](): MapIterator<[string, Uint32Array]> {
    return this.entries();
  }
  forEach(f: (value: Uint32Array, key: string, map: ReadonlyMap<string, Uint32Array>) => void): void {
    for (const [k, v] of this.entries()) f(v, k, this);
  }
}
