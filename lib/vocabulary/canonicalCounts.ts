import type { VocabularyCounts } from './table';

// Code-unit order of strings, the order finishTable keeps terms in (no locale: the same on every machine).
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A word in one string form whatever text it was cut from: V8 keeps a string cut from a text holding a character above
 * U+00FF two bytes a character, and v8 serialisation writes that form, so the same word stored from two texts gave two
 * byte strings. Every word that fits is made one byte a character (a Latin-1 round trip copies it into that form).
 */
function oneForm(w: string): string {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) > 0xff) return w;
  return Buffer.from(w, 'latin1').toString('latin1');
}

// Indexes 0..n-1 (a loop: Int32Array.from of an array-like iterates generically, slowly at millions).
function indexes(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

// Indexes 0..n-1 sorted by a comparator of indexes.
function orderOf(n: number, compare: (a: number, b: number) => number): Int32Array {
  return indexes(n).sort(compare);
}

// The new index of each old index, given the old indexes in new order.
function rankOf(order: Int32Array): Int32Array {
  const rank = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) rank[order[i]] = i;
  return rank;
}

// The indexes `from` reordered by key[index] (0 <= key < range), stable: a counting sort, linear in length + range.
function byKey(from: Int32Array, key: (i: number) => number, range: number): Int32Array {
  const at = new Int32Array(range + 1);
  for (let k = 0; k < from.length; k++) at[key(from[k]) + 1]++;
  for (let r = 0; r < range; r++) at[r + 1] += at[r];
  const out = new Int32Array(from.length);
  for (let k = 0; k < from.length; k++) out[at[key(from[k])]++] = from[k];
  return out;
}

// Records of `width` integers ordered by their first integer through `rank`, then by their second through `minor`,
// both replaced by their ranks: two stable counting sorts (minor, then major), linear in the records plus the ranks.
// Plain loops, no callbacks: a comparison sort of millions of cells took seconds.
function recordsBy(xs: Int32Array, width: number, rank: Int32Array, minor: Int32Array): Int32Array {
  const count = xs.length / width;
  const byMinor = new Int32Array(count);
  const m = new Int32Array(minor.length + 1);
  for (let k = 0; k < count; k++) m[minor[xs[k * width + 1]] + 1]++;
  for (let r = 0; r < minor.length; r++) m[r + 1] += m[r];
  for (let k = 0; k < count; k++) byMinor[m[minor[xs[k * width + 1]]]++] = k;
  const at = new Int32Array(rank.length + 1);
  for (let k = 0; k < count; k++) at[rank[xs[k * width]] + 1]++;
  for (let r = 0; r < rank.length; r++) at[r + 1] += at[r];
  const out = new Int32Array(xs.length);
  for (let i = 0; i < count; i++) {
    const k = byMinor[i] * width;
    const to = at[rank[xs[k]]]++ * width;
    out[to] = rank[xs[k]];
    out[to + 1] = minor[xs[k + 1]];
    for (let f = 2; f < width; f++) out[to + f] = xs[k + f];
  }
  return out;
}

/**
 * The same counts in an order fixed by their content alone: keys, outlets and words sorted by code unit, n-grams by
 * their words (a unigram before the bigrams it starts), cells by n-gram then outlet, co-occurrences by n-gram then
 * group; words in one string form (oneForm). A merge's order follows which analysis worker answered first; stored in
 * this form, two runs of the same import store the same bytes (lib/store/ngramCounts.ts). Merging these counts gives
 * the same table as the originals (the same terms and counts; a term's string form may differ, see oneForm).
 */
export function canonicalCounts(c: VocabularyCounts): VocabularyCounts {
  const words = orderOf(c.words.length, (a, b) => byText(c.words[a], c.words[b]));
  const wordRank = rankOf(words);
  const outlets = orderOf(c.outlets.length, (a, b) => byText(c.outlets[a], c.outlets[b]));
  const outletRank = rankOf(outlets);
  // A unigram's second word is -1: it sorts before every bigram of its first word. Two counting sorts (by second word,
  // then stably by first) order the n-grams by their words in linear time.
  const second = (i: number) => (c.second[i] < 0 ? -1 : wordRank[c.second[i]]);
  const all = indexes(c.first.length);
  const W = c.words.length;
  const ngrams = byKey(
    byKey(all, (i) => second(i) + 1, W + 1),
    (i) => wordRank[c.first[i]],
    W,
  );
  const ngramRank = rankOf(ngrams);
  const first = Int32Array.from(ngrams, (i) => wordRank[c.first[i]]);
  const secondOut = Int32Array.from(ngrams, (i) => second(i));
  const cells = recordsBy(c.cells, 4, ngramRank, outletRank);
  const withGroup = recordsBy(c.withGroup, 3, ngramRank, indexes(c.groups.length));

  const perOutlet = (xs: readonly number[]) => Array.from(outlets, (o) => xs[o]);
  return {
    keys: [...c.keys].sort(byText),
    outlets: Array.from(outlets, (o) => c.outlets[o]),
    groups: [...c.groups],
    words: Array.from(words, (w) => oneForm(c.words[w])),
    first,
    second: secondOut,
    cells,
    withGroup,
    n: perOutlet(c.n),
    tokens: perOutlet(c.tokens),
    articles: perOutlet(c.articles),
    sentences: c.sentences,
    groupNgrams: [...c.groupNgrams],
    lossy: c.lossy,
  };
}
