import type { Span } from '../text/quotes';
import { STOPWORDS } from './stopwords';
import { CountedWords } from './countedWords';

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

// Cells an outlet's log holds before they are added to its column (two integers each).
const LOG = (1 << 15) * 2;

/**
 * A map from word-id pairs to n-gram ids: open addressing with linear probing on typed arrays, so a bigram lookup
 * allocates nothing (a Map keyed by a number above 2^31 boxes every key and was the counter's largest cost).
 */
class PairMap {
  // Slots of three integers: first word (-1: empty), second word, n-gram id; a probe reads one cache line, not three.
  private t: Int32Array;
  private used = 0;

  constructor(expected = 2048) {
    let size = 4096;
    while (size < expected * 2) size *= 2;
    this.t = new Int32Array(size * 3).fill(-1);
  }

  private slot(a: number, b: number): number {
    const t = this.t;
    const mask = t.length / 3 - 1;
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77)) & mask;
    while (t[i * 3] !== -1 && (t[i * 3] !== a || t[i * 3 + 1] !== b)) i = (i + 1) & mask;
    return i * 3;
  }

  get(a: number, b: number): number {
    const i = this.slot(a, b);
    return this.t[i] === -1 ? -1 : this.t[i + 2];
  }

  set(a: number, b: number, value: number): void {
    if ((this.used + 1) * 2 > this.t.length / 3) this.resize((this.t.length / 3) * 2);
    const i = this.slot(a, b);
    if (this.t[i] === -1) this.used++;
    this.t[i] = a;
    this.t[i + 1] = b;
    this.t[i + 2] = value;
  }

  clear(): void {
    this.t.fill(-1);
    this.used = 0;
  }

  private resize(size: number): void {
    const old = this.t;
    this.t = new Int32Array(size * 3).fill(-1);
    this.used = 0;
    for (let i = 0; i < old.length; i += 3) if (old[i] !== -1) this.set(old[i], old[i + 1], old[i + 2]);
  }
}

/**
 * One batch's (or a whole run's) n-gram counts in a form that crosses threads and merges exactly: the words, each
 * n-gram as word indexes, and its non-zero per-outlet counts as sparse cells. An analysis worker counts its batch while
 * it has the text in hand and sends this back beside the analyses, so the version's table is a merge of these, not a
 * second reading and tokenising of every article (lib/store/vocabularyJob.ts). `keys` are the articles counted.
 */
export interface VocabularyCounts {
  keys: string[];
  outlets: string[];
  groups: string[];
  words: string[];
  /** Per n-gram: its first and second word index (second -1 for a unigram). */
  first: Int32Array;
  second: Int32Array;
  /** Per non-zero (n-gram, outlet) cell: n-gram index, outlet index, uses, articles using it. */
  cells: Int32Array;
  /** Per non-zero (n-gram, group) co-occurrence: n-gram index, group index, count. */
  withGroup: Int32Array;
  n: number[];
  tokens: number[];
  articles: number[];
  sentences: number;
  groupNgrams: number[];
  /** True when counting dropped rare n-grams (lossy): such counts no longer merge exactly. */
  lossy: boolean;
}

/**
 * Counts of n-grams by integer id in flat arrays, with the dictionaries from words and word pairs to ids. Outlets get
 * a column when first seen, so a worker's batch and a whole import merge into one.
 */
export class Counter {
  words = new Map<string, number>();
  wordText: string[] = [];
  stop: boolean[] = [];
  /** Unigram n-gram id of each word id (-1: none yet). */
  unigram: number[] = [];
  bigram: PairMap;
  /** Per n-gram id: its words (second -1 for a unigram). */
  first: Int32Array;
  second: Int32Array;
  /** The outlets with a column, in column order. */
  outletIds: string[] = [];
  outletIndex = new Map<string, number>();
  /**
   * Per outlet, a column of two integers per n-gram id: its uses, then the articles using it. An article's counts all
   * land in its outlet's column (a few hundred kB, mostly in cache) and uses and articles share a cache line, where
   * rows of every outlet's counts spread one article's updates over tens of MB.
   */
  private columns: Int32Array[] = [];
  /** The outlets' columns, with every article counted so far added (see `logs`). */
  get cols(): Int32Array[] {
    if (this.logged) this.settle();
    return this.columns;
  }
  // Per outlet, its articles' cells not yet added to its column: pairs of n-gram id and uses × 2 + 1 when the article
  // counts as using it. Added a whole log at a time (fold), the outlet's column is then read while in cache: adding each
  // article's cells at its end missed the cache once per distinct n-gram, the columns of all outlets being too large.
  private logs: Int32Array[] = [];
  private logLength: number[] = [];
  private logged = false;
  withGroup: Int32Array;
  n: number[] = [];
  tokens: number[] = [];
  articlesPer: number[] = [];
  sentences = 0;
  groupNgrams: number[];
  articleCount = 0;
  size = 0;
  floor = 0;
  lossy = false;
  distinct = 0;
  keys: string[] = [];

