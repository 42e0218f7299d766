import { deserialize, serialize } from 'node:v8';
import type { VocabularyCounts } from '../vocabulary/table';
import { derivedKind } from './derivedKind';
import type { AnalysisStore, StoreScope } from './types';

/**
 * The kind of derived data holding the latest version's whole n-gram counts (before the table's pruning), so the next
 * version's vocabulary table is the previous counts plus the added articles' (lib/store/vocabularyJob.ts). One per
 * corpus and lexicon (key LATEST), replaced by each version, like the reuse index: not a per-version kind.
 */
export const NGRAM_COUNTS = 'ngram-counts';

const LATEST = 'latest';
const FORMAT = 1;

/** Counts as stored bytes (v8 serialisation of the counts, with a format number). */
export function encodeNgramCounts(counts: VocabularyCounts): Uint8Array {
  return serialize({ format: FORMAT, counts });
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
const isNumbers = (x: unknown): x is number[] => Array.isArray(x) && x.every((s) => typeof s === 'number');

/** Stored counts read back; throws naming `where` and what is wrong when the bytes are not counts of this format. */
export function decodeNgramCounts(bytes: Uint8Array, where: string): VocabularyCounts {
  const bad = (why: string) =>
    new Error(`${where}: not readable as n-gram counts (${why}); delete the file and the next version counts again`);
  let value: { format?: unknown; counts?: Partial<VocabularyCounts> };
  try {
    value = deserialize(bytes) as typeof value;
  } catch (e) {
    throw bad(`it does not deserialise: ${(e as Error).message}`);
  }
  if (value?.format !== FORMAT) throw bad(`its format is ${String(value?.format)}, not ${FORMAT}`);
  const c = value.counts;
  if (
    !c ||
    !isStrings(c.keys) ||
    !isStrings(c.outlets) ||
    !isStrings(c.groups) ||
    !isStrings(c.words) ||
    !(c.first instanceof Int32Array) ||
    !(c.second instanceof Int32Array) ||
    !(c.cells instanceof Int32Array) ||
    !(c.withGroup instanceof Int32Array) ||
    !isNumbers(c.n) ||
    !isNumbers(c.tokens) ||
    !isNumbers(c.articles) ||
    !isNumbers(c.groupNgrams) ||
    typeof c.sentences !== 'number' ||
    typeof c.lossy !== 'boolean'
  )
    throw bad('a field is missing or of the wrong type');
  if (c.first.length !== c.second.length || c.cells.length % 4 || c.withGroup.length % 3)
    throw bad('its n-gram lists do not line up');
  return c as VocabularyCounts;
}

// Cut short or of another format, stored counts read as null: the next version's table is counted whole, and new
// counts stored (lib/store/derivedKind.ts).
const latest = derivedKind(NGRAM_COUNTS, encodeNgramCounts, decodeNgramCounts);

/** The latest stored counts of a corpus under a lexicon, or null when none are stored or they cannot be read. */
export function readLatestNgramCounts(store: AnalysisStore, scope: StoreScope): VocabularyCounts | null {
  return latest.read(store, scope, LATEST);
}

/** Stores a version's whole counts as the corpus's latest, replacing the previous ones. */
export function putLatestNgramCounts(store: AnalysisStore, scope: StoreScope, counts: VocabularyCounts): Promise<void> {
  return latest.put(store, scope, LATEST, counts);
}

/**
 * The positions (in the new version's order) of the articles a new version adds to the counted one, given both
 * versions' article keys; null when the new version lacks a counted article (counts cannot be taken away exactly: the
 * table's `distinct` counts every n-gram ever seen) or either side holds a key twice.
 */
export function addedPositions(counted: readonly string[], keys: readonly string[]): number[] | null {
  const had = new Set(counted);
  const now = new Set(keys);
  if (had.size !== counted.length || now.size !== keys.length) return null;
  for (const k of counted) if (!now.has(k)) return null;
  const added: number[] = [];
  keys.forEach((k, i) => {
    if (!had.has(k)) added.push(i);
  });
  return added;
}

/**
 * The kind of derived data naming the latest version whose word index was stored and its article keys in order (key
 * LATEST): what the next version's word index is made from (lib/vocabulary/indexUpdate.ts).
 */
export const INDEX_ORDER = 'index-order';

/** A version's key and its articles' keys and dates in the version's order. */
export interface IndexOrder {
  version: string;
  keys: string[];
  /** The articles' dates (what the version's tallies key and time cells were made with); absent in older records. */
  dates?: (string | null)[];
}

/** The latest stored index order of a corpus under a lexicon, or null when none is stored or it cannot be read. */
export function readIndexOrder(store: AnalysisStore, scope: StoreScope): IndexOrder | null {
  const bytes = store.readDerived(scope, INDEX_ORDER, LATEST);
  if (!bytes) return null;
  try {
    const o = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as {
      format?: unknown;
      version?: unknown;
      keys?: unknown;
      dates?: unknown;
    };
    if (o?.format !== FORMAT || typeof o.version !== 'string' || !isStrings(o.keys)) return null;
    const dates =
      Array.isArray(o.dates) &&
      o.dates.length === o.keys.length &&
      o.dates.every((d) => d === null || typeof d === 'string')
        ? (o.dates as (string | null)[])
        : undefined;
    return { version: o.version, keys: o.keys, dates };
  } catch {
    return null;
  }
}

/** Stores the index order of a version whose word index is stored, replacing the previous one. */
export function putIndexOrder(store: AnalysisStore, scope: StoreScope, order: IndexOrder): Promise<void> {
  return store.putDerived(scope, INDEX_ORDER, LATEST, Buffer.from(JSON.stringify({ format: FORMAT, ...order })));
}

/**
 * Per position of a new version, the previous version's position of the same article (-1: added), from both versions'
 * article keys; null when either holds a key twice (an article's place would be ambiguous).
 */
export function previousAt(previous: readonly string[], keys: readonly string[]): Int32Array | null {
  const at = new Map(previous.map((k, i) => [k, i]));
  if (at.size !== previous.length || new Set(keys).size !== keys.length) return null;
  return Int32Array.from(keys, (k) => at.get(k) ?? -1);
}
