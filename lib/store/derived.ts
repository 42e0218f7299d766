import { deserialize, serialize } from 'node:v8';
import type { ArticleProvenance } from '../provenance/model';
import { ByteReader, ByteWriter, ShapeError } from './byteCodec';
import { readArticle, readPairLists, withStrings, writeArticle, writePairLists } from './provenanceBinary';
import type { StoredProvenance } from './provenanceCodec';
import { decodeReuseIndex, encodeReuseIndex, type StoredReuseIndex } from './reuseIndexCodec';
import type { AnalysisStore, StoreScope } from './types';

const NAME_PART = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The file (or row) name of one piece of derived data; kinds and keys are short lowercase names so that no key can
 * reach outside the store's folder.
 */
export function derivedName(kind: string, key: string): string {
  if (!NAME_PART.test(kind)) throw new Error(`derived data kind "${kind}" is not a short lowercase name`);
  if (!NAME_PART.test(key)) throw new Error(`derived data key "${key}" is not a short lowercase name`);
  return `${kind}-${key}.bin`;
}

// v2: reuse detection became a function of the set of articles (lib/provenance/reuseIndex.ts), so provenance stored
// by the earlier, order-dependent one is not read and is made again once.
const PROVENANCE = 'provenance-v2';

/** The kind of derived data holding the reuse index the next version's provenance is made from. */
export const REUSE_INDEX = 'reuse-index';

// One reuse index per corpus and lexicon, the latest made: it names its version, and any later version is made from it.
const LATEST = 'latest';

/** The stored provenance of one corpus version (by versionKey), or null when none is stored or it is unreadable. */
export function readProvenance(store: AnalysisStore, scope: StoreScope, version: string): StoredProvenance | null {
  const bytes = store.readDerived(scope, PROVENANCE, version);
  return bytes ? decodeProvenance(bytes) : null;
}

/**
 * readProvenance in steps: yields after each stored part is decoded (PROVENANCE_PART articles, or as many pair lists),
 * so the server decodes a large provenance in the background giving the event loop back between parts.
 */
export function* readProvenanceSteps(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
): Generator<void, StoredProvenance | null, void> {
  const bytes = store.readDerived(scope, PROVENANCE, version);
  if (!bytes) return null;
  return yield* decodeProvenanceSteps(bytes);
}

/** A provenance from its stored bytes (any format written so far), or null when they are cut short or unreadable. */
export function decodeProvenance(bytes: Uint8Array): StoredProvenance | null {
  const steps = decodeProvenanceSteps(bytes);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** decodeProvenance in steps: yields before each stored part is decoded. */
export function* decodeProvenanceSteps(bytes: Uint8Array): Generator<void, StoredProvenance | null, void> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const magic = buf.length < 8 ? '' : buf.toString('latin1', 0, 4);
    // Stored whole before it was stored in parts: one decode.
    if (magic !== PARTS_MAGIC && magic !== PARTS_MAGIC_V1) return deserialize(buf) as StoredProvenance;
    const headerEnd = 8 + buf.readUInt32LE(4);
    const header = (
      magic === PARTS_MAGIC ? JSON.parse(buf.toString('utf8', 8, headerEnd)) : deserialize(buf.subarray(8, headerEnd))
    ) as PartsHeader;
    // Cut short or grown: the parts' lengths must add up to the file's, or nothing of it is read.
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    if (headerEnd + sum(header.articles) + sum(header.pairs) !== buf.length) return null;
    let at = headerEnd;
    const read = function* <T>(sizes: number[], into: T[], binary: (r: ByteReader) => T[]): Generator<void> {
      for (const size of sizes) {
        yield;
        const part = buf.subarray(at, at + size);
        const items = magic === PARTS_MAGIC ? decodePart(part, binary) : (deserialize(part) as T[]);
        for (const item of items) into.push(item);
        at += size;
      }
    };
    const articles: StoredProvenance['articles'] = [];
    const pairs: StoredProvenance['pairs'] = [];
    yield* read(header.articles, articles, readArticles);
    // A pair list part refers to pairs of the lists before it (see writePairLists).
    yield* read(header.pairs, pairs, (r) => readPairLists(r, pairs));
    return { options: header.options, sources: header.sources, articles, pairs };
  } catch {
    // Written by another Node version's serializer, or cut short: made again by the next preparation.
    return null;
  }
}

