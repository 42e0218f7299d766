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

// Indexes 0..n-1 sorted by a comparator of indexes.
function orderOf(n: number, compare: (a: number, b: number) => number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i).sort(compare);
}

// The new index of each old index, given the old indexes in new order.
function rankOf(order: Int32Array): Int32Array {
  const rank = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) rank[order[i]] = i;
  return rank;
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
  // A unigram's second word is -1: it sorts before every bigram of its first word.
  const second = (i: number) => (c.second[i] < 0 ? -1 : wordRank[c.second[i]]);
  const ngrams = orderOf(
    c.first.length,
    (a, b) => wordRank[c.first[a]] - wordRank[c.first[b]] || second(a) - second(b),
  );
  const ngramRank = rankOf(ngrams);
  const first = Int32Array.from(ngrams, (i) => wordRank[c.first[i]]);
  const secondOut = Int32Array.from(ngrams, (i) => second(i));

  const O = c.outlets.length;
  const cellCount = c.cells.length / 4;
  const cellKey = (k: number) => ngramRank[c.cells[k * 4]] * O + outletRank[c.cells[k * 4 + 1]];
  const cellOrder = orderOf(cellCount, (a, b) => cellKey(a) - cellKey(b));
  const cells = new Int32Array(c.cells.length);
  cellOrder.forEach((k, i) => {
    cells[i * 4] = ngramRank[c.cells[k * 4]];
    cells[i * 4 + 1] = outletRank[c.cells[k * 4 + 1]];
    cells[i * 4 + 2] = c.cells[k * 4 + 2];
    cells[i * 4 + 3] = c.cells[k * 4 + 3];
  });

  const G = c.groups.length;
  const withKey = (k: number) => ngramRank[c.withGroup[k * 3]] * G + c.withGroup[k * 3 + 1];
  const withOrder = orderOf(c.withGroup.length / 3, (a, b) => withKey(a) - withKey(b));
  const withGroup = new Int32Array(c.withGroup.length);
  withOrder.forEach((k, i) => {
    withGroup[i * 3] = ngramRank[c.withGroup[k * 3]];
    withGroup[i * 3 + 1] = c.withGroup[k * 3 + 1];
    withGroup[i * 3 + 2] = c.withGroup[k * 3 + 2];
  });

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
