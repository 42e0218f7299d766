// The store's learned index holds one entry per stored analysis (a million at 1M articles); as a Map of 40-character
// key strings to {segment, position} objects that cost about 110 bytes each. Here a SHA-1 hex key is kept as its 20
// bytes in one growing byte array and found through an open-addressing table of entry numbers: about 30 bytes each.

const HEX_KEY = /^[0-9a-f]{40}$/;
const KEY_BYTES = 20;

/**
 * Keys numbered in the order they were added (entry 0, 1, ...): a key added again takes a new entry and the old one no
 * longer answers for it, so the entries added together (one segment's) stay a contiguous run.
 */
export interface KeyTable {
  /** Adds a key as the next entry (replacing the entry it had) and returns that entry's number. */
  add(key: string): number;
  /** The entry that answers for a key, or -1 when it has none. */
  find(key: string): number;
  /** Removes the key an entry was added with, when that entry still answers for it (a newer one stays). */
  remove(entry: number): void;
  /** How many keys have an entry that answers for them. */
  readonly size: number;
}

/** An empty key table: SHA-1 hex keys (what articleKey gives) packed as bytes, any other key kept as its string. */
export function keyTable(): KeyTable {
  let bytes = new Uint8Array(KEY_BYTES * 1024);
  let entries = 0;
  // Bucket values: 0 empty, -1 a removed key (probing goes on past it), else entry + 1.
  let buckets = new Int32Array(2048);
  let used = 0;
  let live = 0;
  // Keys that are not SHA-1 hex (tests' and older stores' names): by string, both ways.
  const other = new Map<string, number>();
  const otherKey = new Map<number, string>();
  const scratch = new Uint8Array(KEY_BYTES);

  // The key is checked to be lowercase hex first: '0'-'9' are 48-57, 'a'-'f' 97-102.
  const nibble = (c: number) => (c <= 57 ? c - 48 : c - 87);
  const parse = (key: string, out: Uint8Array, at: number) => {
    for (let j = 0; j < KEY_BYTES; j++)
      out[at + j] = (nibble(key.charCodeAt(2 * j)) << 4) | nibble(key.charCodeAt(2 * j + 1));
  };
  const hashAt = (src: Uint8Array, at: number) =>
    (src[at] | (src[at + 1] << 8) | (src[at + 2] << 16) | (src[at + 3] << 24)) >>> 0;
  const same = (entry: number, src: Uint8Array, at: number) => {
    const o = entry * KEY_BYTES;
    for (let j = 0; j < KEY_BYTES; j++) if (bytes[o + j] !== src[at + j]) return false;
    return true;
  };
  // The bucket holding the key at src[at..] (its value > 0), or -1 - the first free bucket its probe met.
  const probe = (src: Uint8Array, at: number): number => {
    const mask = buckets.length - 1;
    let free = -1;
    for (let h = hashAt(src, at) & mask; ; h = (h + 1) & mask) {
      const b = buckets[h];
      if (b === 0) return -1 - (free < 0 ? h : free);
      if (b < 0) {
        if (free < 0) free = h;
      } else if (same(b - 1, src, at)) return h;
    }
  };
  const rehash = (size: number) => {
    const old = buckets;
    buckets = new Int32Array(size);
    used = 0;
    for (const b of old)
      if (b > 0) {
        buckets[-1 - probe(bytes, (b - 1) * KEY_BYTES)] = b;
        used++;
      }
  };

  return {
    add(key) {
      const entry = entries++;
      if (!HEX_KEY.test(key)) {
        const had = other.get(key);
        if (had === undefined) live++;
        other.set(key, entry);
        otherKey.set(entry, key);
        return entry;
      }
      if ((entry + 1) * KEY_BYTES > bytes.length) {
        const grown = new Uint8Array(bytes.length * 2);
        grown.set(bytes);
        bytes = grown;
      }
      parse(key, bytes, entry * KEY_BYTES);
      // Kept at most half full (removed keys count), so a probe stays short.
      if ((used + 1) * 2 > buckets.length) rehash(live * 4 > buckets.length ? buckets.length * 2 : buckets.length);
      const h = probe(bytes, entry * KEY_BYTES);
      if (h >= 0) buckets[h] = entry + 1;
      else {
        if (buckets[-1 - h] === 0) used++;
        buckets[-1 - h] = entry + 1;
        live++;
      }
      return entry;
    },
    find(key) {
      if (!HEX_KEY.test(key)) return other.get(key) ?? -1;
      parse(key, scratch, 0);
      const h = probe(scratch, 0);
      return h >= 0 ? buckets[h] - 1 : -1;
    },
    remove(entry) {
      if (entry < 0 || entry >= entries) return;
      const name = otherKey.get(entry);
      // A replaced entry keeps its name here, so it is never taken for a packed key.
      if (name !== undefined) {
        if (other.get(name) === entry) {
          other.delete(name);
          live--;
        }
        return;
      }
      const h = probe(bytes, entry * KEY_BYTES);
      if (h >= 0 && buckets[h] === entry + 1) {
        buckets[h] = -1;
        live--;
      }
    },
    get size() {
      return live;
    },
  };
}
