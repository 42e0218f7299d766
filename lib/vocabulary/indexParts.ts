import type { WordIndex } from './searchIndex';

/**
 * A word index stored in parts (issue #19: the first search at 100,000 articles decoded a 170 MB index whole on the
 * request thread). The head holds what every search reads (the articles' scope flags) and the directory of the sorted
 * word list (each part's first word and byte size); each part holds a contiguous range of the sorted words with their
 * postings. A literal word is then answered from one part, a pattern with a literal head from the parts of that
 * prefix's range, and only a pattern with no literal head reads every part.
 */

/** Bytes of words and postings a part holds before the next part starts (a part holds at least one word). */
export const WORD_PART_BYTES = 1 << 20;

/** What every search of a parted index reads: its articles' scope flags and the directory of its parts. */
export interface WordIndexHead {
  articles: number;
  inScope: Uint8Array;
  /** Each part's first word, in part order (sorted by UTF-16 code units, as the words). */
  firsts: string[];
  /** Each part's size in bytes as stored (a part read back must have it). */
  sizes: number[];
}

/** A contiguous range of an index's sorted words with their postings (starts relative to this part's postings). */
export type WordIndexPart = Pick<WordIndex, 'words' | 'starts' | 'postings'>;

/**
 * What a split reads, word by word in sorted order: each word's postings are taken once, in order, so a source may
 * let go of a word's list once taken (WordIndexBuilder.lists: the index is never held whole beside its parts).
 */
export interface WordLists {
  articles: number;
  inScope: Uint8Array;
  /** Distinct words, sorted by UTF-16 code units. */
  words: readonly string[];
  /** Word k's postings; called once per word, k ascending. */
  take(k: number): Uint8Array;
}

/** A whole index as lists to split (its postings read in place). */
export function listsOfIndex(ix: WordIndex): WordLists {
  return {
    articles: ix.articles,
    inScope: ix.inScope,
    words: ix.words,
    take: (k) => ix.postings.subarray(ix.starts[k], ix.starts[k + 1]),
  };
}

/**
 * An index's parts of about `partBytes` words and postings each, yielded one at a time (a caller stores each and lets
 * it go), then its head: only the words of the part being cut are held beside the source.
 */
export function* wordIndexParts(
  src: WordLists,
  partBytes: number = WORD_PART_BYTES,
): Generator<Uint8Array, WordIndexHead, void> {
  if (!(partBytes >= 1)) throw new Error(`a word index part must hold at least 1 byte (asked for ${partBytes})`);
  const { words } = src;
  const firsts: string[] = [];
  const sizes: number[] = [];
  let from = 0;
  let size = 0;
  // The lists of words from..k taken so far, and their byte count.
  let taken: Uint8Array[] = [];
  let takenBytes = 0;
  const cut = (to: number): Uint8Array => {
    firsts.push(words[from] ?? '');
    const starts = new Uint32Array(to - from + 1);
    const postings = new Uint8Array(takenBytes);
    let at = 0;
    taken.forEach((list, j) => {
      starts[j] = at;
      postings.set(list, at);
      at += list.length;
    });
    starts[to - from] = at;
    const part = encodeWordPart({ words: words.slice(from, to), starts, postings });
    sizes.push(part.length);
    from = to;
    size = 0;
    taken = [];
    takenBytes = 0;
    return part;
  };
  for (let k = 0; k < words.length; k++) {
    const list = src.take(k);
    taken.push(list);
    takenBytes += list.length;
    size += list.length + words[k].length + 1;
    if (size >= partBytes) yield cut(k + 1);
  }
  // An index with no word still has one (empty) part: part 0 is then there for every index in parts, which tells a
  // parted index from one stored whole before parts without reading either.
  if (from < words.length || sizes.length === 0) yield cut(words.length);
  return { articles: src.articles, inScope: src.inScope, firsts, sizes };
}

/** An index cut into a head and parts of about `partBytes` words and postings each. */
export function splitWordIndex(
  ix: WordIndex,
  partBytes: number = WORD_PART_BYTES,
): { head: WordIndexHead; parts: Uint8Array[] } {
  const parts: Uint8Array[] = [];
  const steps = wordIndexParts(listsOfIndex(ix), partBytes);
  for (;;) {
    const r = steps.next();
    if (r.done) return { head: r.value, parts };
    parts.push(r.value);
  }
}

