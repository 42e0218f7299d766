import { describe, expect, test } from 'vitest';
import { alignShingles, chainMatches, runsCover, type AlignOptions, type Anchor, type Passage } from './align';
import { ShingleMatcher } from './shingleMatcher';

// The alignment as it was before its places moved to a reused typed-array table (commit 85c3f12): a Map of arrays per
// call and a Set per shingle. Kept here, unchanged but for names, as the reference the faster one must equal exactly.
interface Chain {
  is: number[];
  js: number[];
}
function referenceAlign(a: Uint32Array, b: Uint32Array, o: AlignOptions): Passage[] {
  const places = new Map<number, number[]>();
  for (let j = 0; j < b.length; j++) {
    const list = places.get(b[j]);
    if (!list) places.set(b[j], [j]);
    else if (list.length < 4) list.push(j);
  }
  const active: Chain[] = [];
  const done: Chain[] = [];
  for (let i = 0; i < a.length; i++) {
    const js = places.get(a[i]);
    for (let k = active.length - 1; k >= 0; k--) {
      const c = active[k];
      if (i - c.is[c.is.length - 1] > o.maxGap) done.push(...active.splice(k, 1));
    }
    if (!js) continue;
    const extended = new Set<Chain>();
    for (const j of js) {
      let best: Chain | null = null;
      let bestDrift = Infinity;
      for (const c of active) {
        if (extended.has(c)) continue;
        const di = i - c.is[c.is.length - 1];
        const dj = j - c.js[c.js.length - 1];
        if (di <= 0 || dj <= 0 || dj > o.maxGap) continue;
        const drift = Math.abs(di - dj);
        if (drift <= o.maxGap && drift < bestDrift) {
          best = c;
          bestDrift = drift;
        }
      }
      if (best) {
        best.is.push(i);
        best.js.push(j);
        extended.add(best);
      } else {
        const c = { is: [i], js: [j] };
        active.push(c);
        extended.add(c);
      }
    }
  }
  done.push(...active);
  const out: Passage[] = [];
  for (const c of done) {
    const anchors: Anchor[] = [];
    for (let k = 0; k < c.is.length; k++) {
      const [i, j] = [c.is[k], c.js[k]];
      const last = anchors[anchors.length - 1];
      if (last && i - last.a === j - last.b && i <= last.a + last.len - o.n + 1) last.len = i + o.n - last.a;
      else anchors.push({ a: i, b: j, len: o.n });
    }
    const p: Passage = {
      aStart: anchors[0].a,
      aEnd: Math.max(...anchors.map((x) => x.a + x.len)),
      bStart: anchors[0].b,
      bEnd: Math.max(...anchors.map((x) => x.b + x.len)),
      anchors,
      matched: runsCover(anchors),
    };
    if (p.aEnd - p.aStart >= o.minWords && p.bEnd - p.bStart >= o.minWords) out.push(p);
  }
  return out.sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart);
}

// A seeded generator (mulberry32), so a failure names a case that can be run again.
function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

// Text b made from a by copying runs, editing, inserting, reordering, and repeating refrains; alphabet small enough
// that unrelated shingles collide too.
function pair(seed: number, length: number, alphabet: number): [Uint32Array, Uint32Array] {
  const r = random(seed);
  const word = () => (Math.floor(r() * alphabet) * 2654435761) >>> 0;
  const a = Array.from({ length }, word);
  const b: number[] = [];
  while (b.length < length) {
    const roll = r();
    if (roll < 0.5) {
      const from = Math.floor(r() * a.length);
      b.push(...a.slice(from, from + 5 + Math.floor(r() * 40)));
    } else if (roll < 0.7) b.push(word());
    else if (roll < 0.8) b.push(...Array.from({ length: 3 + Math.floor(r() * 6) }, () => a[0]));
    else b.push(...a.slice(0, 8));
  }
  return [Uint32Array.from(a), Uint32Array.from(b)];
}

describe('alignShingles equals the reference alignment', () => {
  test.each([
    [1, 200, 40, { n: 3, minWords: 6, maxGap: 6 }],
    [2, 400, 500, { n: 5, minWords: 15, maxGap: 8 }],
    [3, 60, 4, { n: 2, minWords: 3, maxGap: 3 }],
    [4, 1500, 2000, { n: 5, minWords: 15, maxGap: 8 }],
    [5, 300, 12, { n: 4, minWords: 4, maxGap: 1 }],
    [6, 5, 3, { n: 1, minWords: 1, maxGap: 2 }],
  ])('seed %i, %i shingles over %i words, %o', (seed, length, alphabet, o) => {
    for (let k = 0; k < 40; k++) {
      const [a, b] = pair(seed * 1000 + k, length, alphabet);
      expect(alignShingles(a, b, o)).toEqual(referenceAlign(a, b, o));
      expect(alignShingles(b, a, o)).toEqual(referenceAlign(b, a, o));
    }
  });

  test('a long text after short ones, and an empty side: the reused table grows and starts clean', () => {
    const o = { n: 3, minWords: 6, maxGap: 6 };
    for (const length of [10, 20_000, 7, 0, 3000]) {
      const [a, b] = pair(length + 1, length, 300);
      expect(alignShingles(a, b, o)).toEqual(referenceAlign(a, b, o));
      expect(alignShingles(a, new Uint32Array(0), o)).toEqual([]);
    }
  });
});

describe('a matcher loaded once equals the reference alignment with each text in turn', () => {
  test.each([
    [1, 200, 40, { n: 3, minWords: 6, maxGap: 6 }],
    [2, 400, 500, { n: 5, minWords: 15, maxGap: 8 }],
    [3, 60, 4, { n: 2, minWords: 3, maxGap: 3 }],
    [4, 1500, 2000, { n: 5, minWords: 15, maxGap: 8 }],
    [5, 300, 12, { n: 4, minWords: 4, maxGap: 1 }],
  ])('seed %i, %i shingles over %i words, %o', (seed, length, alphabet, o) => {
    // Each x against its copy, itself, unrelated texts, a prefix and an empty text, read as the later side (x is a)
    // and as the earlier (x is b) in turn: places collected for one text must never show in the next.
    const m = new ShingleMatcher();
    for (let g = 0; g < 8; g++) {
      const [x, copy] = pair(seed * 1000 + g, length, alphabet);
      const [u, v] = pair(seed * 1000 + g + 500, length, alphabet);
      m.load(x);
      for (const y of [copy, x, u, v, copy.subarray(0, 7), new Uint32Array(0), copy]) {
        expect(chainMatches(m.match(y, true), o)).toEqual(referenceAlign(x, y, o));
        expect(chainMatches(m.match(y, false), o)).toEqual(referenceAlign(y, x, o));
      }
    }
  });

  test('texts of growing and shrinking length, and an empty one loaded: the tables grow and start clean', () => {
    const o = { n: 3, minWords: 6, maxGap: 6 };
    const m = new ShingleMatcher();
    for (const length of [10, 20_000, 7, 0, 3000]) {
      const [x, y] = pair(length + 7, length, 300);
      m.load(x);
      expect(chainMatches(m.match(y, true), o)).toEqual(referenceAlign(x, y, o));
      expect(chainMatches(m.match(y, false), o)).toEqual(referenceAlign(y, x, o));
    }
  });
});