  /**
   * `outlets`: the columns made first, in order; `expected`: n-grams to make room for at once (a worker's batch knows
   * roughly how many it will see, and growing the rows step by step was a fifth of its counting time).
   */
  constructor(
    outlets: readonly string[],
    readonly G: number,
    readonly liveCap: number,
    expected = 1024,
  ) {
    const rows = Math.max(1024, Math.min(expected, liveCap));
    this.bigram = new PairMap(rows);
    this.first = new Int32Array(rows);
    this.second = new Int32Array(rows);
    this.local = new Int32Array(rows);
    this.withGroup = new Int32Array(rows * Math.max(1, G));
    this.groupNgrams = new Array<number>(G).fill(0);
    for (const o of outlets) this.outlet(o);
  }

  /** The column of an outlet, made on first sight. */
  outlet(id: string): number {
    let o = this.outletIndex.get(id);
    if (o === undefined) {
      o = this.outletIds.length;
      this.columns.push(new Int32Array(this.first.length * 2));
      this.logs.push(new Int32Array(LOG));
      this.logLength.push(0);
      this.outletIds.push(id);
      this.outletIndex.set(id, o);
      this.n.push(0);
      this.tokens.push(0);
      this.articlesPer.push(0);
    }
    return o;
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
    this.local = copy(this.local, 1);
    this.columns = this.columns.map((col) => copy(col, 2));
    this.withGroup = copy(this.withGroup, Math.max(1, this.G));
  }

  private add(a: number, b: number): number {
    if (this.size >= this.liveCap) {
      // The article being counted has counts held back (see tick): they go in first, so pruning sees the same totals
      // and the n-grams it keeps remember that this article was counted.
      this.flush(true);
      this.prune();
    }
    if (this.size >= this.first.length) this.grow();
    const id = this.size++;
    this.distinct++;
    this.first[id] = a;
    this.second[id] = b;
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
    for (let o = 0; o < this.cols.length; o++) s += this.cols[o][id * 2];
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
    const { G, cols } = this;
    const g = Math.max(1, G);
    let next = 0;
    this.bigram.clear();
    this.unigram.fill(-1);
    // N-grams counted in the current article before a prune in its middle, renumbered with the rest.
    const here = this.countedHere.length > 0 ? new Set(this.countedHere) : null;
    this.countedHere.length = 0;
    for (let id = 0; id < this.size; id++) {
      if (!keep(id)) continue;
      const to = next++;
      if (here?.has(id)) this.countedHere.push(to);
      this.first[to] = this.first[id];
      this.second[to] = this.second[id];
      for (let o = 0; o < cols.length; o++) {
        cols[o][to * 2] = cols[o][id * 2];
        cols[o][to * 2 + 1] = cols[o][id * 2 + 1];
      }
      this.withGroup.copyWithin(to * g, id * g, id * g + g);
      if (this.second[to] < 0) this.unigram[this.first[to]] = to;
      else this.bigram.set(this.first[to], this.second[to], to);
    }
    for (const col of cols) col.fill(0, next * 2, this.size * 2);
    this.withGroup.fill(0, next * g, this.size * g);
    this.size = next;
  }

  text(id: number): string {
    const a = this.wordText[this.first[id]];
    return this.second[id] < 0 ? a : `${a} ${this.wordText[this.second[id]]}`;
  }

