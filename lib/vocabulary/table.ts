import type { Span } from '../text/quotes';
import { STOPWORDS } from './stopwords';
import { articleTokens, type VocabToken } from './tokens';

/**
 * Per-outlet n-gram counts of a view's text, made in one pass over the sentences it keeps. Words get integer ids and
 * a bigram is keyed by its two word ids, so no bigram string is built while counting (only for the n-grams kept), and
 * counts live in flat typed arrays indexed by n-gram id. Memory is bounded twice: while counting, at most `liveCap`
 * n-grams are held (when there would be more, those seen at most `floor` times so far are dropped and `floor` rises:
 * lossy counting, so after such a prune a rare n-gram's count is a lower bound, and `lossy` says it happened); at the
 * end, n-grams used fewer than `minCount` times in the whole view are dropped and at most `cap` of the most frequent
 * kept. Outlet totals (`n`, `tokens`, `articles`) count everything, pruned n-grams included.
 */

/** One article's text as the vocabulary reads it: the sentences the view keeps, quotations, and counted mentions. */
export interface ArticleText {
  outlet: string;
  text: string;
  /** The sentences the view keeps (section scope, provenance), in text order, with their section. */
  sentences: readonly (Span & { section: string })[];
  /** Spans whose words are not counted (quotations under own voice), sorted and disjoint. */
  skip: readonly Span[];
  /** Counted lexicon mentions with the index of their term group, sorted by start (for co-occurrence). */
  mentions: readonly { start: number; end: number; group: number }[];
  /** Word tokens of the kept text (the engine's count, for rates per 1,000 tokens). */
  tokens: number;
}

/** Pruning limits of a vocabulary table. */
export interface TableLimits {
  minCount: number;
  cap: number;
  liveCap: number;
}

/** The default limits: n-grams used at least 3 times, at most 50,000 kept, 2,000,000 held while counting. */
export const DEFAULT_LIMITS: TableLimits = { minCount: 3, cap: 50_000, liveCap: 2_000_000 };

/**
 * One n-gram's counts: uses per outlet (index = outlet), articles using it per outlet, and its uses outside a mention
 * in sentences holding a counted mention of each term group (co-occurrence).
 */
export interface TermCounts {
  uses: Int32Array;
  articles: Int32Array;
  withGroup: Int32Array;
}

/** Per-outlet n-gram counts with their totals and what pruning did. */
export interface VocabularyTable {
  outlets: string[];
  groups: string[];
  terms: Map<string, TermCounts>;
  /** Counted n-grams per outlet (unigrams + bigrams, before pruning): the log-odds n. */
  n: number[];
  /** Word tokens per outlet (the engine's count under the same filters). */
  tokens: number[];
  /** Articles per outlet with at least one kept sentence. */
  articles: number[];
  /** Kept sentences. */
  sentences: number;
  /** Per group: n-grams outside a mention in sentences holding a counted mention of it (co-occurrence base). */
  groupNgrams: number[];
  pruning: TableLimits & { distinct: number; kept: number; lossy: boolean };
}

/**
 * A map from word-id pairs to n-gram ids: open addressing with linear probing on typed arrays, so a bigram lookup
 * allocates nothing (a Map keyed by a number above 2^31 boxes every key and was the counter's largest cost).
 */
class PairMap {
  private a = new Int32Array(4096).fill(-1);
  private b = new Int32Array(4096);
  private v = new Int32Array(4096);
  private used = 0;

  private slot(a: number, b: number): number {
    const mask = this.a.length - 1;
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77)) & mask;
    while (this.a[i] !== -1 && (this.a[i] !== a || this.b[i] !== b)) i = (i + 1) & mask;
    return i;
  }

  get(a: number, b: number): number {
    const i = this.slot(a, b);
    return this.a[i] === -1 ? -1 : this.v[i];
  }

  set(a: number, b: number, value: number): void {
    if ((this.used + 1) * 2 > this.a.length) this.resize(this.a.length * 2);
    const i = this.slot(a, b);
    if (this.a[i] === -1) this.used++;
    this.a[i] = a;
    this.b[i] = b;
    this.v[i] = value;
  }

  clear(): void {
    this.a.fill(-1);
    this.used = 0;
  }

  private resize(size: number): void {
    const { a, b, v } = this;
    this.a = new Int32Array(size).fill(-1);
    this.b = new Int32Array(size);
    this.v = new Int32Array(size);
    this.used = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== -1) this.set(a[i], b[i], v[i]);
  }
}

