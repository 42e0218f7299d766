import type { Passage } from './align';
import type { PairMatch } from './reuseIndex';

// Passages are packed into shared chunks of integers instead of an object per passage and per anchor: at a million
// articles the pairs' passages as objects were the provenance job's largest part (about 700 bytes a pair against
// about 200 packed, issue #19). A chunk is dropped when no pair in it is held any more.
const CHUNK = 1 << 20;
let chunk = new Uint32Array(CHUNK);
let used = 0;

/** Integers one pair's passages take packed: a count, then per passage six fields and three per anchor. */
export function packedLength(passages: readonly Passage[]): number {
  let n = 1;
  for (const p of passages) n += 6 + 3 * p.anchors.length;
  return n;
}

// Word positions fit in 32 bits unsigned; a pair holding anything else (a stored file can hold any number) stays as
// objects, so what is read back is always what was given.
const fits = (v: number) => v >>> 0 === v && !Object.is(v, -0);

function packs(passages: readonly Passage[]): boolean {
  for (const p of passages) {
    if (!fits(p.aStart) || !fits(p.aEnd) || !fits(p.bStart) || !fits(p.bEnd) || !fits(p.matched)) return false;
    for (const x of p.anchors) if (!fits(x.a) || !fits(x.b) || !fits(x.len)) return false;
  }
  return true;
}

/** Where a pair's passages sit: a fresh place in the current chunk (a new chunk when it is full). */
function reserve(n: number): { to: Uint32Array; at: number } {
  if (n > CHUNK) return { to: new Uint32Array(n), at: 0 };
  if (used + n > CHUNK) {
    chunk = new Uint32Array(CHUNK);
    used = 0;
  }
  const at = used;
  used += n;
  return { to: chunk, at };
}

function unpack(from: Uint32Array, at: number): Passage[] {
  const out: Passage[] = new Array(from[at++]);
  for (let k = 0; k < out.length; k++) {
    const n = from[at + 5];
    const anchors = new Array(n);
    for (let j = 0, x = at + 6; j < n; j++, x += 3) anchors[j] = { a: from[x], b: from[x + 1], len: from[x + 2] };
    out[k] = {
      aStart: from[at],
      aEnd: from[at + 1],
      bStart: from[at + 2],
      bEnd: from[at + 3],
      anchors,
      matched: from[at + 4],
    };
    at += 6 + 3 * n;
  }
  return out;
}

// One getter for every pair, so pairs share one hidden class; it reads the pair's place, kept in private fields so a
// pair's own fields are still exactly a, b and passages (what the codec checks, tests compare and JSON writes).
function passagesOf(this: PackedPair): Passage[] {
  return this.unpack();
}

class PackedPair implements PairMatch {
  declare readonly passages: Passage[];
  readonly #from: Uint32Array;
  readonly #at: number;
  constructor(
    public a: number,
    public b: number,
    from: Uint32Array,
    at: number,
  ) {
    Object.defineProperty(this, 'passages', { get: passagesOf, enumerable: true });
    this.#from = from;
    this.#at = at;
  }
  unpack(): Passage[] {
    return unpack(this.#from, this.#at);
  }
  /** The same passages under other document indices (a new version's), sharing the packed integers. */
  moved(a: number, b: number): PackedPair {
    return new PackedPair(a, b, this.#from, this.#at);
  }
}

/**
 * A pair whose passages are packed into integers and made again as objects each time `passages` is read (a fresh list
 * each read: callers must not expect the same list twice); a plain pair when a number does not fit in 32 bits.
 */
export function packPair(a: number, b: number, passages: Passage[]): PairMatch {
  if (!packs(passages)) return { a, b, passages };
  const { to, at } = reserve(packedLength(passages));
  to[at] = passages.length;
  let w = at + 1;
  for (const p of passages) {
    to[w++] = p.aStart;
    to[w++] = p.aEnd;
    to[w++] = p.bStart;
    to[w++] = p.bEnd;
    to[w++] = p.matched;
    to[w++] = p.anchors.length;
    for (const x of p.anchors) {
      to[w++] = x.a;
      to[w++] = x.b;
      to[w++] = x.len;
    }
  }
  return new PackedPair(a, b, to, at);
}

/** A pair with the same passages between documents now at indices a and b (packed passages are shared, not copied). */
export function movedPair(pair: PairMatch, a: number, b: number): PairMatch {
  return pair instanceof PackedPair ? pair.moved(a, b) : packPair(a, b, pair.passages);
}
