import { articleProvenance, type ArticleProvenance, type CorpusProvenance } from '../provenance/model';
import { articlePageRecord, type ArticlePageRecord } from '../provenance/pages';
import { SummaryTally } from '../provenance/summaryTally';
import type { SubstitutionMention } from '../provenance/views';
import { encodeArticlesPart, encodeProvenanceFrom, PROVENANCE_PART, putProvenanceBytes } from './derived';
import { PAGES_PART, putPagesIndex, putPagesPart } from './provenancePages';
import { putProvenanceSummary } from './provenanceSummary';
import { makeSentenceKinds, putSentenceKinds, type SentenceKinds } from './sentenceKinds';
import type { AnalysisStore, StoreScope } from './types';

/** Sentence kinds of consecutive runs of a version's articles joined into the version's (as makeSentenceKinds of all). */
export function joinSentenceKinds(parts: readonly SentenceKinds[]): SentenceKinds {
  const articles = parts.reduce((n, k) => n + k.ids.length, 0);
  const total = parts.reduce((n, k) => n + k.kinds.length, 0);
  const first = new Uint32Array(articles + 1);
  const starts = new Uint32Array(total);
  const ends = new Uint32Array(total);
  const kinds = new Uint8Array(total);
  const ids: string[] = [];
  let at = 0;
  for (const k of parts) {
    for (let i = 0; i < k.ids.length; i++) first[ids.length + i] = at + k.first[i];
    starts.set(k.starts, at);
    ends.set(k.ends, at);
    kinds.set(k.kinds, at);
    at += k.kinds.length;
    for (const id of k.ids) ids.push(id);
  }
  first[articles] = at;
  return { ids, byId: new Map(ids.map((id, i) => [id, i])), first, starts, ends, kinds };
}

/** Sizes of the stored parts: the provenance's article parts and the article pages' parts (the store's by default). */
export interface PartSizes {
  provenance: number;
  pages: number;
}

/** The sizes the store reads and writes. */
export const STORED_PARTS: PartSizes = { provenance: PROVENANCE_PART, pages: PAGES_PART };

/**
 * Computes the articles of a provenance whose index is made (reindexProvenance: `redo[i]` says whether article i is
 * computed, else it is `previous[i]`) and stores the version's provenance, sentence kinds, summary and article pages
 * with the bytes storing the whole provenance at once would write. Each article's provenance is held only until its
 * provenance part and page part are written (at most the larger part's articles at a time), not until the end: at
 * 100,000 articles and more, holding them all was the job's largest part. Returns how many articles it computed, the
 * milliseconds computing them took and those reading the previous results kept (the rest is making and writing).
 */
export async function storeArticlesByPart(
  store: AnalysisStore,
  scope: StoreScope,
  version: string,
  p: CorpusProvenance,
  redo: Uint8Array,
  previous: (i: number) => ArticleProvenance,
  mentions: Pick<ReadonlyMap<string, readonly SubstitutionMention[]>, 'get'>,
  sizes: PartSizes = STORED_PARTS,
): Promise<{ computed: number; computeMs: number; previousMs: number }> {
  for (const [name, size] of Object.entries(sizes))
    if (!Number.isInteger(size) || size < 1)
      throw new Error(`provenance parts: ${name} part ${size} must be 1 or more`);
  const n = p.inputs.length;
  const tally = new SummaryTally((id) => p.inputs[p.byId.get(id)!].outlet);
  const articleParts: Buffer[] = [];
  const kindParts: SentenceKinds[] = [];
  let pending: ArticleProvenance[] = [];
  let records: ArticlePageRecord[] = [];
  const made = { computed: 0, computeMs: 0, previousMs: 0 };
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const a = redo[i] ? articleProvenance(p, i) : previous(i);
    made[redo[i] ? 'computeMs' : 'previousMs'] += performance.now() - t;
    made.computed += redo[i];
    p.articles[i] = a;
    tally.add(a);
    pending.push(a);
    records.push(articlePageRecord(p, i));
    // Dropped from the provenance at once: the page record and the pending part keep what is still to be written.
    p.articles[i] = undefined as never;
    if (records.length === sizes.pages || i === n - 1) {
      await putPagesPart(store, scope, version, Math.floor(i / sizes.pages), records);
      records = [];
    }
    if (pending.length === sizes.provenance || i === n - 1) {
      articleParts.push(encodeArticlesPart(pending));
      kindParts.push(makeSentenceKinds(pending));
      pending = [];
    }
  }
  // The provenance first: an index names a version whose provenance is stored, so the next version can read it.
  const bytes = encodeProvenanceFrom(
    { options: p.index.options, sources: p.sources, pairs: p.index.pairs },
    articleParts,
    sizes.provenance,
  );
  await putProvenanceBytes(store, scope, version, bytes);
  await putSentenceKinds(store, scope, version, joinSentenceKinds(kindParts));
  await putProvenanceSummary(
    store,
    scope,
    version,
    tally.summary(p, (id) => mentions.get(id) ?? []),
  );
  await putPagesIndex(store, scope, version, n, sizes.pages);
  return made;
}
