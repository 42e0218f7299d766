import type { Span } from '../text/quotes';
import { hasUpper, isUpperAt, normaliseCase, wordDropped, writtenWord } from './tokens';
import { scanWordsInto, WordSpans } from './words';

// A surface's record (its slot) in CountedWords.surf: hash, length, characters' start, then its three form ids at
// these offsets.
const SURFACE = 8;
const MID = 3;
const START = 4;
const CAP = 5;
// A short surface's packed characters, two integers (its record's length then has EXACT set).
const KEY = 6;
const EXACT = 1 << 8;

/**
 * An article's vocabulary tokens as counting reads them: the tokens of lib/vocabulary/tokens.ts (articleTokens, same
 * case rule, same drops and bigram breaks) as ids of their counted forms in flat arrays, with no string made for a word
 * seen before. Each distinct written word ("surface", possessive removed) is hashed on a few of the text's characters
 * and looked up in an open-addressing table; on first sight its counted forms (mid-sentence, sentence-start, and the
 * capitalised form the article-level rule may restore) are worked out once with normaliseCase and kept as form ids.
 * Counting then pays a character loop per word instead of two substrings, a token object and a string-keyed map lookup.
 */
export class CountedWords {
  /** The counted forms seen so far (a form id indexes these). */
  formText: string[] = [];
  private formIndex = new Map<string, number>();
  private formUpper = new Uint8Array(1024);
  // The article (stamp) in which a form was last seen, unlowered, holding a capital: the article-level case rule.
  private formCased: number[] = [];
  private stamp = 0;

  // The open-addressing table of surfaces, SURFACE integers (half a cache line) per slot: its hash, its length (0: an
  // empty slot; EXACT set for a short word, whose characters are then packed in KEY and KEY + 1), where its characters
  // start in `chars`, its form id mid-sentence (-1: the word is dropped), its form id at a sentence start or in title
  // case, and the capitalised form id restored when the article writes it so mid-sentence (-1: none). A lookup of a
  // longer word reads the slot and the characters (a typed pool compared in place: a string per
  // surface cost a pointer chase and a startsWith call per word of the corpus); records sit in the slots themselves,
  // as a slot holding an index into a table of records cost a second dependent read per word.
  private surf = new Int32Array(SURFACE << 14);
  private chars = new Uint16Array(1 << 16);
  private charsUsed = 0;
  private surfaces = 0;

  /** Tokens of the last article read: form id, span, joined to the previous token, and capitalised form (-1: none). */
  tokenCount = 0;
  form = new Int32Array(1024);
  tokenStart = new Int32Array(1024);
  tokenEnd = new Int32Array(1024);
  joined = new Uint8Array(1024);
  /** Per sentence of the last article read: the index of its first token (and one past the last sentence's end). */
  sentenceFrom = new Int32Array(64);

  // Scratch of the sentence being scanned: raw word spans, joined flags.
  private raw = new WordSpans();

  /** Reads an article's sentences (skipping words that start inside `skip`), filling the token arrays. */
  read(text: string, sentences: readonly Span[], skip: readonly Span[]): void {
    this.stamp++;
    this.tokenCount = 0;
    this.capCount = 0;
    if (this.sentenceFrom.length < sentences.length + 1) this.sentenceFrom = new Int32Array(sentences.length * 2 + 1);
    for (let i = 0; i < sentences.length; i++) {
      this.sentenceFrom[i] = this.tokenCount;
      this.sentence(text, sentences[i].start, sentences[i].end, skip);
    }
    this.sentenceFrom[sentences.length] = this.tokenCount;
    // The article-level case rule: a word lowercased for its place gets its capitalised form back when the article
    // writes that form where its case is kept (tokens.ts articleTokens); form ids are equal exactly when texts are.
    // The forms written with their case kept were stamped while the sentences were read; only the tokens that have a
    // capitalised form (listed then) are looked at again.
    const { form, formCased, stamp, capOf, capAt } = this;
    for (let j = 0; j < this.capCount; j++) {
      const i = capAt[j];
      if (formCased[capOf[i]] === stamp) form[i] = capOf[i];
    }
  }

  private capOf = new Int32Array(1024);
  // The tokens of the article being read that have a capitalised form (capOf >= 0), in order.
  private capAt = new Int32Array(256);
  private capCount = 0;
  // Per token: 1 when it opens its sentence or sits in a title-case sentence (its case is read for its place).
  private placed = new Uint8Array(1024);

