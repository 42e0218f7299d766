import { movedPair, packPair } from './packedPair';
import { smallest } from './smallest';
import { chainMatches, extendEdges, runsCover, type AlignOptions, type Passage } from './align';
import {
  distinctShinglesInto,
  findKeyIn,
  keyDirectory,
  mergePostings,
  NO_POSTINGS,
  postingsOf,
  type Postings,
} from './postings';
import { ShingleMatcher } from './shingleMatcher';
import { shinglesInto, shinglesOf, wordsOf, type Words } from './words';

/** Tuning of reuse detection (README "Provenance"); the defaults are what the app and the export use. */
export interface ReuseOptions extends AlignOptions {
  /** Holders of a shingle that candidate search reads: the earliest by date, so likely sources are always among them. */
  maxPostings: number;
  /** Most articles one article picks to be aligned with (those sharing the most shingles with it). */
  maxCandidates: number;
  /** Shingles an article must share with another before the two are aligned. */
  minShared: number;
  /**
   * A shingle held by at most this many articles is rare: articles sharing `minShared` rare shingles are aligned even
   * when common text gives others a higher score (a passage copied once among wire stories reprinted a hundred
   * times). Below `maxPostings`, so a rare shingle's holders are all among those candidate search reads.
   */
  rareHolders: number;
}

/** The settings the app uses: 5-word shingles, passages of 12+ words, edits of up to 6 words bridged. */
export const DEFAULT_REUSE: ReuseOptions = {
  n: 5,
  minWords: 12,
  maxGap: 10,
  maxPostings: 16,
  maxCandidates: 32,
  minShared: 2,
  rareHolders: 4,
};

/** What reuse detection needs of an article. */
export interface DocInput {
  id: string;
  outlet: string;
  date: string | null;
  text: string;
  /**
   * The article's words when its holder keeps them outside the heap (the provenance job's scratch file,
   * lib/store/provenanceSpill.ts): read each time, never kept by the document, and no text is hashed.
   */
  readonly words?: Words;
}

/** An indexed article: its words and shingles (made when first read), and its place in corpus order. */
export interface Doc extends DocInput {
  order: number;
  words: Words;
  shingles: Uint32Array;
}

/** Two articles that share passages; `passages` read from article `a` (the later by date) to `b` (document indices). */
export interface PairMatch {
  a: number;
  b: number;
  passages: Passage[];
}

/**
 * A corpus's reuse index: every shingle's holders, each article's candidates, and the passages each aligned pair
 * shares. It is a function of the set of articles (not of the order they came in), so a new version can be made from
 * the previous one by redoing only what its added and removed articles change (`reindex`).
 */
export interface ReuseIndex {
  options: ReuseOptions;
  docs: Doc[];
  /** Every distinct shingle's holders, earliest by date first. */
  postings: Postings;
  /** For each document index, the documents it picked to be aligned with. */
  candidates: Int32Array[];
  /** For each document index, the pairs it belongs to, by partner index. */
  pairs: PairMatch[][];
}

/**
 * What `reindex` reads of the previous version's index; its documents, when given (in memory), lend their words and
 * shingles to the same articles of the new version instead of hashing them again.
 */
export type PreviousIndex = Pick<ReuseIndex, 'options' | 'postings' | 'candidates' | 'pairs'> & { docs?: Doc[] };

/** An empty index. */
export function createIndex(options: ReuseOptions = DEFAULT_REUSE): ReuseIndex {
  return { options, docs: [], postings: NO_POSTINGS, candidates: [], pairs: [] };
}

/**
 * A document whose words are made when first read (a reused article may never need them), or taken from `same`, the
 * same article's document in an earlier index (same text). Its shingles are made from the words' hashes each time
 * they are read, never kept: only making the index reads them, a few times per article, and keeping them was 4 bytes
 * per word of every article for as long as the provenance is held.
 */
export function lazyDoc(input: DocInput, order: number, n: number, same?: Doc): Doc {
  let words: Words | null = null;
  const doc = { ...input, order } as Doc;
  // An input reading its text from elsewhere has it as a getter, which spreading does not copy: the document reads it.
  if (!Object.hasOwn(input, 'text')) Object.defineProperty(doc, 'text', { enumerable: true, get: () => input.text });
  Object.defineProperty(doc, 'words', {
    enumerable: true,
    get: () => input.words ?? (words ??= same ? same.words : wordsOf(input.text)),
  });
  Object.defineProperty(doc, 'shingles', { enumerable: true, get: () => shinglesOf(doc.words.hashes, n) });
  return doc;
}

