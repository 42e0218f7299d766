import type { ProvenanceKind } from '../provenance/model';
import { derivedKind } from './derivedKind';
import { decodeJsonHeaded, encodeJsonHeaded } from './jsonHeaded';

/** The kind of derived data holding each sentence's provenance kind of a version, keyed by its version key. */
export const SENTENCE_KINDS = 'sentence-kinds';

/**
 * What a drill-down needs to mark its rows original or reused without decoding the version's whole provenance (1.3 GB
 * at 100,000 articles): each article's sentence spans and their provenance kinds. Article `i`'s sentences are
 * `first[i]` to `first[i + 1]` (exclusive) in `starts`, `ends` and `kinds`.
 */
export interface SentenceKinds {
  ids: string[];
  byId: Map<string, number>;
  first: Uint32Array;
  starts: Uint32Array;
  ends: Uint32Array;
  kinds: Uint8Array;
}

/** The tag sentence kinds' bytes start with (lib/store/sentenceKindsRanges.ts reads an article's spans alone). */
export const SENTENCE_KINDS_TAG = 'FSK1';
const MAGIC = SENTENCE_KINDS_TAG;
/** The kinds in the order their stored byte numbers them (a byte past the list is refused on reading). */
export const KINDS: readonly ProvenanceKind[] = ['original', 'shared', 'credited'];

/** The sentence kinds of a version's articles (its provenance's articles, in the version's order). */
export function makeSentenceKinds(
  articles: readonly { id: string; sentences: readonly { start: number; end: number; kind: ProvenanceKind }[] }[],
): SentenceKinds {
  const total = articles.reduce((n, a) => n + a.sentences.length, 0);
  const first = new Uint32Array(articles.length + 1);
  const starts = new Uint32Array(total);
  const ends = new Uint32Array(total);
  const kinds = new Uint8Array(total);
  let at = 0;
  articles.forEach((a, i) => {
    first[i] = at;
    for (const s of a.sentences) {
      starts[at] = s.start;
      ends[at] = s.end;
      kinds[at++] = KINDS.indexOf(s.kind);
    }
  });
  first[articles.length] = at;
  const ids = articles.map((a) => a.id);
  return { ids, byId: new Map(ids.map((id, i) => [id, i])), first, starts, ends, kinds };
}

/** The provenance kind of an article's sentence by its index, or null when the article or sentence is not there. */
export function kindOfSentence(k: SentenceKinds, article: string, sentence: number): ProvenanceKind | null {
  const i = k.byId.get(article);
  if (i === undefined || !Number.isInteger(sentence) || sentence < 0) return null;
  const at = k.first[i] + sentence;
  return at < k.first[i + 1] ? KINDS[k.kinds[at]] : null;
}

/** The provenance kind of the sentence holding a text position of an article, or null when none holds it. */
export function kindAt(k: SentenceKinds, article: string, pos: number): ProvenanceKind | null {
  const i = k.byId.get(article);
  if (i === undefined) return null;
  // Sentences are in text order: the last starting at or before `pos` is the only one that can hold it.
  let lo = k.first[i];
  let hi = k.first[i + 1] - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (k.starts[mid] <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && pos < k.ends[found] ? KINDS[k.kinds[found]] : null;
}

/** The stored bytes of sentence kinds: a tag, a JSON header of the ids, then the offsets, spans and kinds. */
export function encodeSentenceKinds(k: SentenceKinds): Uint8Array {
  return encodeJsonHeaded(MAGIC, { ids: k.ids }, [k.first, k.starts, k.ends, k.kinds], false);
}

/** Sentence kinds from their bytes; throws naming `where` and what is wrong when they are not of this format. */
export function decodeSentenceKinds(bytes: Uint8Array, where: string): SentenceKinds {
  const bad = (why: string) =>
    new Error(`${where}: not readable as sentence kinds (${why}); delete the file and the server makes it again`);
  const { header, buf, after } = decodeJsonHeaded(bytes, MAGIC, bad);
  const ids = (header as { ids?: unknown } | null)?.ids;
  if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) throw bad('its header lists no article ids');
  // Copies, so that every array is aligned whatever the header's length.
  const u32 = (from: number, count: number) => {
    const a = new Uint32Array(count);
    Buffer.from(a.buffer).set(buf.subarray(from, from + count * 4));
    return a;
  };
  let at = after;
  if (at + (ids.length + 1) * 4 > buf.length) throw bad('its offsets are cut short');
  const first = u32(at, ids.length + 1);
  at += first.byteLength;
  const n = first[ids.length];
  if (at + 9 * n !== buf.length)
    throw bad(`it holds ${buf.length - at} bytes of spans where its offsets name ${9 * n}`);
  for (let i = 0; i < ids.length; i++)
    if (first[i] > first[i + 1]) throw bad(`article ${i}'s sentences end before they start`);
  const starts = u32(at, n);
  const ends = u32(at + 4 * n, n);
  const kinds = Uint8Array.from(buf.subarray(at + 8 * n, at + 9 * n));
  const wrong = kinds.findIndex((x) => x >= KINDS.length);
  if (wrong >= 0) throw bad(`sentence ${wrong} has kind ${kinds[wrong]}, not one of 0-${KINDS.length - 1}`);
  return { ids, byId: new Map(ids.map((id: string, i) => [id, i])), first, starts, ends, kinds };
}

const stored = derivedKind(SENTENCE_KINDS, encodeSentenceKinds, decodeSentenceKinds);

/** Whether a version's sentence kinds are stored. */
export const hasSentenceKinds = stored.has;

/**
 * A version's stored sentence kinds, or null when none are stored or they cannot be read (the next provenance job of
 * the corpus makes them again; until then a drill-down leaves its rows unmarked).
 */
export const readSentenceKinds = stored.read;

/** Stores a version's sentence kinds. */
export const putSentenceKinds = stored.put;
