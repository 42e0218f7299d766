import type { ProvenanceKind } from '../provenance/model';
import { decodeJsonHeaded } from './jsonHeaded';
import { storedHeadBytes, storedWords } from './jsonHeadedRanges';
import { KINDS, kindAt, kindOfSentence, SENTENCE_KINDS, SENTENCE_KINDS_TAG, type SentenceKinds } from './sentenceKinds';
import type { AnalysisStore, StoreScope } from './types';

/**
 * A version's stored sentence kinds (lib/store/sentenceKinds.ts) with only each article's sentence offsets kept (4
 * bytes per article): a drill-down's page reads the spans of the few articles it marks from the store, so a server no
 * longer keeps 9 bytes per sentence and a map of every article id (about 300 bytes per article).
 */
export interface StoredSentenceKinds {
  /**
   * One article's sentences as sentence kinds of that article alone, read from the store (the most recent kept); null
   * when the version has no such article or its spans cannot be read (the file is gone, changed, or holds a bad kind).
   */
  article(id: string): SentenceKinds | null;
}

// Articles whose spans are kept once read: a page's rows come from at most a page of articles.
const KEPT = 64;

/**
 * Opens a version's stored sentence kinds by reading their header and offsets; null when none are stored or they are
 * not readable as sentence kinds. `position` is the version's own id lookup: used when the stored ids are `ids` in the
 * same order (as the provenance job stores them), else a map of the stored ids is kept.
 */
export function openSentenceKinds(
  store: AnalysisStore,
  scope: StoreScope,
  key: string,
  version?: { ids: readonly string[]; position: (id: string) => number },
): StoredSentenceKinds | null {
  const where = `${scope.corpus}/${SENTENCE_KINDS}-${key}`;
  const bad = (why: string) => new Error(`${where}: not readable as sentence kinds (${why})`);
  const raw = storedHeadBytes(store, scope, SENTENCE_KINDS, key);
  if (!raw) return null;
  // The provenance job stores the version's ids in its order: when the header is exactly those, it is not parsed (a
  // million ids parse in about half a second, on the warm-up's one turn) and the version's own lookup answers.
  const expected = version && Buffer.from(`${SENTENCE_KINDS_TAG}0000${JSON.stringify({ ids: version.ids })}`);
  const same =
    expected !== undefined &&
    raw.bytes.length === expected.length &&
    Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, 4).toString('latin1') === SENTENCE_KINDS_TAG &&
    Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset + 8, raw.bytes.length - 8).equals(expected.subarray(8));
  let ids: unknown = version?.ids;
  let after = raw.bytes.length;
  if (!same) {
    try {
      const read = decodeJsonHeaded(raw.bytes, SENTENCE_KINDS_TAG, bad);
      ids = (read.header as { ids?: unknown } | null)?.ids;
      after = read.after;
    } catch {
      return null;
    }
  }
  if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) return null;
  const head = { after, size: raw.size };
  const first = storedWords(store, scope, SENTENCE_KINDS, key, head.after, ids.length + 1);
  if (!first) return null;
  const n = first[ids.length];
  const spans = head.after + first.byteLength;
  // Checked as the whole decoder checks them; each article's kinds are checked when it is read.
  if (spans + 9 * n !== head.size) return null;
  for (let i = 0; i < ids.length; i++) if (first[i] > first[i + 1]) return null;
  const byId = same ? null : new Map((ids as string[]).map((id, i) => [id, i]));
  const positionOf = same ? version!.position : (id: string) => byId!.get(id) ?? -1;
  const size = head.size;
  // Not `ids` itself in the readers below: a closure naming it would keep every parsed id alive.
  const count = ids.length;
  const kept = new Map<string, SentenceKinds | null>();
  const read = (id: string): SentenceKinds | null => {
    const i = positionOf(id);
    if (i < 0 || i >= count) return null;
    const from = first[i];
    const many = first[i + 1] - from;
    const starts = storedWords(store, scope, SENTENCE_KINDS, key, spans + 4 * from, many);
    const ends = storedWords(store, scope, SENTENCE_KINDS, key, spans + 4 * n + 4 * from, many);
    const bytes = store.derivedRange(scope, SENTENCE_KINDS, key, spans + 8 * n + from, many);
    if (!starts || !ends || !bytes || bytes.length !== many) return null;
    if (store.derivedHead(scope, SENTENCE_KINDS, key, 0)?.size !== size) return null;
    const kinds = Uint8Array.from(bytes);
    if (kinds.some((x) => x >= KINDS.length)) return null;
    return { ids: [id], byId: new Map([[id, 0]]), first: Uint32Array.of(0, many), starts, ends, kinds };
  };
  return {
    article(id) {
      if (kept.has(id)) return kept.get(id)!;
      const k = read(id);
      if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
      kept.set(id, k);
      return k;
    },
  };
}

/** The kind of an article's sentence by its index, as kindOfSentence gives it from the whole sentence kinds. */
export function storedKindOfSentence(k: StoredSentenceKinds, article: string, sentence: number): ProvenanceKind | null {
  const one = k.article(article);
  return one && kindOfSentence(one, article, sentence);
}

/** The kind of the sentence holding a text position of an article, as kindAt gives it from the whole sentence kinds. */
export function storedKindAt(k: StoredSentenceKinds, article: string, pos: number): ProvenanceKind | null {
  const one = k.article(article);
  return one && kindAt(one, article, pos);
}
