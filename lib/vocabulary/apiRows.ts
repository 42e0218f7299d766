import type { LexiconMark } from './lexicon';
import type { VocabularyRow } from './score';

/**
 * One row of the vocabulary API and CLI: every field of a scored n-gram, plus its lexicon mark and candidacies (a
 * field added to VocabularyRow must then be written by apiRow, so the two cannot drift apart).
 */
export interface VocabularyApiRow extends VocabularyRow {
  /** The lexicon variant the n-gram is ("group.variant"), or null. */
  lexicon: string | null;
  /** Term groups it is a candidate variant of. */
  candidateFor: string[];
}

/** The API/CLI row of a scored n-gram, keys in this order: the fields first, the rest to recompute it. */
export function apiRow(r: VocabularyRow & { lexicon: LexiconMark | null; candidateFor: string[] }): VocabularyApiRow {
  return {
    term: r.term,
    y: r.y,
    n: r.n,
    yOther: r.yOther,
    nOther: r.nOther,
    articles: r.articles,
    z: r.z,
    q: r.q,
    articlesTotal: r.articlesTotal,
    articlesOther: r.articlesOther,
    articlesOtherTotal: r.articlesOtherTotal,
    per1k: r.per1k,
    per1kOther: r.per1kOther,
    alpha: r.alpha,
    alpha0: r.alpha0,
    delta: r.delta,
    variance: r.variance,
    p: r.p,
    distinctive: r.distinctive,
    oneArticle: r.oneArticle,
    lexicon: r.lexicon ? `${r.lexicon.group}.${r.lexicon.variant}` : null,
    candidateFor: r.candidateFor,
  };
}