  /** Counts one article's kept text (an outlet this counter does not hold is skipped when `fixed`). */
  count(a: ArticleText, fixed: boolean): void {
    const known = this.outletIndex.get(a.outlet);
    if ((fixed && known === undefined) || a.sentences.length === 0) return;
    const o = known ?? this.outlet(a.outlet);
    this.articleCount++;
    this.articlesPer[o]++;
    this.outletNow = o;
    this.tokens[o] += a.tokens;
    const r = this.reader;
    r.read(a.text, a.sentences, a.skip);
    // Form ids to word ids in token order, so words get their ids in the order the texts first use them.
    const ids = this.ids.length >= r.tokenCount ? this.ids : (this.ids = new Int32Array(r.tokenCount * 2));
    if (this.formWord.length < r.formText.length) {
      const wider = new Int32Array(r.formText.length * 2).fill(-1);
      wider.set(this.formWord);
      this.formWord = wider;
    }
    const formWord = this.formWord;
    for (let i = 0; i < r.tokenCount; i++) {
      const f = r.form[i];
      let w = formWord[f];
      if (w < 0) w = formWord[f] = this.word(r.tokenText(a.text, i));
      ids[i] = w;
    }
    const g1 = Math.max(1, this.G);
    const stopOf = this.stop;
    const here = this.groupsHere;
    let uses = 0;
    const mentions = a.mentions;
    let m = 0;
    for (let si = 0; si < a.sentences.length; si++) {
      const s = a.sentences[si];
      this.sentences++;
      const from = r.sentenceFrom[si];
      const to = r.sentenceFrom[si + 1];
      // Mentions are sorted and sentences come in order: one pointer finds this sentence's mentions.
      while (m < mentions.length && mentions[m].start < s.start) m++;
      let e = m;
      while (e < mentions.length && mentions[e].start < s.end) e++;
      // The distinct term groups of this sentence's mentions (a few: a scan, not a Set per sentence).
      let groups = 0;
      if (e > m) {
        for (let k = m; k < e; k++) {
          const g = mentions[k].group;
          let seen = false;
          for (let j = 0; j < groups; j++) if (here[j] === g) seen = true;
          if (!seen) here[groups++] = g;
        }
        this.flagMentions(r, from, to, mentions, m, e);
      }
      const inMention = this.inMention;
      for (let i = from; i < to; i++) {
        const w = ids[i];
        const stop = stopOf[w];
        const outside = groups > 0 && inMention[i - from] === 0;
        if (!stop) {
          const id = this.id(w, -1);
          this.tick(id);
          uses++;
          if (outside) this.cooccur(id, groups, g1);
        }
        if (i > from && r.joined[i] === 1 && !(stop && stopOf[ids[i - 1]])) {
          const id = this.id(ids[i - 1], w);
          this.tick(id);
          uses++;
          if (outside && inMention[i - 1 - from] === 0) this.cooccur(id, groups, g1);
        }
      }
    }
    this.n[o] += uses;
    this.flush();
  }

  // The distinct term groups of the sentence being counted (the first `groups` entries; at most one per group).
  private groupsHere: number[] = [];
  // Co-occurrence cells (n-gram id × groups + group) to add 1 to at the article's end: added in one tight loop whose
  // cache misses overlap, where adding at each use stalled the n-gram lookups between them.
  private pendingWith = new Int32Array(1024);
  private pendingCount = 0;

  private cooccur(id: number, groups: number, g1: number): void {
    if (this.pendingCount + groups > this.pendingWith.length) {
      const wider = new Int32Array((this.pendingCount + groups) * 2);
      wider.set(this.pendingWith);
      this.pendingWith = wider;
    }
    for (let k = 0; k < groups; k++) {
      const g = this.groupsHere[k];
      this.pendingWith[this.pendingCount++] = id * g1 + g;
      this.groupNgrams[g]++;
    }
  }

  // Reads articles into form ids (one per counter: its tables of written words and forms last from batch to batch).
  private reader = new CountedWords();
  // Word id of each form id of the reader (-1: not yet looked up).
  private formWord = new Int32Array(1024).fill(-1);
  private ids = new Int32Array(1024);
  private inMention = new Uint8Array(256);

  // Whether each token of a sentence (tokens from..to of the reader) lies in a counted mention (both sorted).
  private flagMentions(
    r: CountedWords,
    from: number,
    to: number,
    mentions: ArticleText['mentions'],
    lo: number,
    hi: number,
  ): void {
    if (this.inMention.length < to - from) this.inMention = new Uint8Array((to - from) * 2);
    let m = lo;
    for (let i = from; i < to; i++) {
      while (m < hi && mentions[m].end <= r.tokenStart[i]) m++;
      this.inMention[i - from] = m < hi && mentions[m].start < r.tokenEnd[i] ? 1 : 0;
    }
  }

  // An article's uses of each n-gram are held in `local` (one small array, mostly in cache) and added to the cells once
  // per n-gram at the article's end (flush): one cell touched per distinct n-gram, not one per use.
  private local: Int32Array;
  private touched = new Int32Array(1024);
  private outletNow = 0;
  // N-grams whose cells already count the current article (a prune in its middle flushed them).
  private countedHere: number[] = [];