// Undated articles sort after dated ones (they can be a source only when nothing dated holds the passage); equal dates
// by id, so the order is one of the corpus's articles, not of how they arrived.
function byRank(x: DocInput, y: DocInput): number {
  const dx = x.date ?? '\uffff';
  const dy = y.date ?? '\uffff';
  return dx < dy ? -1 : dx > dy ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/**
 * The documents a document picks to align with: among the first `maxPostings` holders of each of its shingles, those
 * sharing at least `minShared` of them, by rarity-weighted score (a shingle few articles hold says more than one in
 * every wire story), the best `maxCandidates` (ties: earliest first); and, beside them, the best `maxCandidates` of
 * those sharing `minShared` rare shingles (by how many).
 */
function candidatesOf(
  x: number,
  shingles: Uint32Array,
  postings: Postings,
  rankOf: Int32Array,
  o: ReuseOptions,
  t: Tally,
): Int32Array {
  // Fields read once into locals: this loop runs for up to maxPostings holders of every shingle of every article.
  const { n: shared, score, rare: rareShared, seen } = t;
  const { offsets, holders } = postings;
  const directory = keyDirectory(postings);
  if (t.distinct.length < shingles.length) t.distinct = new Uint32Array(shingles.length);
  const distinct = distinctShinglesInto(shingles, t.distinct);
  let at = 0;
  for (let s = 0; s < distinct.length; s++) {
    // Hashes come ascending, so each search starts where the last ended.
    const k = findKeyIn(postings, directory, distinct[s], at);
    if (k < 0) continue;
    at = k;
    // Read in place (holdersAt would make a view per shingle: garbage for every shingle of every article).
    const from = offsets[k];
    const held = offsets[k + 1] - from;
    const top = Math.min(held, o.maxPostings);
    const weight = 1 / top;
    const rare = held <= o.rareHolders ? 1 : 0;
    for (let i = 0; i < top; i++) {
      const d = holders[from + i];
      if (d === x) continue;
      if (shared[d] === 0) seen.push(d);
      shared[d]++;
      score[d] += weight;
      rareShared[d] += rare;
    }
  }
  const sharing = t.seen.filter((d) => t.n[d] >= o.minShared);
  const best = smallest(sharing, o.maxCandidates, (p, q) => t.score[q] - t.score[p] || rankOf[p] - rankOf[q]);
  const picked = new Set(best);
  const rare = smallest(
    sharing.filter((d) => t.rare[d] >= o.minShared && !picked.has(d)),
    o.maxCandidates,
    (p, q) => t.rare[q] - t.rare[p] || rankOf[p] - rankOf[q],
  );
  for (const d of t.seen) {
    t.n[d] = 0;
    t.score[d] = 0;
    t.rare[d] = 0;
  }
  t.seen.length = 0;
  return Int32Array.from([...best, ...rare]);
}

/**
 * Per-document counters of candidate search, kept between documents (cleared where used) instead of a map each, and
 * a buffer for each document's distinct shingles.
 */
interface Tally {
  n: Int32Array;
  score: Float64Array;
  rare: Int32Array;
  seen: number[];
  distinct: Uint32Array;
}

const tally = (n: number): Tally => ({
  n: new Int32Array(n),
  score: new Float64Array(n),
  rare: new Int32Array(n),
  seen: [],
  distinct: new Uint32Array(0),
});

/**
 * The passages two documents share, read from the later (by rank) to the earlier; null when none is long enough.
 * `matcher` holds document x's shingles (loaded once for all its candidates), `sy` is document y's; `chained` is the
 * options with chains kept from one shingle long, since edges are grown before the length rule.
 */
function alignPair(
  docs: Doc[],
  rankOf: Int32Array,
  x: number,
  y: number,
  o: ReuseOptions,
  chained: AlignOptions,
  matcher: ShingleMatcher,
  sy: Uint32Array,
): PairMatch | null {
  const xIsA = rankOf[x] > rankOf[y];
  const [a, b] = xIsA ? [x, y] : [y, x];
  const [da, db] = [docs[a], docs[b]];
  // Chains are grown over edits at their ends before the length rule, so a 15-word passage with an edit in its last
  // words is not cut below it.
  const passages = chainMatches(matcher.match(sy, xIsA), chained)
    .map((p) => extendEdges(p, da.words.hashes, db.words.hashes))
    .filter((p) => p.aEnd - p.aStart >= o.minWords && p.bEnd - p.bStart >= o.minWords);
  return passages.length ? packPair(a, b, passages) : null;
}

const includes = (list: Int32Array, x: number) => list.indexOf(x) >= 0;

/**
 * The index of a new version of a corpus (`inputs`, in corpus order) made from the previous version's: `prevOf[i]` is
 * the previous index of the same article (same text and date) or -1 for an added one; an article of the previous
 * version no input maps to was removed. Only the added articles and the holders of shingles whose first holders
 * changed pick candidates again, only new pairs are aligned, and `changed` flags every article whose pairs changed.
 * From an empty index it is the whole computation, so both paths give the same result by construction.
 */
export function reindex(
  prev: PreviousIndex,
  inputs: readonly DocInput[],
  prevOf: Int32Array,
): { index: ReuseIndex; changed: Uint8Array } {
  const o = prev.options;
  if (o.rareHolders >= o.maxPostings)
    throw new Error(
      `reuse options: rareHolders (${o.rareHolders}) must be below maxPostings (${o.maxPostings}), or adding a holder of a rare shingle would go unnoticed`,
    );
  if (prev.candidates.length !== prev.pairs.length)
    throw new Error(
      'reuse index: this provenance was restored without its shingle index, so articles cannot be added to it; read the stored reuse index or recompute',
    );
  const n = inputs.length;
  const docs = inputs.map((x, i) => {
    const same = prevOf[i] >= 0 ? prev.docs?.[prevOf[i]] : undefined;
    return lazyDoc(x, i, o.n, same && same.text === x.text ? same : undefined);
  });
  const ranked = Int32Array.from(docs.keys()).sort((x, y) => byRank(docs[x], docs[y]));
  const rankOf = new Int32Array(n);
  ranked.forEach((d, r) => (rankOf[d] = r));
  for (let r = 1; r < n; r++)
    if (docs[ranked[r]].id === docs[ranked[r - 1]].id)
      throw new Error(`reuse index: article "${docs[ranked[r]].id}" appears twice; each article id must be unique`);
  const newOf = new Int32Array(prev.candidates.length).fill(-1);
  const added: number[] = [];
  prevOf.forEach((p, i) => {
    if (p < 0) added.push(i);
    else if (p >= newOf.length || newOf[p] >= 0)
      throw new Error(
        `reuse index: article "${docs[i].id}" maps to previous article ${p}, which is out of range or taken`,
      );
    else newOf[p] = i;
  });
  const affected = new Uint8Array(n);
  for (const i of added) affected[i] = 1;
  const postings = mergePostings(
    prev.postings,
    newOf,
    postingsOf(added, (i) => docs[i].shingles, rankOf, ranked),
    rankOf,
    o.maxPostings,
    affected,
  );
  const candidates: Int32Array[] = new Array(n);
  const t = tally(n);
  for (let i = 0; i < n; i++) {
    if (!affected[i]) {
      const kept = prev.candidates[prevOf[i]].map((d) => newOf[d]);
      // A candidate that was removed always changed the first holders of a shared shingle; checked all the same.
      if (!kept.includes(-1)) {
        candidates[i] = kept;
        continue;
      }
      affected[i] = 1;
    }
    candidates[i] = candidatesOf(i, docs[i].shingles, postings, rankOf, o, t);
  }
  // Each article's pairs, filled as pairs are kept or found: a Map or Set keyed by pair holds at most 2^24 entries, and
  // at 20,000 generated articles there are 30 pairs (and about as many tried) per article, past that near 550,000.
  const pairs: PairMatch[][] = Array.from({ length: n }, () => []);
  const add = (pair: PairMatch) => {
    pairs[pair.a].push(pair);
    pairs[pair.b].push(pair);
  };
  const paired = (x: number, y: number) => pairs[x].some((p) => partnerOf(p, x) === y);
  prev.pairs.forEach((list, j) => {
    for (const pair of list) {
      if (Math.min(pair.a, pair.b) !== j) continue;
      const [a, b] = [newOf[pair.a], newOf[pair.b]];
      if (a < 0 || b < 0) continue;
      // A pair stays while either side still picks the other (both texts unchanged, so its passages are the same).
      if ((affected[a] || affected[b]) && !includes(candidates[a], b) && !includes(candidates[b], a)) continue;
      add(movedPair(pair, a, b));
    }
  });
  const chained: AlignOptions = { ...o, minWords: o.n };
  // One matcher and one shingle buffer for every pair: x's shingles are indexed once for all its candidates and each
  // candidate's shingles are made into the buffer, so aligning allocates nothing per pair but its passages.
  const matcher = new ShingleMatcher();
  let sy = new Uint32Array(0);
  for (let x = 0; x < n; x++) {
    if (!affected[x]) continue;
    let loaded = false;
    for (const y of candidates[x]) {
      // Tried already when y came first and picked x, or paired before.
      if ((y < x && affected[y] && includes(candidates[y], x)) || paired(x, y)) continue;
      if (!loaded) matcher.load(docs[x].shingles);
      loaded = true;
      const wy = docs[y].words.hashes;
      if (sy.length < wy.length) sy = new Uint32Array(wy.length);
      const pair = alignPair(docs, rankOf, x, y, o, chained, matcher, shinglesInto(wy, o.n, sy));
      if (pair) add(pair);
    }
  }
  const changed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    pairs[i].sort((p, q) => partnerOf(p, i) - partnerOf(q, i));
    if (prevOf[i] < 0) {
      changed[i] = 1;
      continue;
    }
    const before = prev.pairs[prevOf[i]].map((p) => newOf[partnerOf(p, prevOf[i])]).sort((p, q) => p - q);
    const now = pairs[i].map((p) => partnerOf(p, i));
    if (before.length !== now.length || before.some((d, t) => d !== now[t])) changed[i] = 1;
  }
  return { index: { options: o, docs, postings, candidates, pairs }, changed };
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
