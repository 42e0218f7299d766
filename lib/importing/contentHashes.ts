// The content hashes of an import's stored articles in flat typed arrays: a Map of 64-character hex strings to id
// strings cost about 290 bytes per article on the heap (measured with 100,000 entries), held twice (the session's and
// the plan worker's copy), so a 1,000,000-article import held ~580 MB of them; here one costs ~70 bytes.

/** What planning reads and writes of the stored articles' content hashes (a Map<string, string> is one too). */
export interface HashLookup extends Iterable<[string, string]> {
  get(hash: string): string | undefined;
  has(hash: string): boolean;
  set(hash: string, id: string): unknown;
  delete(hash: string): boolean;
  readonly size: number;
}

const DIGEST = 32;
const EMPTY = -1;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// A hex digit's value, or -1.
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function grown<T extends Uint8Array | Uint32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Content hash (64 hex digits, as contentHash makes it) → id of the article that has it, as 32-byte digests and UTF-8
 * ids in growing typed arrays with an open-addressing index; iterates in insertion order like a Map (a hash set again
 * after a delete moves to the end). Deleted entries are dropped when they outnumber the live ones.
 */
export class ContentHashes implements HashLookup {
  private digests = new Uint8Array(DIGEST * 256);
  // Entry i's id is idBytes[idStarts[i] .. idEnds[i]) (a new id for a hash is appended, and the old bytes left until
  // the next compaction); `live[i]` is 0 once it was deleted.
  private idBytes = new Uint8Array(256 * 24);
  private idUsed = 0;
  private idStarts = new Uint32Array(256);
  private idEnds = new Uint32Array(256);
  private live = new Uint8Array(256);
  private entries = 0;
  private count = 0;
  // Entry index per slot (EMPTY: none); a dead entry keeps its slot until the next rebuild, so probes pass over it.
  private slots = new Int32Array(512).fill(EMPTY);
  private scratch = new Uint8Array(DIGEST);

  /** Hashes with an id. */
  get size(): number {
    return this.count;
  }

  /** The id of the article with this content hash, if any. */
  get(hash: string): string | undefined {
    const i = this.find(hash);
    return i === EMPTY ? undefined : this.idOf(i);
  }

  /** Whether an article has this content hash. */
  has(hash: string): boolean {
    return this.find(hash) !== EMPTY;
  }

  /** Records the id of the article with this content hash (replacing the id it had). */
  set(hash: string, id: string): this {
    const at = this.slotOf(hash);
    const old = this.slots[at];
    if (old !== EMPTY && this.live[old] === 1) {
      // In place, as Map.set keeps a key's place.
      if (this.idOf(old) !== id) this.putId(old, id);
      return this;
    }
    if (old !== EMPTY) this.live[old] = 0;
    this.slots[at] = this.append(id);
    this.count++;
    if ((this.entries + 1) * 2 > this.slots.length) this.rebuild();
    return this;
  }

  /** Forgets a content hash; false when it had no id. */
  delete(hash: string): boolean {
    const i = this.find(hash);
    if (i === EMPTY) return false;
    this.live[i] = 0;
    this.count--;
    return true;
  }

  /** (hash, id) pairs in insertion order. */
  *[Symbol.iterator](): IterableIterator<[string, string]> {
    for (let i = 0; i < this.entries; i++) if (this.live[i] === 1) yield [this.hexOf(i), this.idOf(i)];
  }

  /** Bytes of the typed arrays held (what the heap holds of this table). */
  get bytes(): number {
    return (
      this.digests.byteLength +
      this.idBytes.byteLength +
      this.idStarts.byteLength +
      this.idEnds.byteLength +
      this.live.byteLength +
      this.slots.byteLength
    );
  }

  // The live entry with this hash, or EMPTY.
  private find(hash: string): number {
    const i = this.slots[this.slotOf(hash)];
    return i !== EMPTY && this.live[i] === 1 ? i : EMPTY;
  }

  // The slot holding the newest entry with this hash (live or dead), or the empty slot where it would go.
  private slotOf(hash: string): number {
    const d = this.parse(hash);
    const mask = this.slots.length - 1;
    let at = (d[0] | (d[1] << 8) | (d[2] << 16) | (d[3] << 24)) & mask;
    for (;;) {
      const i = this.slots[at];
      if (i === EMPTY || this.same(i, d)) return at;
      at = (at + 1) & mask;
    }
  }