  // An article's uses in order, as n-gram ids: tallied into `local` at its end (flush) in one tight loop.
  private usesOf = new Int32Array(4096);
  private usesCount = 0;

  private tick(id: number): void {
    if (this.usesCount >= this.usesOf.length) {
      const wider = new Int32Array(this.usesOf.length * 2);
      wider.set(this.usesOf);
      this.usesOf = wider;
    }
    this.usesOf[this.usesCount++] = id;
  }

  // Adds the held-back counts of the current article to its outlet's cells (`mid`: in the middle of the article).
  private flush(mid = false): void {
    const { local, usesOf } = this;
    let touched = this.touched;
    if (touched.length < this.usesCount) touched = this.touched = new Int32Array(this.usesCount * 2);
    let distinct = 0;
    for (let i = 0; i < this.usesCount; i++) {
      const id = usesOf[i];
      if (local[id]++ === 0) touched[distinct++] = id;
    }
    this.usesCount = 0;
    const o = this.outletNow;
    let log = this.logs[o];
    let at = this.logLength[o];
    if (at + distinct * 2 > log.length) {
      this.fold(o);
      at = 0;
      if (distinct * 2 > log.length) log = this.logs[o] = new Int32Array(distinct * 4);
    }
    const here = this.countedHere.length > 0 ? new Set(this.countedHere) : null;
    for (let i = 0; i < distinct; i++) {
      const id = touched[i];
      log[at++] = id;
      if (!here?.has(id)) {
        log[at++] = local[id] * 2 + 1;
        if (mid) this.countedHere.push(id);
      } else log[at++] = local[id] * 2;
      local[id] = 0;
    }
    this.logLength[o] = at;
    this.logged = true;
    if (!mid) this.countedHere.length = 0;
    const { withGroup, pendingWith } = this;
    for (let i = 0; i < this.pendingCount; i++) withGroup[pendingWith[i]]++;
    this.pendingCount = 0;
  }

  // Adds an outlet's logged cells to its column.
  private fold(o: number): void {
    const log = this.logs[o];
    const col = this.columns[o];
    const n = this.logLength[o];
    for (let k = 0; k < n; k += 2) {
      const at = log[k] * 2;
      const v = log[k + 1];
      col[at] += v >>> 1;
      col[at + 1] += v & 1;
    }
    this.logLength[o] = 0;
  }

  // Adds every outlet's logged cells to its column (before the columns are read or renumbered).
  private settle(): void {
    for (let o = 0; o < this.columns.length; o++) if (this.logLength[o] > 0) this.fold(o);
    this.logged = false;
  }

  /** These counts in the form that crosses threads (see VocabularyCounts). */
  counts(groups: readonly string[]): VocabularyCounts {
    const { G, size, cols } = this;
    const O = this.outletIds.length;
    const g1 = Math.max(1, G);
    // Sized first, then filled: at a whole import's scale a list of numbers would hold several times the bytes. The
    // columns are read one after another, in order: reading every column at one n-gram touched O lines that share a
    // cache set (the columns are equal-sized allocations) and evicted one another. Cells still come n-gram by n-gram,
    // outlets in order: `at` is where each n-gram's cells start.
    const at = new Int32Array(size + 1);
    for (let o = 0; o < O; o++) {
      const col = cols[o];
      for (let id = 0; id < size; id++) if (col[id * 2] !== 0) at[id + 1]++;
    }
    for (let id = 0; id < size; id++) at[id + 1] += at[id];
    const cells = new Int32Array(at[size] * 4);
    for (let o = 0; o < O; o++) {
      const col = cols[o];
      for (let id = 0; id < size; id++) {
        const u = col[id * 2];
        if (u === 0) continue;
        const k = at[id]++ * 4;
        cells[k] = id;
        cells[k + 1] = o;
        cells[k + 2] = u;
        cells[k + 3] = col[id * 2 + 1];
      }
    }
    let ng = 0;
    // Rows are G wide when there are groups (g1 = G), and there are none to count otherwise.
    for (let i = 0; i < size * G; i++) if (this.withGroup[i] !== 0) ng++;
    const withGroup = new Int32Array(ng * 3);
    let j = 0;
    for (let id = 0; id < size; id++) {
      for (let g = 0; g < G; g++) {
        const x = this.withGroup[id * g1 + g];
        if (x === 0) continue;
        withGroup[j++] = id;
        withGroup[j++] = g;
        withGroup[j++] = x;
      }
    }
    return {
      keys: [...this.keys],
      outlets: [...this.outletIds],
      groups: [...groups],
      words: [...this.wordText],
      first: this.first.slice(0, size),
      second: this.second.slice(0, size),
      cells,
      withGroup,
      n: [...this.n],
      tokens: [...this.tokens],
      articles: [...this.articlesPer],
      sentences: this.sentences,
      groupNgrams: [...this.groupNgrams],
      lossy: this.lossy,
    };
  }

