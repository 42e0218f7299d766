import labels from 'sentiment/languages/en/labels.json';
import negators from 'sentiment/languages/en/negators.json';

/** AFINN-165 score of a text and the number of tokens it has, as `sentiment.analyze` gives them. */
export interface AfinnScore {
  score: number;
  words: number;
}

const SCORES = new Map<string, number>(Object.entries(labels as Record<string, number>));
const NEGATORS = new Set(Object.keys(negators));

// sentiment's tokenizer turns these (and line breaks) into spaces before splitting.
const PUNCTUATION = new Uint8Array(128);
for (const c of '.,/#!?$%^&*;:{}=_`"~()') PUNCTUATION[c.charCodeAt(0)] = 1;

const WHITESPACE = /\s/;

/** 2: always splits; 1: other whitespace (splits only in a run or at an end); 0: part of a token. */
function separator(code: number): number {
  if (code < 128) {
    if (PUNCTUATION[code] === 1 || code === 32 || code === 10) return 2;
    return code >= 9 && code <= 13 ? 1 : 0;
  }
  if (code === 0xa0) return 1;
  return code > 0xa0 && WHITESPACE.test(String.fromCharCode(code)) ? 1 : 0;
}

// Most tokens score nothing. Each token's hash is built while scanning its characters, and only a token whose
// hash belongs to an AFINN word is sliced out and compared, so ordinary words cost no string at all.
const HASH_SEED = 0x811c9dc5 | 0;
const hashStep = (h: number, code: number) => Math.imul(h ^ code, 16777619);
const BY_HASH = new Map<number, [string, number][]>();
// One bit per hash bucket: most tokens are turned away by a bit test before any Map lookup.
const BUCKET_BITS = 20;
const MAY_SCORE = new Uint8Array(1 << (BUCKET_BITS - 3));
const bucket = (h: number) => h & ((1 << BUCKET_BITS) - 1);
for (const [word, value] of SCORES) {
  let h = HASH_SEED;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  MAY_SCORE[bucket(h) >>> 3] |= 1 << (h & 7);
  const key = h & 0x3fffffff;
  const list = BY_HASH.get(key);
  if (list) list.push([word, value]);
  else BY_HASH.set(key, [[word, value]]);
}

/**
 * The AFINN value of lower[from, to) (whose hash is given), negated after a negator at lower[prevFrom, prevTo); 0 for
 * other words.
 */
function valueAt(lower: string, hash: number, from: number, to: number, prevFrom: number, prevTo: number): number {
  if ((MAY_SCORE[bucket(hash) >>> 3] & (1 << (hash & 7))) === 0) return 0;
  const candidates = BY_HASH.get(hash & 0x3fffffff);
  if (candidates === undefined) return 0;
  const token = lower.slice(from, to);
  for (const [word, value] of candidates) {
    if (word === token) return prevFrom >= 0 && NEGATORS.has(lower.slice(prevFrom, prevTo)) ? -value : value;
  }
  return 0;
}

/**
 * Scores text[start, end) exactly as `new Sentiment().analyze` would (same tokens, AFINN-165 table and
 * negation rule) in one pass without building intermediate strings; afinn.test.ts checks it against the library.
 */
export function afinnScore(text: string, start = 0, end = text.length): AfinnScore {
  const lower = text.slice(start, end).toLowerCase();
  const n = lower.length;
  let score = 0;
  let words = 0;
  let prevFrom = -1;
  let prevTo = -1;
  let tokenStart = -1;
  let hash = HASH_SEED;
  let i = 0;
  while (i < n) {
    const code = lower.charCodeAt(i);
    const kind = separator(code);
    if (kind === 0) {
      if (tokenStart < 0) {
        tokenStart = i;
        hash = HASH_SEED;
      }
      hash = hashStep(hash, code);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && separator(lower.charCodeAt(j)) !== 0) j++;
    // A lone tab or no-break space between two word characters stays inside the token, as in the library.
    const splits = kind === 2 || j - i > 1 || tokenStart < 0 || j === n;
    if (!splits && tokenStart >= 0) hash = hashStep(hash, code);
    if (splits && tokenStart >= 0) {
      score += valueAt(lower, hash, tokenStart, i, prevFrom, prevTo);
      words++;
      prevFrom = tokenStart;
      prevTo = i;
      tokenStart = -1;
    }
    i = j;
  }
  if (tokenStart >= 0) {
    score += valueAt(lower, hash, tokenStart, n, prevFrom, prevTo);
    words++;
  }
  // The library splits an empty string into one empty token.
  return { score, words: words === 0 ? 1 : words };
}
