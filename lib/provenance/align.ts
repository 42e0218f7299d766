import { ShingleMatcher, type Matches } from './shingleMatcher';

/** A run of words that two texts share exactly: words [a, a + len) of one are words [b, b + len) of the other. */
export interface Anchor {
  a: number;
  b: number;
  len: number;
}

/**
 * A passage two texts share, allowing small edits: word ranges [aStart, aEnd) and [bStart, bEnd), the exact runs
 * (anchors) inside it, in order, and how many words of the first side the runs cover.
 */
export interface Passage {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  anchors: Anchor[];
  matched: number;
}

/** How passages are found: shingle length in words, the shortest passage kept, the widest edit bridged. */
export interface AlignOptions {
  n: number;
  minWords: number;
  maxGap: number;
}

// Chains as linked lists of matches in typed arrays reused across calls (chainMatches runs once per candidate pair;
// an object and two arrays per chain were a tenth of the provenance job): match k is (mI[k], mJ[k]) and mNext[k] the
// chain's next match or -1; chain c runs from cHead[c] to cTail[c] and last matched at (cLastI[c], cLastJ[c]).
let mI = new Int32Array(0);
let mJ = new Int32Array(0);
let mNext = new Int32Array(0);
let cHead = new Int32Array(0);
let cTail = new Int32Array(0);
let cLastI = new Int32Array(0);
let cLastJ = new Int32Array(0);
let active = new Int32Array(0);
let done = new Int32Array(0);

// Room for `matches` matches and as many chains (each chain starts at its own match).
function roomFor(matches: number): void {
  if (mI.length >= matches) return;
  const cap = Math.max(matches, 2 * mI.length);
  mI = new Int32Array(cap);
  mJ = new Int32Array(cap);
  mNext = new Int32Array(cap);
  cHead = new Int32Array(cap);
  cTail = new Int32Array(cap);
  cLastI = new Int32Array(cap);
  cLastJ = new Int32Array(cap);
  active = new Int32Array(cap);
  done = new Int32Array(cap);
}

// alignShingles's matcher, reused across calls (alignment runs once per candidate pair: a Map and an array per shingle
// per call were half of the provenance time). The reuse index keeps its own, loaded once per article.
const shared = new ShingleMatcher();

/**
 * The passages two texts share, from their shingle hashes (shingle i covers words [i, i + n)): every shingle of `a`
 * found in `b` is a match (i, j); matches are chained in order of i while both sides advance by at most maxGap
 * shingles with a similar step (an edit of a few words breaks n shingles, a reordered paragraph starts a new chain),
 * and each chain spanning minWords words on both sides is a passage. Linear in the two lengths for texts without
 * long refrains.
 */
export function alignShingles(a: Uint32Array, b: Uint32Array, o: AlignOptions): Passage[] {
  shared.load(b);
  return chainMatches(shared.match(a, false), o);
}

/**
 * The passages of matches made by a ShingleMatcher (lib/provenance/shingleMatcher.ts): what alignShingles makes of
 * the same two texts.
 */
export function chainMatches(m: Matches, o: AlignOptions): Passage[] {
  const { counts, offsets, places: at } = m;
  const gap = o.maxGap;
  let most = 0;
  for (let i = 0; i < m.length; i++) most += counts[i];
  roomFor(most);
  let matches = 0;
  let chains = 0;
  // Chains still open, in the order they started (the first of equally good chains is extended).
  let open = 0;
  let closed = 0;
  for (let i = 0; i < m.length; i++) {
    const places = counts[i];
    if (places === 0) continue;
    // Chains not extended for more than maxGap shingles are finished (a chain's last i changes only when extended).
    let stale = false;
    for (let c = 0; c < open && !stale; c++) stale = i - cLastI[active[c]] > gap;
    if (stale) {
      let kept = 0;
      for (let c = 0; c < open; c++) {
        const id = active[c];
        if (i - cLastI[id] > gap) done[closed++] = id;
        else active[kept++] = id;
      }
      open = kept;
    }
    for (let p = 0; p < places; p++) {
      const j = at[offsets[i] + p];
      let best = -1;
      let bestDrift = Infinity;
      for (let c = 0; c < open; c++) {
        const id = active[c];
        const di = i - cLastI[id];
        const dj = j - cLastJ[id];
        // di is 0 for a chain already extended (or started) at this i: one match per chain per shingle.
        if (di <= 0 || dj <= 0 || dj > gap) continue;
        const drift = Math.abs(di - dj);
        if (drift <= gap && drift < bestDrift) {
          best = id;
          bestDrift = drift;
        }
      }
      const k = matches++;
      mI[k] = i;
      mJ[k] = j;
      mNext[k] = -1;
      if (best >= 0) {
        mNext[cTail[best]] = k;
        cTail[best] = k;
      } else {
        best = chains++;
        cHead[best] = k;
        cTail[best] = k;
        active[open++] = best;
      }
      cLastI[best] = i;
      cLastJ[best] = j;
    }
  }
  for (let c = 0; c < open; c++) done[closed++] = active[c];
  const out: Passage[] = [];
  for (let c = 0; c < closed; c++) {
    const p = passageOf(done[c], o.n);
    if (p.aEnd - p.aStart >= o.minWords && p.bEnd - p.bStart >= o.minWords) out.push(p);
  }
  // Each chain starts at its own match (i, j), so this order is total: the order chains finished in does not show.
  return out.sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart);
}