/** The whole index again from its head and every part in order (tests, and the bench's whole reading). */
export function joinWordIndex(head: WordIndexHead, parts: readonly WordIndexPart[]): WordIndex {
  const words = parts.flatMap((p) => p.words);
  const size = parts.reduce((s, p) => s + p.postings.length, 0);
  const starts = new Uint32Array(words.length + 1);
  const postings = new Uint8Array(size);
  let w = 0;
  let at = 0;
  for (const p of parts) {
    for (let k = 0; k < p.words.length; k++) starts[w + k] = at + p.starts[k];
    postings.set(p.postings, at);
    w += p.words.length;
    at += p.postings.length;
  }
  starts[words.length] = size;
  return { articles: head.articles, words, starts, postings, inScope: head.inScope };
}

// The first position whose first word is > w; the part holding w (were it in the index) is the one before it.
function partOf(firsts: readonly string[], w: string): number {
  let lo = 0;
  let hi = firsts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (firsts[mid] <= w) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/**
 * The parts a pattern word (its literal parts, split at `*`) can match words in: a literal word's one part, a literal
 * head's parts from the one holding the head to the last whose first word starts with it, else every part.
 */
export function partsOfPattern(head: Pick<WordIndexHead, 'firsts'>, pattern: readonly string[]): number[] {
  const n = head.firsts.length;
  if (n === 0) return [];
  const prefix = pattern[0];
  if (pattern.length > 1 && !prefix) return Array.from({ length: n }, (_, k) => k);
  const out = [partOf(head.firsts, prefix)];
  // A later part can hold a word with this head only when its first word has it (its words are all > the head).
  if (pattern.length > 1) for (let k = out[0] + 1; k < n && head.firsts[k].startsWith(prefix); k++) out.push(k);
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

// Both forms: a 4-byte tag, the header's byte length (u32 LE), the header (JSON padded with spaces to a multiple of 4
// bytes), then the body. Head body: the articles' scope flags. Part body: starts (u32 LE), the words joined by "\n"
// (UTF-8), the postings.
const HEAD = 'FWH1';
const PART = 'FWP1';

function framed(tag: string, header: object, body: Uint8Array[]): Uint8Array {
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  if (json.length % 4) json = Buffer.concat([json, Buffer.alloc(4 - (json.length % 4), ' ')]);
  const lead = Buffer.alloc(8);
  lead.write(tag, 0, 'latin1');
  lead.writeUInt32LE(json.length, 4);
  return Buffer.concat([lead, json, ...body]);
}

function unframed(bytes: Uint8Array, tag: string, bad: (why: string) => Error): { header: unknown; at: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== tag) throw bad(`it does not start with ${tag}`);
  const size = buf.readUInt32LE(4);
  if (8 + size > buf.length) throw bad('its header is cut short');
  try {
    return { header: JSON.parse(buf.toString('utf8', 8, 8 + size)), at: 8 + size };
  } catch {
    throw bad('its header is not JSON');
  }
}

const badAt = (where: string, what: string) => (why: string) =>
  new Error(`${where}: not readable as ${what} (${why}); delete the file and the server makes it again`);

/** Whether stored bytes are a parted index's head (else they may be a whole index of the format before parts). */
export const isWordIndexHead = (bytes: Uint8Array) =>
  bytes.length >= 4 && Buffer.from(bytes.buffer, bytes.byteOffset, 4).toString('latin1') === HEAD;

/** A head as bytes: the same head always gives the same bytes. */
export function encodeWordIndexHead(h: WordIndexHead): Uint8Array {
  return framed(HEAD, { articles: h.articles, firsts: h.firsts, sizes: h.sizes }, [h.inScope]);
}

/** A head from its bytes; throws naming `where` and what is wrong when they are not a head of this format. */
export function decodeWordIndexHead(bytes: Uint8Array, where: string): WordIndexHead {
  const bad = badAt(where, 'a word index head');
  const { header, at } = unframed(bytes, HEAD, bad);
  const h = header as Partial<WordIndexHead> | null;
  if (
    !h ||
    !Number.isInteger(h.articles) ||
    !Array.isArray(h.firsts) ||
    !h.firsts.every((w) => typeof w === 'string') ||
    !Array.isArray(h.sizes) ||
    h.sizes.length !== h.firsts.length ||
    !h.sizes.every((n) => Number.isInteger(n) && n > 0)
  )
    throw bad('its header lacks the articles, the parts’ first words or their sizes');
  if (at + h.articles! !== bytes.length)
    throw bad(`it holds ${bytes.length} bytes where its header names ${at + h.articles!}`);
  // Plain byte views (not Buffers) over the bytes read, so nothing is copied.
  const inScope = new Uint8Array(bytes.buffer, bytes.byteOffset + at, h.articles!);
  return { articles: h.articles!, inScope, firsts: h.firsts, sizes: h.sizes };
}

/** A part as bytes: the same part always gives the same bytes. */
export function encodeWordPart(p: WordIndexPart): Uint8Array {
  const words = Buffer.from(p.words.join('\n'), 'utf8');
  const starts = Buffer.alloc(p.starts.length * 4);
  p.starts.forEach((v, k) => starts.writeUInt32LE(v, k * 4));
  return framed(PART, { words: p.words.length, wordBytes: words.length, postingBytes: p.postings.length }, [
    starts,
    words,
    p.postings,
  ]);
}

/**
 * A part from its bytes, its starts and postings read in place (views over `bytes`, not copies) when aligned; throws
 * naming `where` and what is wrong when they are not a part of this format.
 */
export function decodeWordPart(bytes: Uint8Array, where: string): WordIndexPart {
  const bad = badAt(where, 'a word index part');
  const { header, at } = unframed(bytes, PART, bad);
  const h = header as { words?: number; wordBytes?: number; postingBytes?: number } | null;
  if (!h || !Number.isInteger(h.words) || !Number.isInteger(h.wordBytes) || !Number.isInteger(h.postingBytes))
    throw bad('its header lacks the counts of words and bytes');
  const n = h.words!;
  const want = at + (n + 1) * 4 + h.wordBytes! + h.postingBytes!;
  if (want !== bytes.length) throw bad(`it holds ${bytes.length} bytes where its header names ${want}`);
  const offset = bytes.byteOffset + at;
  let starts: Uint32Array;
  if (LITTLE_ENDIAN && offset % 4 === 0) starts = new Uint32Array(bytes.buffer, offset, n + 1);
  else {
    const buf = Buffer.from(bytes.buffer, offset, (n + 1) * 4);
    starts = new Uint32Array(n + 1);
    for (let k = 0; k <= n; k++) starts[k] = buf.readUInt32LE(k * 4);
  }
  const w = at + (n + 1) * 4;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + w, h.wordBytes!).toString('utf8');
  const words = n === 0 ? [] : text.split('\n');
  if (words.length !== n || starts[n] !== h.postingBytes)
    throw bad(`its word list or postings do not match its header (${words.length} words, ${n} named)`);
  return {
    words,
    starts,
    postings: new Uint8Array(bytes.buffer, bytes.byteOffset + w + h.wordBytes!, h.postingBytes!),
  };
}

/** A word index as a search reads it: the head at once, a pattern word's parts when asked for (whole or parted). */
export interface SearchableIndex {
  articles: number;
  inScope: Uint8Array;
  /** The parts a pattern word (its literal parts, split at `*`) can match words in, read when not yet read. */
  partsFor(pattern: readonly string[]): WordIndexPart[];
  /** The same parts unread: one read per part, so a caller may read them in steps. */
  partReads(pattern: readonly string[]): (() => WordIndexPart)[];
}

/** A whole index (stored before parts, or made in memory) as a search reads it: every pattern word reads it all. */
export function wholeSearchable(ix: WordIndex): SearchableIndex {
  return { articles: ix.articles, inScope: ix.inScope, partsFor: () => [ix], partReads: () => [() => ix] };
}
