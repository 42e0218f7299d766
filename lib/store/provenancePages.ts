import type { CorpusProvenance } from '../provenance/model';
import { articlePageRecord, type ArticlePageRecord } from '../provenance/pages';
import { ByteReader, ShapeError } from './byteCodec';
import { readPageRecord, withStrings, writePageRecord } from './provenanceBinary';
import type { AnalysisStore, StoreScope } from './types';

/**
 * The kind of derived data holding a version's article provenance pages: under the version key a small index, under
 * `<version>-p<k>` part k (articles k * part to (k + 1) * part - 1 of the version's order).
 */
export const PROVENANCE_PAGES = 'provenance-pages';

/** Articles per stored part: an article page reads one part (about 1 MB at most on generated corpora), not all. */
export const PAGES_PART = 500;

// The index, and page parts of another shape than the binary form stores: "FPP1" and JSON. Page parts: "FPP2", the
// part's string table, the number of records, each record's byte length, then the records (provenanceBinary.ts), so
// one record is decoded without the others.
const MAGIC = 'FPP1';
const MAGIC_BINARY = 'FPP2';

/** The key of a version's part `k`. */
export const partKey = (version: string, k: number) => `${version}-p${k}`;

interface PagesIndex {
  articles: number;
  part: number;
}

const bad = (where: string, why: string) =>
  new Error(`${where}: not readable as provenance pages (${why}); delete the file and the server makes it again`);

function decode(bytes: Uint8Array, where: string): unknown {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (!text.startsWith(MAGIC)) throw bad(where, `it does not start with ${MAGIC} or ${MAGIC_BINARY}`);
  try {
    return JSON.parse(text.slice(MAGIC.length));
  } catch {
    throw bad(where, 'it is not JSON after its tag');
  }
}

const encode = (x: unknown) => Buffer.from(MAGIC + JSON.stringify(x), 'utf8');

/** A page part's bytes: binary (FPP2), or JSON (FPP1) when a record is not of the shape the binary form stores. */
export function encodePagesPart(records: ArticlePageRecord[]): Uint8Array {
  const lengths: number[] = [];
  let body: Uint8Array;
  try {
    body = withStrings(
      (w) => {
        for (const x of records) {
          const at = w.n;
          writePageRecord(w, x);
          lengths.push(w.n - at);
        }
      },
      (w) => {
        w.uint(lengths.length);
        for (const n of lengths) w.uint(n);
      },
    );
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    return encode(records);
  }
  return Buffer.concat([Buffer.from(MAGIC_BINARY, 'latin1'), body]);
}

/** A binary part's records, after its table: where each starts; throws when the lengths do not fill the part. */
function recordsOf(bytes: Uint8Array): { r: ByteReader; starts: number[] } {
  const r = new ByteReader(bytes, MAGIC_BINARY.length);
  r.readStrings();
  const n = r.count();
  const starts: number[] = new Array(n + 1);
  let at = 0;
  for (let i = 0; i < n; i++) {
    starts[i] = at;
    at += r.uint();
  }
  starts[n] = at;
  for (let i = 0; i <= n; i++) starts[i] += r.at;
  if (starts[n] !== bytes.length)
    throw new Error(`its records should end at byte ${starts[n]} but it has ${bytes.length} bytes`);
  return { r, starts };
}

/** Record j of a binary part, read alone. */
function recordAt(r: ByteReader, starts: number[], j: number): ArticlePageRecord {
  r.at = starts[j];
  const x = readPageRecord(r);
  if (r.at !== starts[j + 1]) throw new Error(`record ${j} does not end where its length says`);
  return x;
}

const isBinary = (bytes: Uint8Array) =>
  bytes.length >= 4 && Buffer.from(bytes.buffer, bytes.byteOffset, 4).toString('latin1') === MAGIC_BINARY;