/** Words of the first side that a passage's runs cover (runs are in order of their first side). */
export function runsCover(anchors: Anchor[]): number {
  let matched = 0;
  let covered = -1;
  for (const x of anchors) {
    const from = Math.max(x.a, covered);
    if (x.a + x.len > from) matched += x.a + x.len - from;
    covered = Math.max(covered, x.a + x.len);
  }
  return matched;
}

// The passage of chain c: its matches in order, each extending the last run or starting a new one.
function passageOf(c: number, n: number): Passage {
  const anchors: Anchor[] = [];
  let aEnd = -Infinity;
  let bEnd = -Infinity;
  let last: Anchor | null = null;
  for (let k = cHead[c]; k >= 0; k = mNext[k]) {
    const i = mI[k];
    const j = mJ[k];
    // A shingle one word further on both sides extends the run; anything else starts a new run.
    if (last && i - last.a === j - last.b && i <= last.a + last.len - n + 1) last.len = i + n - last.a;
    else anchors.push((last = { a: i, b: j, len: n }));
  }
  for (const x of anchors) {
    aEnd = Math.max(aEnd, x.a + x.len);
    bEnd = Math.max(bEnd, x.b + x.len);
  }
  return { aStart: anchors[0].a, aEnd, bStart: anchors[0].b, bEnd, anchors, matched: runsCover(anchors) };
}

/** How alike a passage's two sides are: the words its exact runs cover over the longer side (1: identical). */
export function similarityOf(p: Passage): number {
  return p.matched / Math.max(p.aEnd - p.aStart, p.bEnd - p.bStart);
}

/** One stretch of a passage: words both sides share, or an edit (words [a0, a1) of one side stand for [b0, b1)). */
export interface Stretch {
  same: boolean;
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/**
 * A passage as alternating shared runs and edits, in order, for a side-by-side view and for finding substituted terms.
 * Runs that overlap (a shifted diagonal) are clipped so the stretches tile both sides.
 */
export function stretchesOf(p: Passage): Stretch[] {
  const out: Stretch[] = [];
  let a = p.aStart;
  let b = p.bStart;
  for (const x of p.anchors) {
    const skip = Math.max(a - x.a, b - x.b, 0);
    const a0 = x.a + skip;
    const b0 = x.b + skip;
    const len = x.len - skip;
    if (len <= 0) continue;
    if (a0 > a || b0 > b) out.push({ same: false, a0: a, a1: a0, b0: b, b1: b0 });
    out.push({ same: true, a0, a1: a0 + len, b0, b1: b0 + len });
    a = a0 + len;
    b = b0 + len;
  }
  return out;
}

/** Equal words running back from (a, b) exclusive, up to `max`. */
function runBack(wa: Uint32Array, wb: Uint32Array, a: number, b: number, max: number): number {
  let k = 0;
  while (k < max && a - k - 1 >= 0 && b - k - 1 >= 0 && wa[a - k - 1] === wb[b - k - 1]) k++;
  return k;
}

/** Equal words running forward from (a, b), up to `max`. */
function runForward(wa: Uint32Array, wb: Uint32Array, a: number, b: number, max: number): number {
  let k = 0;
  while (k < max && a + k < wa.length && b + k < wb.length && wa[a + k] === wb[b + k]) k++;
  return k;
}

/**
 * Grows a passage at both ends by the words its shingles cannot see: equal words, and a substitution of up to
 * maxEdit words on both sides when equal words follow it (two, or one reaching the start or end of both texts), so an
 * edit in a passage's first or last words ("IS" made "Daesh" in a sentence's second word) is still an edit of it.
 * Reads the word hashes of both texts; linear in the words added.
 */
export function extendEdges(p: Passage, wa: Uint32Array, wb: Uint32Array, maxEdit = 2): Passage {
  const anchors = [...p.anchors];
  let a = p.aStart;
  let b = p.bStart;
  for (;;) {
    const k = runBack(wa, wb, a, b, Infinity);
    if (k > 0) {
      anchors.unshift({ a: a - k, b: b - k, len: k });
      a -= k;
      b -= k;
    }
    let step = 0;
    for (let s = 1; s <= maxEdit && !step; s++) {
      const m = runBack(wa, wb, a - s, b - s, 2);
      if (a - s < 0 || b - s < 0) break;
      if (m >= 2 || (m >= 1 && a - s - m === 0 && b - s - m === 0)) step = s;
    }
    if (!step) break;
    a -= step;
    b -= step;
  }
  let ae = p.aEnd;
  let be = p.bEnd;
  for (;;) {
    const k = runForward(wa, wb, ae, be, Infinity);
    if (k > 0) {
      anchors.push({ a: ae, b: be, len: k });
      ae += k;
      be += k;
    }
    let step = 0;
    for (let s = 1; s <= maxEdit && !step; s++) {
      if (ae + s > wa.length || be + s > wb.length) break;
      const m = runForward(wa, wb, ae + s, be + s, 2);
      if (m >= 2 || (m >= 1 && ae + s + m === wa.length && be + s + m === wb.length)) step = s;
    }
    if (!step) break;
    ae += step;
    be += step;
  }
  if (a === p.aStart && ae === p.aEnd) return p;
  anchors.sort((x, y) => x.a - y.a);
  return { aStart: a, aEnd: ae, bStart: b, bEnd: be, anchors, matched: runsCover(anchors) };
}
