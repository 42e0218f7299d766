/**
 * Shingle postings as compressed sparse rows: the distinct shingle hashes in ascending order (`keys`), and for key k
 * its holders (document indices, earliest by rank first) at `holders[offsets[k]]` up to `holders[offsets[k + 1]]`.
 * Typed arrays, so a corpus's index is a few flat buffers to store and to read back without parsing.
 */
export interface Postings {
  keys: Uint32Array;
  offsets: Uint32Array;
  holders: Uint32Array;
}

/** Postings of no document. */
export const NO_POSTINGS: Postings = {
  keys: new Uint32Array(0),
  offsets: new Uint32Array(1),
  holders: new Uint32Array(0),
};

// A (hash, rank) pair packed in one float64 (hash × 2^21 + rank, exact below 2^53), so one typed-array sort orders
// every posting by shingle and then by rank.
const RANK_SPAN = 2 ** 21;

/** Most documents one index can hold (ranks are packed in 21 bits beside the 32-bit hash). */
export const MAX_DOCS = RANK_SPAN;

// Where each top-bits prefix of the sorted keys starts, so a lookup searches one small bucket (about 8 keys) instead
// of the whole list: at 100,000 articles the keys are tens of millions and each binary-search step a cache miss.
// Built once per keys array, on its first lookup (keys are never changed after their postings are made).
const directories = new WeakMap<Uint32Array, { shift: number; starts: Uint32Array }>();

function directoryOf(keys: Uint32Array): { shift: number; starts: Uint32Array } {
  let d = directories.get(keys);
  if (d) return d;
  let bits = 8;
  while (bits < 24 && keys.length >> bits > 8) bits++;
  const shift = 32 - bits;
  const starts = new Uint32Array((1 << bits) + 1);
  let k = 0;
  for (let prefix = 0; prefix <= 1 << bits; prefix++) {
    while (k < keys.length && keys[k] >>> shift < prefix) k++;
    starts[prefix] = k;
  }
  directories.set(keys, (d = { shift, starts }));
  return d;
}

/**
 * The position of a shingle hash in `keys`, or -1 when no document holds it (a binary search within the hash's
 * prefix bucket, from `from` when that is further: a caller looking up ascending hashes passes the last position
 * found, or 0).
 */
export function findKey(p: Postings, h: number, from = 0): number {
  return findKeyIn(p, keyDirectory(p), h, from);
}

/** The bucket directory findKey searches `p` with, for a caller making many lookups to fetch once. */
export function keyDirectory(p: Postings): { shift: number; starts: Uint32Array } {
  return directoryOf(p.keys);
}