  /** Adds counts made elsewhere (another batch, another thread); the groups must be this counter's, in order. */
  merge(c: VocabularyCounts): void {
    if (c.groups.length !== this.G) throw new Error('vocabulary counts of another lexicon cannot be merged');
    if (c.lossy) this.lossy = true;
    const words = c.words.map((w) => this.word(w));
    const outlets = c.outlets.map((o) => this.outlet(o));
    const ids = new Int32Array(c.first.length);
    for (let i = 0; i < ids.length; i++) ids[i] = this.id(words[c.first[i]], c.second[i] < 0 ? -1 : words[c.second[i]]);
    for (let k = 0; k < c.cells.length; k += 4) {
      const col = this.cols[outlets[c.cells[k + 1]]];
      const at = ids[c.cells[k]] * 2;
      col[at] += c.cells[k + 2];
      col[at + 1] += c.cells[k + 3];
    }
    const g1 = Math.max(1, this.G);
    for (let k = 0; k < c.withGroup.length; k += 3)
      this.withGroup[ids[c.withGroup[k]] * g1 + c.withGroup[k + 1]] += c.withGroup[k + 2];
    c.outlets.forEach((_, i) => {
      this.n[outlets[i]] += c.n[i];
      this.tokens[outlets[i]] += c.tokens[i];
      this.articlesPer[outlets[i]] += c.articles[i];
    });
    this.sentences += c.sentences;
    c.groupNgrams.forEach((x, g) => (this.groupNgrams[g] += x));
    for (const k of c.keys) this.keys.push(k);
  }
}

/** Counts the n-grams of the given articles per outlet (ids in `outlets`) with co-occurrence per term group. */
export function countVocabulary(
  texts: Iterable<ArticleText>,
  outlets: readonly string[],
  groups: readonly string[],
  limits: TableLimits = DEFAULT_LIMITS,
): VocabularyTable {
  const c = new Counter(outlets, groups.length, limits.liveCap);
  for (const a of texts) c.count(a, true);
  return finishTable(c, outlets, groups, limits);
}

/**
 * The table of a counter's counts (pruned to the limits), with columns in the order of `outlets`: an outlet the
 * counter holds but `outlets` lacks is an error (its articles would be counted in no column).
 */
export function finishTable(
  c: Counter,
  outlets: readonly string[],
  groups: readonly string[],
  limits: TableLimits = DEFAULT_LIMITS,
): VocabularyTable {
  const O = outlets.length;
  const G = groups.length;
  const g1 = Math.max(1, G);
  const column = c.outletIds.map((id) => outlets.indexOf(id));
  const missing = c.outletIds.find((_, i) => column[i] < 0);
  if (missing !== undefined) throw new Error(`vocabulary counts hold outlet "${missing}", which the corpus lacks`);
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
  // One array each for every row's uses and articles, each row a view of O columns.
  const allUses = new Int32Array(c.size * O);
  const allArticles = new Int32Array(c.size * O);
  const terms = new Map<string, TermCounts>();
  for (const [text, id] of order) {
    for (let from = 0; from < column.length; from++) {
      allUses[id * O + column[from]] = c.cols[from][id * 2];
      allArticles[id * O + column[from]] = c.cols[from][id * 2 + 1];
    }
    terms.set(text, {
      uses: allUses.subarray(id * O, id * O + O),
      articles: allArticles.subarray(id * O, id * O + O),
      withGroup: c.withGroup.subarray(id * g1, id * g1 + G),
    });
  }
  const perOutlet = (xs: number[]) => {
    const out = new Array<number>(O).fill(0);
    column.forEach((to, from) => (out[to] = xs[from]));
    return out;
  };
  return {
    outlets: [...outlets],
    groups: [...groups],
    terms,
    n: perOutlet(c.n),
    tokens: perOutlet(c.tokens),
    articles: perOutlet(c.articlesPer),
    sentences: c.sentences,
    groupNgrams: [...c.groupNgrams],
    pruning: { ...limits, distinct, kept: terms.size, lossy: c.lossy },
  };
}

/** Total uses of a term across all outlets of its table. */
export function totalUses(row: TermCounts): number {
  let s = 0;
  for (let i = 0; i < row.uses.length; i++) s += row.uses[i];
  return s;
}