/** The records of one stored part from its bytes; throws naming `where` and what is wrong when they are not. */
export function decodePagesPart(bytes: Uint8Array, where: string): ArticlePageRecord[] {
  if (isBinary(bytes)) {
    try {
      const { r, starts } = recordsOf(bytes);
      return Array.from({ length: starts.length - 1 }, (_, j) => recordAt(r, starts, j));
    } catch (e) {
      throw bad(where, (e as Error).message);
    }
  }
  const x = decode(bytes, where);
  if (!Array.isArray(x)) throw bad(where, 'a part is not a list of article records');
  x.forEach((r: Partial<ArticlePageRecord> | null, i) => {
    if (!r || typeof r.provenance?.id !== 'string' || !Array.isArray(r.provenance.sentences))
      throw bad(where, `record ${i} has no article provenance`);
    if (!Array.isArray(r.partners)) throw bad(where, `record ${i} (${r.provenance.id}) has no list of partners`);
  });
  return x as ArticlePageRecord[];
}

/** Record j of one stored part (only it decoded when the part is binary), or undefined past the part's end. */
export function decodePagesRecord(bytes: Uint8Array, where: string, j: number): ArticlePageRecord | undefined {
  if (!isBinary(bytes)) return decodePagesPart(bytes, where)[j];
  try {
    const { r, starts } = recordsOf(bytes);
    return j >= 0 && j < starts.length - 1 ? recordAt(r, starts, j) : undefined;
  } catch (e) {
    throw bad(where, (e as Error).message);
  }
}

/** Stores part `k` of a version's article page records (articles k * part onwards). */
export function putPagesPart(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
  k: number,
  records: ArticlePageRecord[],
): Promise<void> {
  return store.putDerived(scope, PROVENANCE_PAGES, partKey(version, k), encodePagesPart(records));
}

/** Stores the index that says a version's `articles` page records are all stored, in parts of `part`. */
export function putPagesIndex(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
  articles: number,
  part = PAGES_PART,
): Promise<void> {
  const index: PagesIndex = { articles, part };
  return store.putDerived(scope, PROVENANCE_PAGES, version, encode(index));
}

/** Stores every article's page record of a version, part by part, then the index that says they are all there. */
export async function putProvenancePages(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
  p: CorpusProvenance,
  part = PAGES_PART,
): Promise<void> {
  const n = p.articles.length;
  for (let k = 0; k * part < n; k++) {
    const records: ArticlePageRecord[] = [];
    for (let i = k * part; i < Math.min(n, (k + 1) * part); i++) records.push(articlePageRecord(p, i));
    await putPagesPart(store, scope, version, k, records);
  }
  await putPagesIndex(store, scope, version, n, part);
}

/** Whether a version's article pages are all stored (their index is written last). */
export function hasProvenancePages(store: AnalysisStore, scope: StoreScope, version: string): boolean {
  return store.hasDerived(scope, PROVENANCE_PAGES, version);
}

/**
 * The stored page record of the article at position `i` of a version (reading only its part), or null when the pages
 * are not all stored, cannot be read, or do not hold that article under `id` (the page then reads the whole
 * provenance, as before).
 */
export function readArticlePage(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
  i: number,
  id: string,
): ArticlePageRecord | null {
  const where = `${scope.corpus}/${PROVENANCE_PAGES}-${version}`;
  try {
    const indexBytes = store.readDerived(scope, PROVENANCE_PAGES, version);
    if (!indexBytes) return null;
    const index = decode(indexBytes, where) as Partial<PagesIndex>;
    if (!Number.isInteger(index.part) || !Number.isInteger(index.articles) || index.part! < 1) return null;
    if (i < 0 || i >= index.articles!) return null;
    const k = Math.floor(i / index.part!);
    const bytes = store.readDerived(scope, PROVENANCE_PAGES, partKey(version, k));
    if (!bytes) return null;
    const r = decodePagesRecord(bytes, `${where}-p${k}`, i - k * index.part!);
    return r?.provenance.id === id ? r : null;
  } catch {
    return null;
  }
}
