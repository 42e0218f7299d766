import type { ArticleAnalysis } from '../analysis/article';
import { provenanceInput } from '../provenance/corpusProvenance';
import type { ArticleProvenance, CorpusProvenance, ProvenanceInput } from '../provenance/model';
import { NO_POSTINGS } from '../provenance/postings';
import { lazyDoc, type PairMatch, type ReuseOptions } from '../provenance/reuseIndex';
import type { CreditSource } from '../provenance/credits';

/**
 * A corpus version's provenance as stored: the results (each sentence's provenance, the passages each pair of articles
 * shares, the credit sources), without what is rebuilt from the analyses (texts, sentences, word offsets) or needed
 * only to make the next version's provenance (shingles and their postings, stored apart as the reuse index).
 */
export interface StoredProvenance {
  options: ReuseOptions;
  sources: CreditSource[];
  articles: ArticleProvenance[];
  pairs: PairMatch[][];
}

/** The stored form of a provenance. */
export function compactProvenance(p: CorpusProvenance): StoredProvenance {
  return { options: p.index.options, sources: p.sources, articles: p.articles, pairs: p.index.pairs };
}

/**
 * A provenance rebuilt from its stored form and the analyses it was made from (same order). Word offsets are made when
 * a view first reads them. It is read-only: its index has no postings, so articles are never added to it (a new
 * version's provenance is made on a worker from the stored reuse index, lib/store/reuseIndexCodec.ts).
 */
export function restoreProvenance(
  s: StoredProvenance,
  analyses: readonly ArticleAnalysis[],
  dates: ReadonlyMap<string, string | null>,
): CorpusProvenance {
  if (analyses.length !== s.articles.length)
    throw new Error(`stored provenance covers ${s.articles.length} articles but ${analyses.length} were given`);
  return restoreFromInputs(
    s,
    analyses.map((a) => provenanceInput(a, dates.get(a.id) ?? null)),
  );
}

/** restoreProvenance from the articles' provenance inputs (what the provenance job keeps instead of analyses). */
export function restoreFromInputs(s: StoredProvenance, inputs: ProvenanceInput[]): CorpusProvenance {
  if (inputs.length !== s.articles.length)
    throw new Error(`stored provenance covers ${s.articles.length} articles but ${inputs.length} were given`);
  const docs = inputs.map((input, order) => lazyDoc(input, order, s.options.n));
  return {
    // No postings or candidates: reindex refuses it (the stored reuse index is what a new version is made from).
    index: { options: s.options, docs, postings: NO_POSTINGS, candidates: [], pairs: s.pairs },
    sources: s.sources,
    inputs,
    articles: s.articles,
    byId: new Map(inputs.map((x, i) => [x.id, i])),
  };
}