  private parse(hash: string): Uint8Array {
    if (hash.length !== DIGEST * 2)
      throw new Error(`content hash "${hash}" is not 64 hex digits (a sha256 digest, as contentHash makes it)`);
    const d = this.scratch;
    for (let k = 0; k < DIGEST; k++) {
      const hi = hexValue(hash.charCodeAt(k * 2));
      const lo = hexValue(hash.charCodeAt(k * 2 + 1));
      if (hi < 0 || lo < 0)
        throw new Error(`content hash "${hash}" is not 64 hex digits (a sha256 digest, as contentHash makes it)`);
      d[k] = (hi << 4) | lo;
    }
    return d;
  }

  private same(i: number, d: Uint8Array): boolean {
    const at = i * DIGEST;
    for (let k = 0; k < DIGEST; k++) if (this.digests[at + k] !== d[k]) return false;
    return true;
  }

  private append(id: string): number {
    const i = this.entries++;
    this.digests = grown(this.digests, (i + 1) * DIGEST);
    this.digests.set(this.scratch, i * DIGEST);
    this.idStarts = grown(this.idStarts, i + 1);
    this.idEnds = grown(this.idEnds, i + 1);
    this.putId(i, id);
    this.live = grown(this.live, i + 1);
    this.live[i] = 1;
    return i;
  }

  private putId(i: number, id: string): void {
    const encoded = encoder.encode(id);
    this.idBytes = grown(this.idBytes, this.idUsed + encoded.length);
    this.idBytes.set(encoded, this.idUsed);
    this.idStarts[i] = this.idUsed;
    this.idUsed += encoded.length;
    this.idEnds[i] = this.idUsed;
  }

  private idOf(i: number): string {
    return decoder.decode(this.idBytes.subarray(this.idStarts[i], this.idEnds[i]));
  }

  private hexOf(i: number): string {
    let s = '';
    for (let k = i * DIGEST; k < (i + 1) * DIGEST; k++) s += this.digests[k].toString(16).padStart(2, '0');
    return s;
  }

  // Drops dead entries (and replaced ids) when they outnumber the live ones, and re-indexes at a load of at most a
  // quarter.
  private rebuild(): void {
    if (this.entries - this.count > this.count) {
      // Read from a copy: a replaced id sits after later entries' ids, so moving ids in place could overwrite one.
      const ids = this.idBytes.slice(0, this.idUsed);
      let to = 0;
      this.idUsed = 0;
      for (let i = 0; i < this.entries; i++) {
        if (this.live[i] !== 1) continue;
        this.digests.copyWithin(to * DIGEST, i * DIGEST, (i + 1) * DIGEST);
        const id = ids.subarray(this.idStarts[i], this.idEnds[i]);
        this.idBytes.set(id, this.idUsed);
        this.idStarts[to] = this.idUsed;
        this.idUsed += id.length;
        this.idEnds[to] = this.idUsed;
        this.live[to] = 1;
        to++;
      }
      this.live.fill(0, to, this.entries);
      this.entries = to;
    }
    let size = this.slots.length;
    while (this.entries * 4 > size) size *= 2;
    this.slots = new Int32Array(size).fill(EMPTY);
    const mask = size - 1;
    for (let i = 0; i < this.entries; i++) {
      if (this.live[i] !== 1) continue;
      const d = i * DIGEST;
      const g = this.digests;
      let at = (g[d] | (g[d + 1] << 8) | (g[d + 2] << 16) | (g[d + 3] << 24)) & mask;
      while (this.slots[at] !== EMPTY) at = (at + 1) & mask;
      this.slots[at] = i;
    }
  }
}

/**
 * A lookup that reads `base` and keeps what is set in a Map of its own, leaving `base` as it was: what a copy of
 * `base` would answer, without copying it.
 */
export function beside(base: Pick<HashLookup, 'get'>): Pick<HashLookup, 'get' | 'set'> {
  const own = new Map<string, string>();
  return {
    get: (hash) => own.get(hash) ?? base.get(hash),
    set: (hash, id) => own.set(hash, id),
  };
}
