import type { ArticleAnalysis } from '../analysis/article';
import { provenanceInput } from '../provenance/corpusProvenance';
import type { ArticleProvenance, CorpusProvenance } from '../provenance/model';
import type { Doc, PairMatch, ReuseOptions } from '../provenance/reuseIndex';
import { wordsOf, type Words } from '../provenance/words';
import type { CreditSource } from '../provenance/credits';

/**
 * A corpus version's provenance as stored: the results (each sentence's provenance, the passages each pair of articles
 * shares, the credit sources), without what is rebuilt from the analyses (texts, sentences, word offsets) or needed
 * only to add articles to the index (shingles and their postings, most of the size).
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

const NO_SHINGLES = new Uint32Array(0);

/**
 * A provenance rebuilt from its stored form and the analyses it was made from (same order). Word offsets are made when
 * a view first reads them. It is read-only: its index has no postings, so articles are never added to it (a new
 * version's provenance is made whole, on a worker).
 */
export function restoreProvenance(
  s: StoredProvenance,
  analyses: readonly ArticleAnalysis[],
  dates: ReadonlyMap<string, string | null>,
): CorpusProvenance {
  if (analyses.length !== s.articles.length)
    throw new Error(`stored provenance covers ${s.articles.length} articles but ${analyses.length} were given`);
  const inputs = analyses.map((a) => provenanceInput(a, dates.get(a.id) ?? null));
  const docs = inputs.map((input, order) => {
    let words: Words | null = null;
    const doc: Omit<Doc, 'words'> = { ...input, order, shingles: NO_SHINGLES };
    Object.defineProperty(doc, 'words', { enumerable: true, get: () => (words ??= wordsOf(input.text)) });
    return doc as Doc;
  });
  return {
    index: { options: s.options, docs, postings: Array.from({ length: 256 }, () => new Map()), pairs: s.pairs },
    sources: s.sources,
    inputs,
    articles: s.articles,
    byId: new Map(inputs.map((x, i) => [x.id, i])),
  };
}