/** findKey with the directory of `p` already fetched (keyDirectory). */
export function findKeyIn(p: Postings, d: { shift: number; starts: Uint32Array }, h: number, from: number): number {
  const keys = p.keys;
  const prefix = h >>> d.shift;
  let lo = Math.max(from, d.starts[prefix]);
  let hi = d.starts[prefix + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return lo < keys.length && keys[lo] === h ? lo : -1;
}

/** The holders of the key at position k, earliest first. */
export function holdersAt(p: Postings, k: number): Uint32Array {
  return p.holders.subarray(p.offsets[k], p.offsets[k + 1]);
}

/** A document's distinct shingle hashes, ascending. */
export function distinctShingles(shingles: Uint32Array): Uint32Array {
  return distinctShinglesInto(shingles, new Uint32Array(shingles.length)).slice();
}

/**
 * distinctShingles written into `out` (at least as long as `shingles`), for a caller that reuses one buffer: returned
 * as a view of its first hashes.
 */
export function distinctShinglesInto(shingles: Uint32Array, out: Uint32Array): Uint32Array {
  if (out.length < shingles.length)
    throw new Error(`shingles: ${shingles.length} shingles do not fit in a buffer of ${out.length}`);
  const sorted = out.subarray(0, shingles.length);
  sorted.set(shingles);
  sorted.sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
  return sorted.subarray(0, n);
}

/**
 * The postings of some documents (`docs[i]` is document `ids[i]`, `rankOf` each document's rank, `byRank` its
 * inverse): one sort of every (shingle, rank) pair, so building is O(P log P) in the P postings.
 */
export function postingsOf(
  ids: readonly number[],
  shinglesOf: (id: number) => Uint32Array,
  rankOf: Int32Array,
  byRank: Int32Array,
): Postings {
  if (byRank.length > MAX_DOCS)
    throw new Error(
      `reuse index: ${byRank.length} articles exceed the ${MAX_DOCS} one index can hold; split the corpus`,
    );
  let total = 0;
  const lists = ids.map((id) => {
    const s = distinctShingles(shinglesOf(id));
    total += s.length;
    return s;
  });
  const packed = new Float64Array(total);
  let at = 0;
  ids.forEach((id, i) => {
    const r = rankOf[id];
    for (const h of lists[i]) packed[at++] = h * RANK_SPAN + r;
  });
  packed.sort();
  const keys = new Uint32Array(total);
  const offsets = new Uint32Array(total + 1);
  const holders = new Uint32Array(total);
  let k = -1;
  let last = -1;
  for (let i = 0; i < total; i++) {
    const h = Math.floor(packed[i] / RANK_SPAN);
    if (h !== last) {
      keys[++k] = h;
      offsets[k] = i;
      last = h;
    }
    holders[i] = byRank[packed[i] - h * RANK_SPAN];
  }
  offsets[k + 1] = total;
  return { keys: keys.slice(0, k + 1), offsets: offsets.slice(0, k + 2), holders };
}

/**
 * Merges a previous version's postings (document indices mapped to the new version by `newOf`, -1 for a removed
 * document) with the postings of the documents added since. Whenever the first `cap` holders of a shingle (the ones
 * candidate search reads) differ from before, every holder of that shingle is flagged in `affected`. Linear in the
 * postings of both.
 */
export function mergePostings(
  prev: Postings,
  newOf: Int32Array,
  added: Postings,
  rankOf: Int32Array,
  cap: number,
  affected: Uint8Array,
): Postings {
  const keys = new Uint32Array(prev.keys.length + added.keys.length);
  const offsets = new Uint32Array(keys.length + 1);
  const holders = new Uint32Array(prev.holders.length + added.holders.length);
  let nk = 0;
  let nh = 0;
  let i = 0;
  let j = 0;
  while (i < prev.keys.length || j < added.keys.length) {
    const hp = i < prev.keys.length ? prev.keys[i] : Infinity;
    const ha = j < added.keys.length ? added.keys[j] : Infinity;
    const h = Math.min(hp, ha);
    const start = nh;
    const old = hp === h ? holdersAt(prev, i++) : null;
    const add = ha === h ? holdersAt(added, j++) : null;
    // Both lists are in rank order (survivors keep their relative order), so a merge keeps the new list in rank order.
    let x = 0;
    let y = 0;
    const oldLen = old ? old.length : 0;
    const addLen = add ? add.length : 0;
    for (;;) {
      while (x < oldLen && newOf[old![x]] < 0) x++;
      if (x >= oldLen && y >= addLen) break;
      if (y >= addLen || (x < oldLen && rankOf[newOf[old![x]]] < rankOf[add![y]])) holders[nh++] = newOf[old![x++]];
      else holders[nh++] = add![y++];
    }
    if (nh === start) continue;
    let changed = Math.min(oldLen, cap) !== Math.min(nh - start, cap);
    for (let t = 0; !changed && t < Math.min(oldLen, cap); t++) changed = newOf[old![t]] !== holders[start + t];
    if (changed) for (let t = start; t < nh; t++) affected[holders[t]] = 1;
    keys[nk] = h;
    offsets[nk++] = start;
  }
  offsets[nk] = nh;
  return { keys: keys.slice(0, nk), offsets: offsets.slice(0, nk + 1), holders: holders.slice(0, nh) };
}
