import { passagePieces, type ArticleProvenanceModel, type PartnerModel } from './door';
import type { ArticleProvenance, CorpusProvenance } from './model';
import { sideBySide, type SideBySide } from './views';

/**
 * What one article's provenance page needs from the whole provenance, made once per version where it is in memory
 * (the provenance job's worker): the article's provenance and, for each article it shares passages with, that
 * article's outlet and date and the passages as character offsets of both texts. The texts themselves are not kept:
 * the page reads the article and its partners alone.
 */
export interface ArticlePageRecord {
  provenance: ArticleProvenance;
  partners: { article: string; outlet: string; date: string | null; passages: SideBySide[] }[];
}

/** The page record of the article at position `i` of a provenance. */
export function articlePageRecord(p: CorpusProvenance, i: number): ArticlePageRecord {
  const ap = p.articles[i];
  const partnerIds = [...new Set(ap.sentences.flatMap((s) => s.others.map((o) => o.article)))];
  return {
    provenance: ap,
    partners: partnerIds.map((other) => {
      const od = p.index.docs[p.byId.get(other)!];
      return { article: other, outlet: od.outlet, date: od.date, passages: sideBySide(p, ap.id, other) };
    }),
  };
}

/**
 * The provenance page model of an article from its stored record, its metadata, the titles of the corpus's articles
 * and the analysed text of it and of each partner (`textOf`): what articleProvenanceModel makes from the whole
 * provenance.
 */
export function articleProvenanceFromRecord(
  r: ArticlePageRecord,
  meta: { id: string; title: string; outlet: string; date: string | null },
  titleOf: (id: string) => string | undefined,
  textOf: (id: string) => string,
): ArticleProvenanceModel {
  const titles: Record<string, string> = {};
  for (const x of r.partners) titles[x.article] = titleOf(x.article) ?? x.article;
  const text = textOf(meta.id);
  const partners: PartnerModel[] = r.partners.map((x) => {
    const other = textOf(x.article);
    return {
      article: x.article,
      title: titles[x.article],
      outlet: x.outlet,
      date: x.date,
      passages: x.passages.map((s) => ({
        left: passagePieces(text, s.left),
        right: passagePieces(other, s.right),
        similarity: s.similarity,
      })),
    };
  });
  partners.sort((x, y) => (x.date ?? '\uffff').localeCompare(y.date ?? '\uffff') || x.article.localeCompare(y.article));
  return {
    id: meta.id,
    title: meta.title,
    outlet: meta.outlet,
    date: meta.date,
    text,
    provenance: r.provenance,
    titles,
    partners,
  };
}
