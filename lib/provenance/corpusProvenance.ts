import type { ArticleAnalysis } from '../analysis/article';
import type { Corpus } from '../types';
import { creditSources } from './credits';
import { addProvenance, buildProvenance, type CorpusProvenance, type ProvenanceInput } from './model';
import type { ReuseOptions } from './reuseIndex';

/** What provenance reads of an analysed article: its text, where its body starts, its sentences. */
export function provenanceInput(a: ArticleAnalysis, date: string | null): ProvenanceInput {
  const body = a.segments.find((s) => s.section === 'body');
  return {
    id: a.id,
    outlet: a.outlet,
    date,
    text: a.text,
    bodyStart: body ? body.start : 0,
    sentences: a.sentences.map((s) => ({ start: s.start, end: s.end })),
  };
}

/** The provenance of every article of an analysed corpus (analyses in corpus order). */
export function corpusProvenance(
  corpus: Pick<Corpus, 'outlets' | 'articles'>,
  analyses: ArticleAnalysis[],
  options?: ReuseOptions,
): CorpusProvenance {
  const dates = new Map(corpus.articles.map((a) => [a.id, a.date]));
  return buildProvenance(
    analyses.map((a) => provenanceInput(a, dates.get(a.id) ?? null)),
    creditSources(corpus.outlets),
    options,
  );
}

/** Adds analysed articles to a corpus's provenance, redoing only them and the articles they share passages with. */
export function addAnalysed(
  p: CorpusProvenance,
  added: { analysis: ArticleAnalysis; date: string | null }[],
): string[] {
  return addProvenance(
    p,
    added.map((x) => provenanceInput(x.analysis, x.date)),
  );
}