  /**
   * Token k's counted text made afresh from the article's text, as tokens.ts makes it. Counting names a word by the
   * string of its first token, as it always has: the stored table's bytes (v8 serialisation) keep a string's internal
   * one- or two-byte form, which follows the text it was cut from, so reusing the first surface's string would change
   * bytes, not counts.
   */
  tokenText(text: string, k: number): string {
    const word = writtenWord(text, this.tokenStart[k], this.tokenEnd[k]);
    return this.form[k] === this.capOf[k] ? word : normaliseCase(word, this.placed[k] === 1, false);
  }

  private sentence(text: string, from: number, to: number, skip: readonly Span[]): void {
    const { spans: raw, count } = scanWordsInto(text, from, to, skip, this.raw);
    let capitalised = 0;
    for (let i = 0; i < count; i++) if (isUpperAt(text, raw[i * 3])) capitalised++;
    const titleCase = count >= 3 && capitalised * 2 > count;
    let broken = false;
    for (let i = 0; i < count; i++) {
      const s = raw[i * 3];
      const e = raw[i * 3 + 1];
      const at = this.surface(text, s, e);
      const mid = this.surf[at + MID];
      if (mid < 0) {
        broken = true;
        continue;
      }
      if (this.tokenCount >= this.form.length) this.widen();
      const k = this.tokenCount++;
      const atStart = i === 0 || titleCase;
      const f = atStart ? this.surf[at + START] : mid;
      const cap = atStart ? this.surf[at + CAP] : -1;
      this.form[k] = f;
      this.capOf[k] = cap;
      if (cap >= 0) {
        if (this.capCount >= this.capAt.length) {
          const wider = new Int32Array(this.capAt.length * 2);
          wider.set(this.capAt);
          this.capAt = wider;
        }
        this.capAt[this.capCount++] = k;
      } else if (this.formUpper[f] === 1) this.formCased[f] = this.stamp;
      this.placed[k] = atStart ? 1 : 0;
      this.tokenStart[k] = s;
      this.tokenEnd[k] = e;
      this.joined[k] = raw[i * 3 + 2] === 1 && !broken ? 1 : 0;
      broken = false;
    }
  }

  private widen(): void {
    const n = this.form.length * 2;
    const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.form = grow(this.form, new Int32Array(n));
    this.capOf = grow(this.capOf, new Int32Array(n));
    this.placed = grow(this.placed, new Uint8Array(n));
    this.tokenStart = grow(this.tokenStart, new Int32Array(n));
    this.tokenEnd = grow(this.tokenEnd, new Int32Array(n));
    this.joined = grow(this.joined, new Uint8Array(n));
  }

  // The slot of the surface text[s, e): the word as written, a trailing possessive 's / ’s (on words over 2 characters)
  // left out. A word over 8 characters is hashed on its length and five of its characters (no loop over it) and
  // compared with the pooled characters; a word seen before costs no string; "U.S." and "US" are two surfaces with the same counted forms.
  private surface(text: string, s: number, e: number): number {
    let end = e;
    if (e - s > 2) {
      const last = text.charCodeAt(e - 1);
      const apos = text.charCodeAt(e - 2);
      if ((last === 115 || last === 83) && (apos === 39 || apos === 0x2019)) end = e - 2;
    }
    const len = end - s;
    if (len <= 8) {
      // A word of up to 8 characters, all Latin-1, packed into two integers: equal keys are equal words, so the lookup
      // compares two integers instead of the characters (most of the corpus's words are this short).
      let key = 0;
      let key2 = 0;
      let wide = 0;
      const mid = len < 4 ? end : s + 4;
      for (let k = s; k < mid; k++) {
        const c = text.charCodeAt(k);
        wide |= c;
        key = (key << 8) | c;
      }
      for (let k = mid; k < end; k++) {
        const c = text.charCodeAt(k);
        wide |= c;
        key2 = (key2 << 8) | c;
      }
      if (wide < 256) return this.short(text, s, e, key, key2, len | EXACT);
    }
    let h = Math.imul(len, 0x9e3779b1) ^ text.charCodeAt(s);
    h = Math.imul(h ^ text.charCodeAt(end - 1), 0x01000193);
    h = Math.imul(h ^ text.charCodeAt(s + (len >> 1)), 0x01000193);
    if (len > 3) {
      h = Math.imul(h ^ text.charCodeAt(s + 1), 0x01000193);
      h = Math.imul(h ^ text.charCodeAt(end - 2), 0x01000193);
    }
    h ^= h >>> 15;
    const { surf, chars } = this;
    const mask = (surf.length >> 3) - 1;
    let at = (h & mask) << 3;
    for (;;) {
      const l = surf[at + 1];
      if (l === 0) break;
      if (l === len && surf[at] === h) {
        const from = surf[at + 2];
        let k = 0;
        while (k < len && chars[from + k] === text.charCodeAt(s + k)) k++;
        if (k === len) return at;
      }
      at = (at + SURFACE) & (surf.length - 1);
    }
    return this.addSurface(text, s, end, writtenWord(text, s, e), h, at);
  }

