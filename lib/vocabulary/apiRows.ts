import type { LexiconMark } from './lexicon';
import type { VocabularyRow } from './score';

/** One row of the vocabulary API and CLI (the fields first; the rest to recompute and read it). */
export interface VocabularyApiRow {
  term: string;
  y: number;
  n: number;
  yOther: number;
  nOther: number;
  articles: number;
  z: number;
  q: number;
  articlesTotal: number;
  articlesOther: number;
  articlesOtherTotal: number;
  per1k: number;
  per1kOther: number;
  alpha: number;
  alpha0: number;
  delta: number;
  variance: number;
  p: number;
  distinctive: boolean;
  oneArticle: boolean;
  /** The lexicon variant the n-gram is ("group.variant"), or null. */
  lexicon: string | null;
  /** Term groups it is a candidate variant of. */
  candidateFor: string[];
}

/** The API/CLI row of a scored n-gram (the same for both, so scripts read one format). */
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
