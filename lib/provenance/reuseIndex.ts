import { alignShingles, extendEdges, runsCover, type AlignOptions, type Passage } from './align';
import { shinglesOf, wordsOf, type Words } from './words';

/** Tuning of reuse detection (README "Provenance"); the defaults are what the app and the export use. */
export interface ReuseOptions extends AlignOptions {
  /** Articles kept per shingle in the index: the earliest by date, so the likely sources are always among them. */
  maxPostings: number;
  /** Most articles one new article is aligned with (those sharing the most shingles with it). */
  maxCandidates: number;
  /** Shingles an article must share with another before the two are aligned. */
  minShared: number;
}

/** The settings the app uses: 5-word shingles, passages of 12+ words, edits of up to 6 words bridged. */
export const DEFAULT_REUSE: ReuseOptions = {
  n: 5,
  minWords: 12,
  maxGap: 10,
  maxPostings: 16,
  maxCandidates: 32,
  minShared: 2,
};

/** What reuse detection needs of an article. */
export interface DocInput {
  id: string;
  outlet: string;
  date: string | null;
  text: string;
}

/** An indexed article: its words and shingles, and its place in insertion order. */
export interface Doc extends DocInput {
  order: number;
  words: Words;
  shingles: Uint32Array;
}

/** Two articles that share passages; `passages` read from article `a` to article `b` (document indices). */
export interface PairMatch {
  a: number;
  b: number;
  passages: Passage[];
}

/**
 * A growing index of a corpus's shingles with the passages found so far. Adding an article indexes it and aligns it
 * with the few articles it shares shingles with, so the whole corpus is near-linear and one more article costs its
 * own candidates only.
 */
export interface ReuseIndex {
  options: ReuseOptions;
  docs: Doc[];
  /** shingle hash -> document indices (earliest first), sharded by the hash's low byte to keep maps small. */
  postings: Map<number, number[]>[];
  /** For each document index, the pairs it belongs to. */
  pairs: PairMatch[][];
}

/** An empty index. */
export function createIndex(options: ReuseOptions = DEFAULT_REUSE): ReuseIndex {
  return { options, docs: [], postings: Array.from({ length: 256 }, () => new Map()), pairs: [] };
}

// Undated articles sort after dated ones: they can be a source only when nothing dated holds the passage.
function earlier(x: Doc, y: Doc): boolean {
  const dx = x.date ?? '\uffff';
  const dy = y.date ?? '\uffff';
  return dx < dy || (dx === dy && x.order < y.order);
}

/**
 * Adds an article: aligns it with its candidates and indexes its shingles. Returns the indices of every article
 * whose provenance may have changed (the new one and its partners).
 */
export function addDoc(index: ReuseIndex, input: DocInput): number[] {
  const o = index.options;
  const words = wordsOf(input.text);
  const doc: Doc = { ...input, order: index.docs.length, words, shingles: shinglesOf(words.hashes, o.n) };
  const self = doc.order;
  index.docs.push(doc);
  index.pairs.push([]);
  const shared = new Map<number, { n: number; score: number }>();
  const seen = new Set<number>();
  for (const h of doc.shingles) {
    if (seen.has(h)) continue;
    seen.add(h);
    const list = index.postings[h & 255].get(h);
    if (!list) continue;
    // A shingle few articles hold says more than one in every wire story: weighting by rarity keeps a passage copied
    // once among the candidates even when hundreds of articles share common sentences with this one.
    const weight = 1 / list.length;
    for (const d of list) {
      const c = shared.get(d);
      if (c) {
        c.n++;
        c.score += weight;
      } else shared.set(d, { n: 1, score: weight });
    }
  }
  const candidates = [...shared]
    .filter(([, c]) => c.n >= o.minShared)
    .sort((x, y) => y[1].score - x[1].score || x[0] - y[0])
    .slice(0, o.maxCandidates);
  const touched = [self];
  for (const [d] of candidates) {
    const other = index.docs[d];
    // Chains are grown over edits at their ends before the length rule, so a 15-word passage with an edit in its
    // last words is not cut below it.
    const passages = alignShingles(doc.shingles, other.shingles, { ...o, minWords: o.n })
      .map((p) => extendEdges(p, words.hashes, other.words.hashes))
      .filter((p) => p.aEnd - p.aStart >= o.minWords && p.bEnd - p.bStart >= o.minWords);
    if (passages.length === 0) continue;
    const pair = { a: self, b: d, passages };
    index.pairs[self].push(pair);
    index.pairs[d].push(pair);
    touched.push(d);
  }
  for (const h of seen) {
    const shard = index.postings[h & 255];
    const list = shard.get(h);
    if (!list) {
      shard.set(h, [self]);
      continue;
    }
    let at = list.length;
    while (at > 0 && earlier(doc, index.docs[list[at - 1]])) at--;
    if (at >= o.maxPostings) continue;
    list.splice(at, 0, self);
    if (list.length > o.maxPostings) list.pop();
  }
  return touched;
}

/** The passages of a pair seen from one of its articles (document index `from`): own side first. */
export function passagesFrom(pair: PairMatch, from: number): Passage[] {
  if (pair.a === from) return pair.passages;
  return pair.passages.map((p) => {
    const anchors = p.anchors.map((x) => ({ a: x.b, b: x.a, len: x.len }));
    return { aStart: p.bStart, aEnd: p.bEnd, bStart: p.aStart, bEnd: p.aEnd, anchors, matched: runsCover(anchors) };
  });
}

/** The other article of a pair. */
export function partnerOf(pair: PairMatch, from: number): number {
  return pair.a === from ? pair.b : pair.a;
}
