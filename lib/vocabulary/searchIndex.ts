import type { Span } from '../text/quotes';
import type { Sentence } from '../types';
import { wordMatches } from './search';
import { scanWordsInto, WordSpans } from './words';
import type { WordLists } from './indexParts';

/**
 * A corpus version's word index: every distinct word as search matches words (findMatches: the scanWords rules,
 * lowercased, ’ read as '), with the articles (positions in the version's order) holding it and its occurrences in
 * each under the four voice × scope readings a search honours. A single word or pattern is then counted from the
 * postings alone, and a phrase's candidate articles are the intersection of its words' postings.
 *
 * Postings are varints: per article, the gap from the previous article in the list (the first: its position), then
 * the count under all voices and sections (aa), aa minus the body's (aa−ab), aa minus own voice's (aa−oa), and the
 * body's minus its own voice's (ab−ob): all non-negative, mostly 0, so a common posting takes five bytes.
 */

/** The index of a version: sorted words, each word's postings as a byte range, and which articles have sentences. */
export interface WordIndex {
  articles: number;
  /** Distinct words, sorted by UTF-16 code units. */
  words: string[];
  /** Word w's postings are postings[starts[w], starts[w+1]). */
  starts: Uint32Array;
  postings: Uint8Array;
  /** Per article: bit 1 when it has a sentence (scope all), bit 2 when it has a body sentence (scope body). */
  inScope: Uint8Array;
}

/** The voice and scope a reading of the index is for. */
export interface IndexReading {
  voice: 'all' | 'own';
  scope: 'all' | 'body';
}

class Bytes {
  bytes = new Uint8Array(8);
  n = 0;
  last = -1;
  varint(v: number): void {
    if (this.n + 5 > this.bytes.length) {
      const wider = new Uint8Array(this.bytes.length * 2);
      wider.set(this.bytes);
      this.bytes = wider;
    }
    while (v >= 0x80) {
      this.bytes[this.n++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.n++] = v;
  }
}

/** The parts of an analysis the index reads. */
export type IndexedArticle = { text: string; sentences: readonly Sentence[]; quotes: readonly Span[] };

/** Builds a word index article by article, in the version's order (memory: the postings' bytes and the word map). */
export class WordIndexBuilder {
  private byWord = new Map<string, Bytes>();
  private spent = false;
  private scopes: number[] = [];
  private spans = new WordSpans(256);

  /** Adds the next article of the version. */
  add(a: IndexedArticle): void {
    if (this.spent) throw new Error('this word index builder was used up by lists(): make a new one to add articles');
    const i = this.scopes.length;
    // Per word of this article: aa, ab, oa, ob.
    const counts = new Map<string, number[]>();
    let flags = 0;
    let q = 0;
    let lastStart = -1;
    for (const s of a.sentences) {
      const body = s.section === 'body';
      flags |= body ? 3 : 1;
      // Sentences come in text order; should one not, the quote walk starts again (still right, only slower).
      if (s.start < lastStart) q = 0;
      lastStart = s.start;
      const out = scanWordsInto(a.text, s.start, s.end, [], this.spans);
      for (let k = 0; k < out.count; k++) {
        const at = out.spans[k * 3];
        const word = a.text
          .slice(at, out.spans[k * 3 + 1])
          .toLowerCase()
          .replace(/’/g, "'");
        // As the scanner's skip spans: a word starting strictly inside a quotation is not own voice.
        while (q < a.quotes.length && a.quotes[q].end <= at) q++;
        const own = !(q < a.quotes.length && at > a.quotes[q].start && at < a.quotes[q].end);
        let c = counts.get(word);
        if (!c) counts.set(word, (c = [0, 0, 0, 0]));
        c[0]++;
        if (body) c[1]++;
        if (own) c[2]++;
        if (own && body) c[3]++;
      }
    }
    for (const [word, [aa, ab, oa, ob]] of counts) {
      let list = this.byWord.get(word);
      if (!list) this.byWord.set(word, (list = new Bytes()));
      list.varint(i - list.last - 1);
      list.last = i;
      list.varint(aa);
      list.varint(aa - ab);
      list.varint(aa - oa);
      list.varint(ab - ob);
    }
    this.scopes.push(flags);
  }

