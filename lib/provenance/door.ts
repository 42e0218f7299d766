import type { ArticleAnalysis } from '../analysis/article';
import type { Corpus } from '../types';
import type { ArticleProvenance, CorpusProvenance, ProvenanceKind } from './model';
import {
  outletProvenance,
  reuseMatrix,
  sideBySide,
  substitutions,
  type OutletProvenance,
  type Substitution,
} from './views';

/** A piece of text in a side-by-side view: the words and whether the other side has them too. */
export interface TextPiece {
  text: string;
  same: boolean;
}

/** The passages an article shares with one other article, as text pieces side by side. */
export interface PartnerModel {
  article: string;
  title: string;
  outlet: string;
  date: string | null;
  passages: { left: TextPiece[]; right: TextPiece[]; similarity: number }[];
}

/** What the provenance page of one article shows. */
export interface ArticleProvenanceModel {
  id: string;
  title: string;
  outlet: string;
  date: string | null;
  text: string;
  provenance: ArticleProvenance;
  /** Titles of every article named as a source or copy, by id. */
  titles: Record<string, string>;
  partners: PartnerModel[];
}

/** What the corpus provenance page shows (and, with one outlet chosen, the outlet's part). */
export interface CorpusProvenanceModel {
  outlets: { id: string; name: string; summary: OutletProvenance }[];
  matrix: number[][];
  substitutions: Substitution[];
  /** Articles of the chosen outlets with their sentences by provenance, most reused first. */
  articles: { id: string; title: string; outlet: string; sentences: Record<ProvenanceKind, number> }[];
}

/** A passage's text cut into its pieces (same or changed): the gap before a piece (spaces, punctuation) belongs to it. */
export function passagePieces(text: string, list: { start: number; end: number; same: boolean }[]): TextPiece[] {
  const out: TextPiece[] = [];
  let at = list.length ? list[0].start : 0;
  for (const x of list) {
    // The gap between two pieces (spaces, punctuation) belongs to the piece after it.
    out.push({ text: text.slice(at, x.end), same: x.same });
    at = x.end;
  }
  return out;
}

/** The provenance page model of one article, or null when the corpus has no such article. */
export function articleProvenanceModel(
  p: CorpusProvenance,
  corpus: Pick<Corpus, 'articles'>,
  id: string,
): ArticleProvenanceModel | null {
  const i = p.byId.get(id);
  const meta = corpus.articles.find((a) => a.id === id);
  if (i === undefined || !meta) return null;
  const ap = p.articles[i];
  const titleOf = new Map(corpus.articles.map((a) => [a.id, a.title]));
  const textOf = (article: string) => p.inputs[p.byId.get(article)!].text;
  const partnerIds = [...new Set(ap.sentences.flatMap((s) => s.others.map((o) => o.article)))];
  const titles: Record<string, string> = {};
  for (const x of partnerIds) titles[x] = titleOf.get(x) ?? x;
  const partners = partnerIds.map((other) => {
    const od = p.index.docs[p.byId.get(other)!];
    return {
      article: other,
      title: titles[other],
      outlet: od.outlet,
      date: od.date,
      passages: sideBySide(p, id, other).map((s) => ({
        left: passagePieces(textOf(id), s.left),
        right: passagePieces(textOf(other), s.right),
        similarity: s.similarity,
      })),
    };
  });
  partners.sort((x, y) => (x.date ?? '\uffff').localeCompare(y.date ?? '\uffff') || x.article.localeCompare(y.article));
  return {
    id,
    title: meta.title,
    outlet: meta.outlet,
    date: meta.date,
    text: p.inputs[i].text,
    provenance: ap,
    titles,
    partners,
  };
}

/** The corpus provenance page model; `chosen` outlets (none: all) get their articles listed. */
export function corpusProvenanceModel(
  p: CorpusProvenance,
  corpus: Pick<Corpus, 'articles' | 'outlets' | 'outletGroups'>,
  analyses: readonly ArticleAnalysis[],
  chosen: string[],
): CorpusProvenanceModel {
  const mentions = new Map(analyses.map((a) => [a.id, a.mentions]));
  const ids = corpus.outlets.map((o) => o.id);
  const members = new Set(chosen.flatMap((c) => corpus.outletGroups.find((g) => g.id === c)?.members ?? [c]));
  const titleOf = new Map(corpus.articles.map((a) => [a.id, a.title]));
  const articles = chosen.length
    ? p.articles
        .filter((a) => members.has(a.outlet))
        .map((a) => {
          const sentences = { original: 0, shared: 0, credited: 0 };
          for (const s of a.sentences) sentences[s.kind]++;
          return { id: a.id, title: titleOf.get(a.id) ?? a.id, outlet: a.outlet, sentences };
        })
        .sort((x, y) => y.sentences.shared - x.sentences.shared || x.id.localeCompare(y.id))
    : [];
  return {
    outlets: corpus.outlets.map((o) => ({ id: o.id, name: o.name, summary: outletProvenance(p, new Set([o.id])) })),
    matrix: reuseMatrix(p, ids),
    substitutions: substitutions(p, (id) => mentions.get(id) ?? []),
    articles,
  };
}