  // The slot of a short Latin-1 surface (see surface) by its packed characters; `tag` is its length with EXACT set.
  private short(text: string, s: number, e: number, key: number, key2: number, tag: number): number {
    let h = Math.imul(key ^ tag, 0x9e3779b1) ^ key2;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h ^= h >>> 13;
    const surf = this.surf;
    const mask = (surf.length >> 3) - 1;
    let at = (h & mask) << 3;
    for (;;) {
      const l = surf[at + 1];
      if (l === 0) break;
      if (l === tag && surf[at + KEY] === key && surf[at + KEY + 1] === key2) return at;
      at = (at + SURFACE) & (surf.length - 1);
    }
    const end = s + (tag & ~EXACT);
    at = this.addSurface(text, s, end, writtenWord(text, s, e), h, at);
    this.surf[at + 1] = tag;
    this.surf[at + KEY] = key;
    this.surf[at + KEY + 1] = key2;
    return at;
  }

  // Records a new surface in the empty slot at `at` (the table doubled first when half full); returns its slot.
  private addSurface(text: string, s: number, end: number, word: string, h: number, at: number): number {
    if ((this.surfaces + 1) * 2 * SURFACE > this.surf.length) at = this.rehash(h);
    this.surfaces++;
    const len = end - s;
    while (this.charsUsed + len > this.chars.length) {
      const wider = new Uint16Array(this.chars.length * 2);
      wider.set(this.chars);
      this.chars = wider;
    }
    for (let k = 0; k < len; k++) this.chars[this.charsUsed + k] = text.charCodeAt(s + k);
    const surf = this.surf;
    surf[at] = h;
    surf[at + 1] = len;
    surf[at + 2] = this.charsUsed;
    this.charsUsed += len;
    if (wordDropped(word)) {
      surf[at + MID] = surf[at + START] = surf[at + CAP] = -1;
    } else {
      const mid = normaliseCase(word, false, false);
      const start = normaliseCase(word, true, false);
      surf[at + MID] = this.formId(mid);
      surf[at + START] = this.formId(start);
      surf[at + CAP] = start !== word && mid === word ? this.formId(word) : -1;
    }
    return at;
  }

  // Doubles the table, moving every record; returns the empty slot where a surface of hash h now goes.
  private rehash(h: number): number {
    const old = this.surf;
    const surf = (this.surf = new Int32Array(old.length * 2));
    const mask = (surf.length >> 3) - 1;
    for (let from = 0; from < old.length; from += SURFACE) {
      if (old[from + 1] === 0) continue;
      let to = (old[from] & mask) << 3;
      while (surf[to + 1] !== 0) to = (to + SURFACE) & (surf.length - 1);
      surf.set(old.subarray(from, from + SURFACE), to);
    }
    let at = (h & mask) << 3;
    while (surf[at + 1] !== 0) at = (at + SURFACE) & (surf.length - 1);
    return at;
  }

  private formId(text: string): number {
    let f = this.formIndex.get(text);
    if (f === undefined) {
      f = this.formText.length;
      this.formIndex.set(text, f);
      this.formText.push(text);
      if (f >= this.formUpper.length) {
        const wider = new Uint8Array(this.formUpper.length * 2);
        wider.set(this.formUpper);
        this.formUpper = wider;
      }
      this.formUpper[f] = hasUpper(text) ? 1 : 0;
      this.formCased.push(0);
    }
    return f;
  }
}
