import type { Span } from '../text/quotes';
import { hasUpper, isUpperAt, normaliseCase, wordDropped, writtenWord } from './tokens';
import { scanWords } from './words';

// A surface's record in CountedWords.surf: hash, length, characters' start, then its three form ids at these offsets.
const SURFACE = 8;
const MID = 3;
const START = 4;
const CAP = 5;

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
  private formUpper: boolean[] = [];
  // The article (stamp) in which a form was last seen, unlowered, holding a capital: the article-level case rule.
  private formCased: number[] = [];
  private stamp = 0;

  private slots = new Int32Array(1 << 14).fill(-1);
  // Per surface, SURFACE integers (half a cache line): its hash, its length, where its characters start in `chars`, its
  // form id mid-sentence (-1: the word is dropped), its form id at a sentence start or in title case, and the
  // capitalised form id restored when the article writes it so mid-sentence (-1: none). A lookup reads the slot, this
  // record and the characters (a typed pool compared in place: a string per surface cost a pointer chase and a
  // startsWith call per word of the corpus).
  private surf = new Int32Array(SURFACE << 13);
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
  private raw = new Int32Array(768);

  /** Reads an article's sentences (skipping words that start inside `skip`), filling the token arrays. */
  read(text: string, sentences: readonly Span[], skip: readonly Span[]): void {
    this.stamp++;
    this.tokenCount = 0;
    if (this.sentenceFrom.length < sentences.length + 1) this.sentenceFrom = new Int32Array(sentences.length * 2 + 1);
    for (let i = 0; i < sentences.length; i++) {
      this.sentenceFrom[i] = this.tokenCount;
      this.sentence(text, sentences[i].start, sentences[i].end, skip);
    }
    this.sentenceFrom[sentences.length] = this.tokenCount;
    // The article-level case rule: a word lowercased for its place gets its capitalised form back when the article
    // writes that form where its case is kept (tokens.ts articleTokens); form ids are equal exactly when texts are.
    const { form, formCased, stamp } = this;
    for (let i = 0; i < this.tokenCount; i++) {
      const f = form[i];
      if (this.capOf[i] < 0 && this.formUpper[f]) formCased[f] = stamp;
    }
    for (let i = 0; i < this.tokenCount; i++) {
      const c = this.capOf[i];
      if (c >= 0 && formCased[c] === stamp) form[i] = c;
    }
  }

  private capOf = new Int32Array(1024);
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
    let count = 0;
    let capitalised = 0;
    scanWords(
      text,
      from,
      to,
      (s, e, joined) => {
        if (count * 3 + 3 > this.raw.length) {
          const wider = new Int32Array(this.raw.length * 2);
          wider.set(this.raw);
          this.raw = wider;
        }
        this.raw[count * 3] = s;
        this.raw[count * 3 + 1] = e;
        this.raw[count * 3 + 2] = joined ? 1 : 0;
        count++;
        if (isUpperAt(text, s)) capitalised++;
      },
      skip,
    );
    const titleCase = count >= 3 && capitalised * 2 > count;
    let broken = false;
    for (let i = 0; i < count; i++) {
      const s = this.raw[i * 3];
      const e = this.raw[i * 3 + 1];
      const at = this.surface(text, s, e) * SURFACE;
      const mid = this.surf[at + MID];
      if (mid < 0) {
        broken = true;
        continue;
      }
      if (this.tokenCount >= this.form.length) this.widen();
      const k = this.tokenCount++;
      const atStart = i === 0 || titleCase;
      this.form[k] = atStart ? this.surf[at + START] : mid;
      this.capOf[k] = atStart ? this.surf[at + CAP] : -1;
      this.placed[k] = atStart ? 1 : 0;
      this.tokenStart[k] = s;
      this.tokenEnd[k] = e;
      this.joined[k] = this.raw[i * 3 + 2] === 1 && !broken ? 1 : 0;
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

  // The surface id of text[s, e): the word as written, a trailing possessive 's / ’s (on words over 2 characters) left
  // out. Hashed on its length and five of its characters (no loop over it) and compared with the pooled characters,
  // so a word seen before costs no string; "U.S." and "US" are two surfaces with the same counted forms.
  private surface(text: string, s: number, e: number): number {
    let end = e;
    if (e - s > 2) {
      const last = text.charCodeAt(e - 1);
      const apos = text.charCodeAt(e - 2);
      if ((last === 115 || last === 83) && (apos === 39 || apos === 0x2019)) end = e - 2;
    }
    const len = end - s;
    let h = Math.imul(len, 0x9e3779b1) ^ text.charCodeAt(s);
    h = Math.imul(h ^ text.charCodeAt(end - 1), 0x01000193);
    h = Math.imul(h ^ text.charCodeAt(s + (len >> 1)), 0x01000193);
    if (len > 3) {
      h = Math.imul(h ^ text.charCodeAt(s + 1), 0x01000193);
      h = Math.imul(h ^ text.charCodeAt(end - 2), 0x01000193);
    }
    h ^= h >>> 15;
    const { slots, surf, chars } = this;
    const mask = slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const id = slots[slot];
      if (id < 0) break;
      const at = id * SURFACE;
      if (surf[at] === h && surf[at + 1] === len) {
        const from = surf[at + 2];
        let k = 0;
        while (k < len && chars[from + k] === text.charCodeAt(s + k)) k++;
        if (k === len) return id;
      }
      slot = (slot + 1) & mask;
    }
    return this.addSurface(text, s, end, writtenWord(text, s, e), h, slot);
  }

  private addSurface(text: string, s: number, end: number, word: string, h: number, slot: number): number {
    const id = this.surfaces++;
    if ((id + 1) * SURFACE > this.surf.length) {
      const wider = new Int32Array(this.surf.length * 2);
      wider.set(this.surf);
      this.surf = wider;
    }
    const len = end - s;
    while (this.charsUsed + len > this.chars.length) {
      const wider = new Uint16Array(this.chars.length * 2);
      wider.set(this.chars);
      this.chars = wider;
    }
    for (let k = 0; k < len; k++) this.chars[this.charsUsed + k] = text.charCodeAt(s + k);
    const at = id * SURFACE;
    this.surf[at] = h;
    this.surf[at + 1] = len;
    this.surf[at + 2] = this.charsUsed;
    this.charsUsed += len;
    this.slots[slot] = id;
    if (wordDropped(word)) {
      this.surf[at + MID] = this.surf[at + START] = this.surf[at + CAP] = -1;
    } else {
      const mid = normaliseCase(word, false, false);
      const start = normaliseCase(word, true, false);
      this.surf[at + MID] = this.formId(mid);
      this.surf[at + START] = this.formId(start);
      this.surf[at + CAP] = start !== word && mid === word ? this.formId(word) : -1;
    }
    if ((id + 1) * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.surfaces; id++) {
      let slot = this.surf[id * SURFACE] & mask;
      while (this.slots[slot] >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }

  private formId(text: string): number {
    let f = this.formIndex.get(text);
    if (f === undefined) {
      f = this.formText.length;
      this.formIndex.set(text, f);
      this.formText.push(text);
      this.formUpper.push(hasUpper(text));
      this.formCased.push(0);
    }
    return f;
  }
}