/** Articles (or pair lists) per stored part of a provenance: each part is decoded on its own. */
export const PROVENANCE_PART = 2000;

// A provenance stored in parts: "FSP2", the header's length (u32 LE), the header as JSON, then each part's bytes in
// order. A part is "B" and its binary form (lib/store/provenanceBinary.ts), or "V" and its v8 serialization when it is
// not of the shape the binary form stores. Before: "FSP1", the same with a v8 header and v8 parts (still read).
const PARTS_MAGIC = 'FSP2';
const PARTS_MAGIC_V1 = 'FSP1';
interface PartsHeader {
  options: StoredProvenance['options'];
  sources: StoredProvenance['sources'];
  /** Byte lengths of the article parts, then of the pair-list parts. */
  articles: number[];
  pairs: number[];
}

const BINARY = 0x42;
const V8 = 0x56;

const readArticles = (r: ByteReader) => {
  const n = r.count();
  const out: ArticleProvenance[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = readArticle(r);
  return out;
};

function decodePart<T>(part: Buffer, binary: (r: ByteReader) => T[]): T[] {
  if (part[0] === V8) return deserialize(part.subarray(1)) as T[];
  if (part[0] !== BINARY) throw new Error(`a provenance part starts with byte ${part[0]}`);
  const r = new ByteReader(part, 1);
  r.readStrings();
  const items = binary(r);
  r.done();
  return items;
}

function encodePart<T>(items: T[], write: (w: ByteWriter, items: T[]) => void): Buffer {
  try {
    return Buffer.concat([Buffer.of(BINARY), withStrings((w) => write(w, items))]);
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    return Buffer.concat([Buffer.of(V8), serialize(items)]);
  }
}

const writeArticles = (w: ByteWriter, xs: ArticleProvenance[]) => {
  w.uint(xs.length);
  for (const x of xs) writeArticle(w, x);
};

/** One stored part of a provenance's articles (what encodeProvenance writes for each PROVENANCE_PART articles). */
export const encodeArticlesPart = (articles: ArticleProvenance[]): Buffer => encodePart(articles, writeArticles);

/**
 * A provenance's bytes from its article parts already encoded (encodeArticlesPart, in order) and its pair lists,
 * written in parts of `part` lists: what encodeProvenance writes, for a job that encodes articles as it makes them.
 */
export function encodeProvenanceFrom(
  p: Omit<StoredProvenance, 'articles'>,
  articles: readonly Buffer[],
  part = PROVENANCE_PART,
): Uint8Array {
  const pairs: Buffer[] = [];
  for (let i = 0; i < p.pairs.length; i += part)
    pairs.push(encodePart(p.pairs.slice(i, i + part), (w, lists) => writePairLists(w, lists, i, p.pairs)));
  const header = Buffer.from(
    JSON.stringify({
      options: p.options,
      sources: p.sources,
      articles: articles.map((b) => b.length),
      pairs: pairs.map((b) => b.length),
    } satisfies PartsHeader),
  );
  const prefix = Buffer.alloc(8);
  prefix.write(PARTS_MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(header.length, 4);
  return Buffer.concat([prefix, header, ...articles, ...pairs]);
}

/**
 * A provenance's bytes as stored: in parts of `part` (PROVENANCE_PART) articles and pair lists (see
 * readProvenanceSteps, which reads parts of any size).
 */
export function encodeProvenance(p: StoredProvenance, part = PROVENANCE_PART): Uint8Array {
  const articles: Buffer[] = [];
  for (let i = 0; i < p.articles.length; i += part) articles.push(encodeArticlesPart(p.articles.slice(i, i + part)));
  return encodeProvenanceFrom(p, articles, part);
}

/**
 * A stored provenance whose pair lists are decoded and whose articles are decoded a part at a time when asked for:
 * what the provenance job reads of the previous version, which it needs every pair of but each article once, in about
 * the version's order (a whole decode held every article's provenance, about 17 KB each, to the end of the job).
 */
export interface ProvenanceByPart extends Omit<StoredProvenance, 'articles'> {
  /** How many articles it holds. */
  articles: number;
  /** The provenance of the article at position i (its part decoded unless it is the last part read). */
  articleAt(i: number): ArticleProvenance;
}

// Article parts are decoded once here to count them (and to find a bad file now rather than mid-job), then dropped.
function byPart(buf: Buffer): ProvenanceByPart | null {
  const headerEnd = 8 + buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, headerEnd)) as PartsHeader;
  const sum = (xs: number[]) => xs.reduce((t, x) => t + x, 0);
  if (headerEnd + sum(header.articles) + sum(header.pairs) !== buf.length) return null;
  const offsets = [headerEnd];
  for (const size of header.articles) offsets.push(offsets[offsets.length - 1] + size);
  const partAt = (k: number) => decodePart(buf.subarray(offsets[k], offsets[k + 1]), readArticles);
  const first = [0];
  header.articles.forEach((_, k) => first.push(first[k] + partAt(k).length));
  const pairs: StoredProvenance['pairs'] = [];
  let at = offsets[offsets.length - 1];
  for (const size of header.pairs) {
    for (const list of decodePart(buf.subarray(at, at + size), (r) => readPairLists(r, pairs))) pairs.push(list);
    at += size;
  }
  let held = { k: -1, items: [] as ArticleProvenance[] };
  const articles = first[first.length - 1];
  const articleAt = (i: number) => {
    if (!Number.isInteger(i) || i < 0 || i >= articles)
      throw new Error(`stored provenance: article ${i} asked for, but it holds articles 0 to ${articles - 1}`);
    if (i < first[held.k] || i >= first[held.k + 1]) {
      let k = 0;
      while (first[k + 1] <= i) k++;
      held = { k, items: partAt(k) };
    }
    return held.items[i - first[held.k]];
  };
  return { options: header.options, sources: header.sources, pairs, articles, articleAt };
}

