import type { Span } from '../text/quotes';
import { STOPWORDS } from './stopwords';
import { scanWordsInto, WordSpans } from './words';

/**
 * Vocabulary tokens, with the case rule written down once:
 * - an all-caps word of 2–4 letters keeps its case (IS, ISIL, US, SDF): "IS" is a name, "is" a verb; an abbreviation
 *   written with dots is that word without them ("U.S." is "US");
 * - a capitalised word keeps its case when it is not the sentence's first word and the sentence is not in title case
 *   (more than half of its 3+ words capitalised, as headlines are): mid-sentence capitals mark proper nouns
 *   ("Takfiri", "Daish", "Aleppo");
 * - a capitalised word that opens a sentence (or sits in a title-case sentence) keeps its case when the same article
 *   writes it capitalised mid-sentence, and is lowercased otherwise ("Takfiri militants attacked…" in an article that
 *   also says "the Takfiri groups" counts "Takfiri"); the decision reads one article, so counting stays one pass;
 * - every other word is lowercased, stopwords always (mid-sentence "The" is "the");
 * - a possessive 's / ’s is dropped ("Assad's" is "Assad");
 * - words holding a digit (2016, F-16, 1st), one-letter words and URLs are dropped, and break bigrams as punctuation
 *   does.
 */

/** One counted token: its normalised form and span; `joined` when a bigram with the previous token may be formed. */
export interface VocabToken {
  text: string;
  start: number;
  end: number;
  joined: boolean;
  /** Set when the word was lowercased for its place only (sentence start, title case): its capitalised form. */
  capitalised?: string;
}

const isUpper = (ch: string) => ch !== ch.toLowerCase();
/** Whether the character at i is upper case, without making a string for ASCII. */
export function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return isUpper(text[i]);
}
const NON_ASCII_DIGIT = /\p{N}/u;
// A char-code loop: this runs on every word of the corpus, and a Unicode regex per word is several times slower.
function hasDigit(w: string): boolean {
  let wide = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c > 127) wide = true;
  }
  return wide && NON_ASCII_DIGIT.test(w);
}

/** Whether a word (possessive and dots removed) is left out of the vocabulary: one letter, or holding a digit. */
export function wordDropped(word: string): boolean {
  return word.length < 2 || hasDigit(word);
}

/** Whether a word is an all-caps acronym of 2–4 letters, whose case is kept. */
export function isAcronym(word: string): boolean {
  return word.length >= 2 && word.length <= 4 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/**
 * Whether lowercasing changes a word, without making its lowercase for ASCII (most words of the corpus are lowercase,
 * and two new strings per word were a large share of counting's time and garbage).
 */
export function hasUpper(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) return w !== w.toLowerCase();
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/** A word's counted form under the case rule (see the module comment). */
export function normaliseCase(word: string, first: boolean, titleCase: boolean): string {
  if (!hasUpper(word)) return word;
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  if (upper === word && word.length >= 2 && word.length <= 4) return word;
  if (first || titleCase || STOPWORDS.has(lower)) return lower;
  // Capitalised (not all caps): a proper noun mid-sentence; an all-caps word longer than 4 letters is shouting.
  return isUpper(word[0]) && word !== upper ? word : lower;
}

function stripPossessive(w: string): string {
  const n = w.length;
  if (n > 2 && (w[n - 1] === 's' || w[n - 1] === 'S') && (w[n - 2] === "'" || w[n - 2] === '’')) return w.slice(0, -2);
  return w;
}

/** The word text[s, e) as the case rule reads it: a possessive 's / ’s and any dots ("U.S.") left out. */
export function writtenWord(text: string, s: number, e: number): string {
  const raw = stripPossessive(text.slice(s, e));
  return raw.includes('.') ? raw.replace(/\./g, '') : raw;
}

/**
 * The vocabulary tokens of text[start, end) (one sentence), in order. Words starting inside a skip span (quotations,
 * under own voice) are left out and break bigrams. Two passes over the sentence (title-case test, then tokens).
 */
export function vocabularyTokens(text: string, start: number, end: number, skip: Span[] = []): VocabToken[] {
  // One scan into a reused buffer of (start, end, joined) triples; the title-case test then reads the buffer.
  const { spans, count } = scanWordsInto(text, start, end, skip, scanned);
  let capitalised = 0;
  for (let i = 0; i < count; i++) if (isUpperAt(text, spans[i * 3])) capitalised++;
  const titleCase = count >= 3 && capitalised * 2 > count;
  const out: VocabToken[] = [];
  let broken = false;
  for (let i = 0; i < count; i++) {
    const s = spans[i * 3];
    const e = spans[i * 3 + 1];
    const first = i === 0;
    const word = writtenWord(text, s, e);
    if (wordDropped(word)) {
      broken = true;
      continue;
    }
    const t: VocabToken = {
      text: normaliseCase(word, first, titleCase),
      start: s,
      end: e,
      joined: spans[i * 3 + 2] === 1 && !broken,
    };
    if ((first || titleCase) && t.text !== word && normaliseCase(word, false, false) === word) t.capitalised = word;
    out.push(t);
    broken = false;
  }
  return out;
}

// The word spans of the sentence being tokenised (reused: tokenising allocates no per-word span).
const scanned = new WordSpans();

/**
 * The vocabulary tokens of an article's sentences (one list per sentence), with the article-level case rule applied:
 * a word lowercased only for its place gets its capitalised form back when the article uses that form mid-sentence.
 */
export function articleTokens(text: string, sentences: readonly Span[], skip: Span[] = []): VocabToken[][] {
  const out = sentences.map((s) => vocabularyTokens(text, s.start, s.end, skip));
  const cased = new Set<string>();
  for (const tokens of out) for (const t of tokens) if (!t.capitalised && hasUpper(t.text)) cased.add(t.text);
  for (const tokens of out)
    for (const t of tokens) if (t.capitalised && cased.has(t.capitalised)) t.text = t.capitalised;
  return out;
}

/**
 * The counted n-grams of a sentence's tokens: unigrams that are not stopwords, and bigrams of two joined tokens that are
 * not both stopwords (written "a b"). Each comes with the indexes of its first and last token.
 */
export function ngrams(
  tokens: readonly VocabToken[],
  visit: (term: string, first: number, last: number) => void,
): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const stop = STOPWORDS.has(t.text);
    if (!stop) visit(t.text, i, i);
    if (i > 0 && t.joined) {
      const p = tokens[i - 1];
      if (!(stop && STOPWORDS.has(p.text))) visit(`${p.text} ${t.text}`, i - 1, i);
    }
  }
}

/** Where an n-gram (as counted: "Takfiri", "the regime") occurs in each of an article's sentences. */
export function termSpans(text: string, sentences: readonly Span[], term: string, skip: Span[] = []): Span[][] {
  return articleTokens(text, sentences, skip).map((tokens) => {
    const out: Span[] = [];
    ngrams(tokens, (t, first, last) => {
      if (t === term) out.push({ start: tokens[first].start, end: tokens[last].end });
    });
    return out;
  });
}