  /**
   * The articles added as lists to split into parts (lib/vocabulary/indexParts.ts wordIndexParts), each word's list let
   * go of once taken: the postings are never copied whole. Uses the builder up (nothing can be added after).
   */
  lists(): WordLists {
    const words = [...this.byWord.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const lists = this.byWord;
    this.byWord = new Map();
    this.spent = true;
    return {
      articles: this.scopes.length,
      inScope: Uint8Array.from(this.scopes),
      words,
      take: (k) => {
        const l = lists.get(words[k]);
        if (!l) throw new Error(`word ${k} ("${words[k]}") of the index was taken twice or is not in it`);
        lists.delete(words[k]);
        return l.bytes.subarray(0, l.n);
      },
    };
  }

  /** The index of the articles added. */
  finish(): WordIndex {
    const words = [...this.byWord.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const starts = new Uint32Array(words.length + 1);
    let size = 0;
    words.forEach((w, k) => {
      starts[k] = size;
      size += this.byWord.get(w)!.n;
    });
    starts[words.length] = size;
    const postings = new Uint8Array(size);
    words.forEach((w, k) => {
      const l = this.byWord.get(w)!;
      postings.set(l.bytes.subarray(0, l.n), starts[k]);
    });
    return { articles: this.scopes.length, words, starts, postings, inScope: Uint8Array.from(this.scopes) };
  }
}

/** The word index of some articles, in order (tests and small corpora; the store's job adds them chunk by chunk). */
export function makeWordIndex(articles: Iterable<IndexedArticle>): WordIndex {
  const b = new WordIndexBuilder();
  for (const a of articles) b.add(a);
  return b.finish();
}

// "FWI1", the header's byte length (u32 LE), the header (JSON, padded with spaces to a multiple of 4 bytes), the starts
// (u32 LE), the articles' scope flags, the words joined by "\n" (UTF-8; no word holds white space), the postings.
const MAGIC = 'FWI1';
interface Header {
  articles: number;
  words: number;
  wordBytes: number;
  postingBytes: number;
}

/** The index as bytes: the same index always gives the same bytes. */
export function encodeWordIndex(ix: WordIndex): Uint8Array {
  const words = Buffer.from(ix.words.join('\n'), 'utf8');
  const header: Header = {
    articles: ix.articles,
    words: ix.words.length,
    wordBytes: words.length,
    postingBytes: ix.postings.length,
  };
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  if (json.length % 4) json = Buffer.concat([json, Buffer.alloc(4 - (json.length % 4), ' ')]);
  const head = Buffer.alloc(8);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(json.length, 4);
  const starts = Buffer.alloc(ix.starts.length * 4);
  ix.starts.forEach((v, k) => starts.writeUInt32LE(v, k * 4));
  return Buffer.concat([head, json, starts, Buffer.from(ix.inScope), words, Buffer.from(ix.postings)]);
}

/** An index from its bytes; throws naming `where` and what is wrong when they are not an index of this format. */
export function decodeWordIndex(bytes: Uint8Array, where: string): WordIndex {
  const bad = (why: string) =>
    new Error(`${where}: not readable as a word index (${why}); delete the file and the server makes it again`);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) throw bad(`it does not start with ${MAGIC}`);
  const size = buf.readUInt32LE(4);
  if (8 + size > buf.length) throw bad('its header is cut short');
  let h: Header;
  try {
    h = JSON.parse(buf.toString('utf8', 8, 8 + size)) as Header;
  } catch {
    throw bad('its header is not JSON');
  }
  let at = 8 + size;
  const want = at + (h.words + 1) * 4 + h.articles + h.wordBytes + h.postingBytes;
  if (want !== buf.length) throw bad(`it holds ${buf.length} bytes where its header names ${want}`);
  const starts = new Uint32Array(h.words + 1);
  for (let k = 0; k <= h.words; k++) starts[k] = buf.readUInt32LE(at + k * 4);
  at += (h.words + 1) * 4;
  // Plain byte views (not Buffers) over the bytes read, so nothing is copied.
  const view = (from: number, n: number) => new Uint8Array(buf.buffer, buf.byteOffset + from, n);
  const inScope = view(at, h.articles);
  at += h.articles;
  const text = buf.toString('utf8', at, at + h.wordBytes);
  const words = h.words === 0 ? [] : text.split('\n');
  at += h.wordBytes;
  if (words.length !== h.words || starts[h.words] !== h.postingBytes)
    throw bad(`its word list or postings do not match its header (${words.length} words, ${h.words} named)`);
  return { articles: h.articles, words, starts, postings: view(at, h.postingBytes), inScope };
}

// The first word position whose word is >= w (binary search over the sorted list).
function lowerBound(words: readonly string[], w: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid] < w) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The positions of the index's words one pattern word matches (its literal parts, split at `*`): a literal word by
 * binary search, a pattern with a literal head within that prefix's range, else by a walk over the word list (linear).
 */
export function matchingWords(ix: Pick<WordIndex, 'words'>, parts: readonly string[]): number[] {
  if (parts.length === 1) {
    const k = lowerBound(ix.words, parts[0]);
    return k < ix.words.length && ix.words[k] === parts[0] ? [k] : [];
  }
  const head = parts[0];
  const out: number[] = [];
  for (let k = head ? lowerBound(ix.words, head) : 0; k < ix.words.length; k++) {
    const w = ix.words[k];
    if (head && !w.startsWith(head)) break;
    if (wordMatches(parts, w)) out.push(k);
  }
  return out;
}

/** Whether an article has a sentence a reading counts (a search counts its tokens and the article only then). */
export function hasSentences(ix: Pick<WordIndex, 'inScope'>, article: number, r: IndexReading): boolean {
  return (ix.inScope[article] & (r.scope === 'body' ? 2 : 1)) !== 0;
}

/** Adds each listed word's occurrences per article under a reading into `hits` (one slot per article). */
export function addHits(
  ix: Pick<WordIndex, 'starts' | 'postings'>,
  wordIds: readonly number[],
  r: IndexReading,
  hits: Int32Array,
): void {
  const p = ix.postings;
  for (const w of wordIds) {
    let at = ix.starts[w];
    const end = ix.starts[w + 1];
    let article = -1;
    const next = () => {
      let v = 0;
      let shift = 0;
      for (;;) {
        const b = p[at++];
        v += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return v;
        shift += 7;
      }
    };
    while (at < end) {
      article += next() + 1;
      const aa = next();
      const ab = aa - next();
      const oa = aa - next();
      const ob = ab - next();
      hits[article] += r.voice === 'own' ? (r.scope === 'body' ? ob : oa) : r.scope === 'body' ? ab : aa;
    }
  }
}