/** Counts of n-grams by integer id in flat arrays, with the dictionaries from words and word pairs to ids. */
class Counter {
  words = new Map<string, number>();
  wordText: string[] = [];
  stop: boolean[] = [];
  /** Unigram n-gram id of each word id (-1: none yet). */
  unigram: number[] = [];
  bigram = new PairMap();
  /** Per n-gram id: its words (second -1 for a unigram). */
  first = new Int32Array(1024);
  second = new Int32Array(1024);
  uses: Int32Array;
  articles: Int32Array;
  withGroup: Int32Array;
  lastArticle = new Int32Array(1024);
  size = 0;
  floor = 0;
  lossy = false;
  distinct = 0;

  constructor(
    readonly O: number,
    readonly G: number,
    readonly liveCap: number,
  ) {
    this.uses = new Int32Array(1024 * O);
    this.articles = new Int32Array(1024 * O);
    this.withGroup = new Int32Array(1024 * Math.max(1, G));
  }

  word(text: string): number {
    let id = this.words.get(text);
    if (id === undefined) {
      id = this.wordText.length;
      this.words.set(text, id);
      this.wordText.push(text);
      this.stop.push(STOPWORDS.has(text));
      this.unigram.push(-1);
    }
    return id;
  }

  private grow(): void {
    const cap = this.first.length * 2;
    const copy = (a: Int32Array, per: number) => {
      const b = new Int32Array(cap * per);
      b.set(a);
      return b;
    };
    this.first = copy(this.first, 1);
    this.second = copy(this.second, 1);
    this.lastArticle = copy(this.lastArticle, 1);
    this.uses = copy(this.uses, this.O);
    this.articles = copy(this.articles, this.O);
    this.withGroup = copy(this.withGroup, Math.max(1, this.G));
  }

  private add(a: number, b: number): number {
    if (this.size >= this.liveCap) this.prune();
    if (this.size >= this.first.length) this.grow();
    const id = this.size++;
    this.distinct++;
    this.first[id] = a;
    this.second[id] = b;
    this.lastArticle[id] = -1;
    return id;
  }

  /** The id of a unigram (b < 0) or bigram, made on first sight. */
  id(a: number, b: number): number {
    if (b < 0) {
      const u = this.unigram[a];
      if (u >= 0) return u;
      return (this.unigram[a] = this.add(a, -1));
    }
    const found = this.bigram.get(a, b);
    if (found >= 0) return found;
    const id = this.add(a, b);
    this.bigram.set(a, b, id);
    return id;
  }

  total(id: number): number {
    let s = 0;
    for (let o = 0; o < this.O; o++) s += this.uses[id * this.O + o];
    return s;
  }

  // Lossy counting: drop the n-grams used at most `floor` times, raising floor until a tenth of the cap is free.
  private prune(): void {
    this.lossy = true;
    while (this.size >= this.liveCap * 0.9) {
      this.floor++;
      this.compact((id) => this.total(id) > this.floor);
    }
  }

  /** Keeps the n-grams `keep` accepts, renumbered in order. */
  compact(keep: (id: number) => boolean): void {
    const { O, G } = this;
    const g = Math.max(1, G);
    let next = 0;
    this.bigram.clear();
    this.unigram.fill(-1);
    for (let id = 0; id < this.size; id++) {
      if (!keep(id)) continue;
      const to = next++;
      this.first[to] = this.first[id];
      this.second[to] = this.second[id];
      this.lastArticle[to] = this.lastArticle[id];
      this.uses.copyWithin(to * O, id * O, id * O + O);
      this.articles.copyWithin(to * O, id * O, id * O + O);
      this.withGroup.copyWithin(to * g, id * g, id * g + g);
      if (this.second[to] < 0) this.unigram[this.first[to]] = to;
      else this.bigram.set(this.first[to], this.second[to], to);
    }
    this.uses.fill(0, next * O, this.size * O);
    this.articles.fill(0, next * O, this.size * O);
    this.withGroup.fill(0, next * g, this.size * g);
    this.size = next;
  }

  text(id: number): string {
    const a = this.wordText[this.first[id]];
    return this.second[id] < 0 ? a : `${a} ${this.wordText[this.second[id]]}`;
  }
}

// Whether each token lies in a counted mention (tokens and mentions both sorted).
function mentionFlags(tokens: VocabToken[], mentions: ArticleText['mentions'], from: number, to: number): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  let m = from;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    while (m < to && mentions[m].end <= t.start) m++;
    out[i] = m < to && mentions[m].start < t.end;
  }
  return out;
}

