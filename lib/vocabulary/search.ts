import type { Span } from '../text/quotes';
import { scanWords } from './words';

/**
 * Term search without user regexes: a query is one to six words, matched case-insensitively against consecutive words
 * of a sentence separated by white space only (punctuation breaks a phrase, as it breaks a bigram); surrounding double
 * quotes are allowed and change nothing (every multi-word query is a phrase). Inside a word, `*` stands for any run of
 * letters, digits, apostrophes or hyphens, possibly empty ("terror*", "*-backed"). Matching a word against a pattern is
 * the two-pointer wildcard walk, at most pattern length × word length steps, both bounded; so a search is linear in
 * the text.
 */

/** A parsed search: its words, each split at its wildcards (lowercased). */
export interface SearchPattern {
  source: string;
  words: string[][];
}

/** Longest query accepted, and most words in a phrase. */
export const MAX_SEARCH = 100;
const MAX_WORDS = 6;
const WORD = /^[\p{L}\p{N}'’*-]+$/u;

/** Parses a search query, or says what is wrong with it and how to write it. */
export function parseSearch(raw: string): { ok: true; pattern: SearchPattern } | { ok: false; message: string } {
  let q = raw.trim();
  if (q.length > MAX_SEARCH) return { ok: false, message: `is longer than ${MAX_SEARCH} characters` };
  if (q.length >= 2 && (q[0] === '"' || q[0] === '“') && (q.endsWith('"') || q.endsWith('”'))) q = q.slice(1, -1);
  const words = q.split(/\s+/).filter(Boolean);
  if (!words.length) return { ok: false, message: 'is empty: give a word, a phrase or a pattern such as terror*' };
  if (words.length > MAX_WORDS) return { ok: false, message: `has more than ${MAX_WORDS} words` };
  const bad = words.find((w) => !WORD.test(w) || !/[\p{L}\p{N}]/u.test(w));
  if (bad !== undefined)
    return {
      ok: false,
      message: `holds "${bad}": words are letters, digits, apostrophes and hyphens, with * for any letters (no regular expressions)`,
    };
  return {
    ok: true,
    pattern: { source: words.join(' '), words: words.map((w) => w.toLowerCase().replace(/’/g, "'").split('*')) },
  };
}

/** Whether a lowercased word matches one pattern word (its literal parts, split at `*`). */
export function wordMatches(parts: readonly string[], word: string): boolean {
  if (parts.length === 1) return word === parts[0];
  const head = parts[0];
  const tail = parts[parts.length - 1];
  if (word.length < head.length + tail.length || !word.startsWith(head) || !word.endsWith(tail)) return false;
  // Middle parts in order, each found leftmost: greedy leftmost is exact for `*` wildcards.
  let at = head.length;
  const stop = word.length - tail.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const k = word.indexOf(parts[i], at);
    if (k < 0 || k + parts[i].length > stop) return false;
    at = k + parts[i].length;
  }
  return true;
}

/** Every match of a search in text[start, end), as spans; words starting inside a skip span are not searched. */
export function findMatches(text: string, start: number, end: number, p: SearchPattern, skip: Span[] = []): Span[] {
  const words: { start: number; end: number; joined: boolean; word: string }[] = [];
  scanWords(
    text,
    start,
    end,
    (s, e, joined) => words.push({ start: s, end: e, joined, word: text.slice(s, e).toLowerCase().replace(/’/g, "'") }),
    skip,
  );
  const out: Span[] = [];
  const k = p.words.length;
  for (let i = 0; i + k <= words.length; i++) {
    let ok = true;
    for (let j = 0; j < k && ok; j++)
      ok = (j === 0 || words[i + j].joined) && wordMatches(p.words[j], words[i + j].word);
    if (ok) {
      out.push({ start: words[i].start, end: words[i + k - 1].end });
      i += k - 1;
    }
  }
  return out;
}