/**
 * A corpus version's stored provenance with its articles decoded a part at a time (ProvenanceByPart), or null when
 * none is stored or it is unreadable. A provenance stored in an earlier format is decoded whole.
 */
export function readProvenanceByPart(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
): ProvenanceByPart | null {
  const bytes = store.readDerived(scope, PROVENANCE, version);
  if (!bytes) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 8 && buf.toString('latin1', 0, 4) === PARTS_MAGIC) {
    try {
      return byPart(buf);
    } catch {
      // As decodeProvenance: an unreadable provenance is made again whole.
      return null;
    }
  }
  const whole = decodeProvenance(buf);
  return whole && { ...whole, articles: whole.articles.length, articleAt: (i: number) => whole.articles[i] };
}

/** Whether a corpus version's provenance is stored. */
export function hasProvenance(store: AnalysisStore, scope: StoreScope, version: string): boolean {
  return store.hasDerived(scope, PROVENANCE, version);
}

/** Stores a corpus version's provenance already encoded (encodeProvenance or encodeProvenanceFrom). */
export function putProvenanceBytes(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
  bytes: Uint8Array,
): Promise<void> {
  return store.putDerived(scope, PROVENANCE, version, bytes);
}

/** Stores a corpus version's provenance. */
export function putProvenance(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
  provenance: StoredProvenance,
): Promise<void> {
  return store.putDerived(scope, PROVENANCE, version, encodeProvenance(provenance));
}

/** The latest stored reuse index of a corpus under a lexicon, or null when none is stored or it is unreadable. */
export function readReuseIndex(store: AnalysisStore, scope: StoreScope): StoredReuseIndex | null {
  const bytes = store.readDerived(scope, REUSE_INDEX, LATEST);
  if (!bytes) return null;
  try {
    return decodeReuseIndex(bytes, `${scope.corpus}/${REUSE_INDEX}`);
  } catch {
    // Cut short or of another format: the next version's provenance is made whole, and a new index stored.
    return null;
  }
}

/** Stores a corpus's reuse index, replacing the previous one (so the store keeps one per corpus and lexicon). */
export function putReuseIndex(store: AnalysisStore, scope: StoreScope, index: StoredReuseIndex): Promise<void> {
  return store.putDerived(scope, REUSE_INDEX, LATEST, encodeReuseIndex(index));
}