/** Counts the n-grams of the given articles per outlet (ids in `outlets`) with co-occurrence per term group. */
export function countVocabulary(
  texts: Iterable<ArticleText>,
  outlets: readonly string[],
  groups: readonly string[],
  limits: TableLimits = DEFAULT_LIMITS,
): VocabularyTable {
  const O = outlets.length;
  const G = groups.length;
  const g1 = Math.max(1, G);
  const index = new Map(outlets.map((o, i) => [o, i]));
  const c = new Counter(O, G, limits.liveCap);
  const n = new Array<number>(O).fill(0);
  const tokensPer = new Array<number>(O).fill(0);
  const articlesPer = new Array<number>(O).fill(0);
  const groupNgrams = new Array<number>(G).fill(0);
  let sentences = 0;
  let articleIndex = 0;
  const ids: number[] = [];
  for (const a of texts) {
    const o = index.get(a.outlet);
    if (o === undefined || a.sentences.length === 0) continue;
    const art = articleIndex++;
    articlesPer[o]++;
    tokensPer[o] += a.tokens;
    const bySentence = articleTokens(a.text, a.sentences, a.skip as Span[]);
    let m = 0;
    for (const [si, s] of a.sentences.entries()) {
      sentences++;
      const tokens = bySentence[si];
      // Mentions are sorted and sentences come in order: one pointer finds this sentence's mentions.
      while (m < a.mentions.length && a.mentions[m].start < s.start) m++;
      let e = m;
      while (e < a.mentions.length && a.mentions[e].start < s.end) e++;
      let groupsHere: number[] = [];
      let inMention: boolean[] | null = null;
      if (e > m) {
        groupsHere = [...new Set(a.mentions.slice(m, e).map((x) => x.group))];
        inMention = mentionFlags(tokens, a.mentions, m, e);
      }
      ids.length = 0;
      for (const t of tokens) ids.push(c.word(t.text));
      const count = (id: number, outside: boolean) => {
        n[o]++;
        c.uses[id * O + o]++;
        if (c.lastArticle[id] !== art) {
          c.lastArticle[id] = art;
          c.articles[id * O + o]++;
        }
        if (outside)
          for (const g of groupsHere) {
            c.withGroup[id * g1 + g]++;
            groupNgrams[g]++;
          }
      };
      for (let i = 0; i < tokens.length; i++) {
        const w = ids[i];
        const stop = c.stop[w];
        const outside = groupsHere.length > 0 && !inMention![i];
        if (!stop) count(c.id(w, -1), outside);
        if (i > 0 && tokens[i].joined && !(stop && c.stop[ids[i - 1]]))
          count(c.id(ids[i - 1], w), outside && !inMention![i - 1]);
      }
    }
  }
  const distinct = c.distinct;
  c.compact((id) => c.total(id) >= limits.minCount);
  if (c.size > limits.cap) {
    const order = Array.from({ length: c.size }, (_, i) => i).map((id) => [id, c.total(id), c.text(id)] as const);
    order.sort((x, y) => y[1] - x[1] || (x[2] < y[2] ? -1 : 1));
    const keep = new Set(order.slice(0, limits.cap).map((x) => x[0]));
    c.compact((id) => keep.has(id));
  }
  // Kept in code-unit order of the n-grams: a scoring pass then breaks ties of z by table order (a stable sort), which is
  // this order, without comparing strings (lib/vocabulary/score.ts).
  const order = Array.from({ length: c.size }, (_, id) => [c.text(id), id] as const).sort((x, y) =>
    x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0,
  );
  const terms = new Map<string, TermCounts>();
  for (const [text, id] of order)
    terms.set(text, {
      uses: c.uses.subarray(id * O, id * O + O),
      articles: c.articles.subarray(id * O, id * O + O),
      withGroup: c.withGroup.subarray(id * g1, id * g1 + G),
    });
  return {
    outlets: [...outlets],
    groups: [...groups],
    terms,
    n,
    tokens: tokensPer,
    articles: articlesPer,
    sentences,
    groupNgrams,
    pruning: { ...limits, distinct, kept: terms.size, lossy: c.lossy },
  };
}

/** Total uses of a term across all outlets of its table. */
export function totalUses(row: TermCounts): number {
  let s = 0;
  for (let i = 0; i < row.uses.length; i++) s += row.uses[i];
  return s;
}
