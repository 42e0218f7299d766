/** A shingle repeated many times inside one text (a refrain) adds nothing after its first few places. */
export const MAX_PLACES = 4;

// 2^32 - 1: a stamp that can no longer be advanced, so the tables are cleared and stamps start again.
const LAST_STAMP = 0xffffffff;

/**
 * The matches alignment chains, side `a` against side `b`: for each shingle position i of `a`, `counts[i]` places of
 * the same hash in `b` (the first MAX_PLACES, ascending) at `places[offsets[i]]` onwards. Views into a matcher's
 * buffers, valid until it matches again.
 */
export interface Matches {
  length: number;
  counts: Uint8Array;
  offsets: Int32Array;
  places: Int32Array;
}

/**
 * One text's shingles (x) in an open-addressing table, loaded once and matched against many other texts (y) in turn:
 * the same matches as indexing the earlier side of each pair afresh, without rebuilding a table per pair. When x is
 * the indexed side (`b`), its places are read from the table; when x is the side read in order (`a`), y's shingles
 * are looked up in x's table and the first places of each in y collected per slot. A matcher owns its buffers and
 * grows them to the longest text it sees, so a job aligning thousands of pairs per article allocates nothing per pair.
 */
export class ShingleMatcher {
  private x: Uint32Array = new Uint32Array(0);
  private mask = 0;
  private loadStamp = 0;
  private pairStamp = 0;
  private slotKey = new Uint32Array(0);
  private slotStamp = new Uint32Array(0);
  private xCount = new Uint8Array(0);
  private xPlaces = new Int32Array(0);
  private pairOf = new Uint32Array(0);
  private yCount = new Uint8Array(0);
  private yPlaces = new Int32Array(0);
  private xSlot = new Int32Array(0);
  private counts = new Uint8Array(0);
  private offsets = new Int32Array(0);

  /** Indexes text x's shingles: every match until the next load is against x. */
  load(x: Uint32Array): void {
    let want = 16;
    while (want < x.length * 2) want *= 2;
    if (want > this.slotKey.length || this.loadStamp === LAST_STAMP) {
      const cap = Math.max(want, this.slotKey.length);
      this.slotKey = new Uint32Array(cap);
      this.slotStamp = new Uint32Array(cap);
      this.xCount = new Uint8Array(cap);
      this.xPlaces = new Int32Array(cap * MAX_PLACES);
      this.pairOf = new Uint32Array(cap);
      this.yCount = new Uint8Array(cap);
      this.yPlaces = new Int32Array(cap * MAX_PLACES);
      this.loadStamp = 0;
      this.pairStamp = 0;
    }
    if (this.xSlot.length < x.length) this.xSlot = new Int32Array(x.length);
    this.loadStamp++;
    this.mask = want - 1;
    this.x = x;
    for (let i = 0; i < x.length; i++) {
      const s = this.slotOf(x[i]);
      if (this.slotStamp[s] !== this.loadStamp) {
        this.slotStamp[s] = this.loadStamp;
        this.slotKey[s] = x[i];
        this.xCount[s] = 0;
        // A slot new to this load holds no places of an earlier pair's y.
        this.pairOf[s] = 0;
      }
      if (this.xCount[s] < MAX_PLACES) this.xPlaces[s * MAX_PLACES + this.xCount[s]++] = i;
      this.xSlot[i] = s;
    }
  }

  // The slot of hash h: where it is, or the empty slot it would take (linear probing).
  private slotOf(h: number): number {
    let s = Math.imul(h, 0x9e3779b1) >>> 0;
    for (;;) {
      s &= this.mask;
      if (this.slotStamp[s] !== this.loadStamp || this.slotKey[s] === h) return s;
      s++;
    }
  }

  private outputFor(length: number): void {
    if (this.counts.length >= length) return;
    this.counts = new Uint8Array(length);
    this.offsets = new Int32Array(length);
  }

  /**
   * The matches of the loaded text x with y: x read in order against y indexed when `xIsA` (x is the pair's later
   * side), else y read in order against x.
   */
  match(y: Uint32Array, xIsA: boolean): Matches {
    return xIsA ? this.matchAsA(y) : this.matchAsB(y);
  }

  // y is side a: each of its shingles' places in x come from x's table.
  private matchAsB(y: Uint32Array): Matches {
    this.outputFor(y.length);
    const { counts, offsets } = this;
    for (let i = 0; i < y.length; i++) {
      const s = this.slotOf(y[i]);
      counts[i] = this.slotStamp[s] === this.loadStamp ? this.xCount[s] : 0;
      offsets[i] = s * MAX_PLACES;
    }
    return { length: y.length, counts, offsets, places: this.xPlaces };
  }

  // x is side a: y's shingles, in order, collect their first places in y under the slot of x holding the same hash.
  private matchAsA(y: Uint32Array): Matches {
    if (this.pairStamp === LAST_STAMP) {
      this.pairOf.fill(0);
      this.pairStamp = 0;
    }
    const pair = ++this.pairStamp;
    for (let j = 0; j < y.length; j++) {
      const s = this.slotOf(y[j]);
      if (this.slotStamp[s] !== this.loadStamp) continue;
      if (this.pairOf[s] !== pair) {
        this.pairOf[s] = pair;
        this.yCount[s] = 0;
      }
      if (this.yCount[s] < MAX_PLACES) this.yPlaces[s * MAX_PLACES + this.yCount[s]++] = j;
    }
    const x = this.x;
    this.outputFor(x.length);
    const { counts, offsets } = this;
    for (let i = 0; i < x.length; i++) {
      const s = this.xSlot[i];
      counts[i] = this.pairOf[s] === pair ? this.yCount[s] : 0;
      offsets[i] = s * MAX_PLACES;
    }
    return { length: x.length, counts, offsets, places: this.yPlaces };
  }
}
