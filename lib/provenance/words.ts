import { isLetterOrDigitUnit } from '../text/charClass';

/** An article's words as parallel arrays: character offsets and a 32-bit hash of each word's normal form. */
export interface Words {
  starts: Int32Array;
  ends: Int32Array;
  hashes: Uint32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Folds a UTF-16 unit to the form words are compared in: ASCII lower case (other scripts are kept as they are). */
function fold(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * The words of a text in one character loop (letter/digit runs; inner apostrophes are dropped, so "country's" and
 * "countrys" are one word), each hashed case-insensitively. Punctuation never reaches a hash, so a stripped comma is
 * not an edit.
 */
export function wordsOf(text: string): Words {
  const starts: number[] = [];
  const ends: number[] = [];
  const hashes: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isLetterOrDigitUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    for (;;) {
      while (i < n && isLetterOrDigitUnit(text.charCodeAt(i))) {
        h = Math.imul(h ^ fold(text.charCodeAt(i)), FNV_PRIME);
        i++;
      }
      const c = text.charCodeAt(i);
      if (i + 1 < n && (c === 39 || c === 0x2019) && isLetterOrDigitUnit(text.charCodeAt(i + 1))) i++;
      else break;
    }
    starts.push(start);
    ends.push(i);
    hashes.push(h >>> 0);
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends), hashes: Uint32Array.from(hashes) };
}

/**
 * Hashes of every run of n consecutive words (shingles), shingle i covering words [i, i + n); empty when the text has
 * fewer than n words. Each is a polynomial in the word hashes, so it is computed in O(n) per shingle.
 */
export function shinglesOf(words: Uint32Array, n: number): Uint32Array {
  return shinglesInto(words, n, new Uint32Array(Math.max(0, words.length - n + 1)));
}

/**
 * The shingles of shinglesOf written into `out` (at least that long), for a caller that reuses one buffer: returned
 * as a view of its first shingles.
 */
export function shinglesInto(words: Uint32Array, n: number, out: Uint32Array): Uint32Array {
  const count = Math.max(0, words.length - n + 1);
  if (out.length < count) throw new Error(`shingles: ${count} shingles do not fit in a buffer of ${out.length}`);
  // The app's 5-word shingles written out: the same steps as the loop below, about 2.5 times as fast (the job makes
  // each candidate's shingles once per pair it is aligned in).
  if (n === 5) {
    for (let i = 0; i < count; i++) {
      let h = 0x9e3779b1;
      h = Math.imul(h ^ words[i], 0x85ebca6b) ^ (h >>> 13);
      h = Math.imul(h ^ words[i + 1], 0x85ebca6b) ^ (h >>> 13);
      h = Math.imul(h ^ words[i + 2], 0x85ebca6b) ^ (h >>> 13);
      h = Math.imul(h ^ words[i + 3], 0x85ebca6b) ^ (h >>> 13);
      h = Math.imul(h ^ words[i + 4], 0x85ebca6b) ^ (h >>> 13);
      out[i] = h >>> 0;
    }
    return out.subarray(0, count);
  }
  for (let i = 0; i < count; i++) {
    let h = 0x9e3779b1;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ words[i + k], 0x85ebca6b) ^ (h >>> 13);
    out[i] = h >>> 0;
  }
  return out.subarray(0, count);
}
