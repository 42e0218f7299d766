import type { CorpusProvenance } from '../provenance/model';
import { articlePageRecord, type ArticlePageRecord } from '../provenance/pages';
import type { AnalysisStore, StoreScope } from './types';

/**
 * The kind of derived data holding a version's article provenance pages: under the version key a small index, under
 * `<version>-p<k>` part k (articles k * part to (k + 1) * part - 1 of the version's order).
 */
export const PROVENANCE_PAGES = 'provenance-pages';

/** Articles per stored part: an article page reads one part (about 1 MB at most on generated corpora), not all. */
export const PAGES_PART = 500;

const MAGIC = 'FPP1';

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
  if (!text.startsWith(MAGIC)) throw bad(where, `it does not start with ${MAGIC}`);
  try {
    return JSON.parse(text.slice(MAGIC.length));
  } catch {
    throw bad(where, 'it is not JSON after its tag');
  }
}

const encode = (x: unknown) => Buffer.from(MAGIC + JSON.stringify(x), 'utf8');

/** The records of one stored part from its bytes; throws naming `where` and what is wrong when they are not. */
export function decodePagesPart(bytes: Uint8Array, where: string): ArticlePageRecord[] {
  const x = decode(bytes, where);
  if (!Array.isArray(x)) throw bad(where, 'a part is not a list of article records');
  x.forEach((r: Partial<ArticlePageRecord> | null, i) => {
    if (!r || typeof r.provenance?.id !== 'string' || !Array.isArray(r.provenance.sentences))
      throw bad(where, `record ${i} has no article provenance`);
    if (!Array.isArray(r.partners)) throw bad(where, `record ${i} (${r.provenance.id}) has no list of partners`);
  });
  return x as ArticlePageRecord[];
}

/** Stores every article's page record of a version, part by part, then the index that says they are all there. */
export async function putProvenancePages(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
  p: CorpusProvenance,
): Promise<void> {
  const n = p.articles.length;
  for (let k = 0; k * PAGES_PART < n; k++) {
    const records: ArticlePageRecord[] = [];
    for (let i = k * PAGES_PART; i < Math.min(n, (k + 1) * PAGES_PART); i++) records.push(articlePageRecord(p, i));
    await store.putDerived(scope, PROVENANCE_PAGES, partKey(version, k), encode(records));
  }
  const index: PagesIndex = { articles: n, part: PAGES_PART };
  await store.putDerived(scope, PROVENANCE_PAGES, version, encode(index));
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
    const r = decodePagesPart(bytes, `${where}-p${k}`)[i - k * index.part!];
    return r?.provenance.id === id ? r : null;
  } catch {
    return null;
  }
}
