import type { Mention } from '../types';
import { stretchesOf } from './align';
import type { CorpusProvenance, ProvenanceKind, SentenceProvenance } from './model';
import { partnerOf, passagesFrom, type Doc } from './reuseIndex';

/** The provenance of the sentence holding a character offset of an article, or null when unknown. */
export function sentenceAt(p: CorpusProvenance, article: string, pos: number): SentenceProvenance | null {
  const a = p.articles[p.byId.get(article) ?? -1];
  if (!a) return null;
  return a.sentences.find((s) => pos >= s.start && pos < s.end) ?? null;
}

/** How much of some outlets' text is original, shared and credited (sentences and words), and whom they reuse. */
export interface OutletProvenance {
  articles: number;
  sentences: Record<ProvenanceKind, number>;
  words: Record<ProvenanceKind, number>;
  /** Articles with at least one credit line (article-level credit). */
  creditedArticles: number;
  /** Outlets whose articles are the earliest holders of this outlet's shared sentences, most sentences first. */
  sourceOutlets: { outlet: string; sentences: number }[];
  /** Sources named by credit lines and in-sentence credits, by sentences credited, most first. */
  creditedSources: { source: string; sentences: number }[];
}

/** A zero count per provenance kind. */
export const kinds = (): Record<ProvenanceKind, number> => ({ original: 0, shared: 0, credited: 0 });

/** Counts by name as a list, most sentences first and then by name: the order the summaries' lists are in. */
export const ranked = <K extends string>(m: Map<string, number>, key: K) =>
  [...m]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .map(([id, n]) => ({ [key]: id, sentences: n }) as { [P in K]: string } & { sentences: number });

/** The provenance summary of the articles of some outlets (an outlet, or an outlet group's members). */
export function outletProvenance(p: CorpusProvenance, members: ReadonlySet<string>): OutletProvenance {
  const out: OutletProvenance = {
    articles: 0,
    sentences: kinds(),
    words: kinds(),
    creditedArticles: 0,
    sourceOutlets: [],
    creditedSources: [],
  };
  const sources = new Map<string, number>();
  const credited = new Map<string, number>();
  for (const a of p.articles) {
    if (!members.has(a.outlet)) continue;
    out.articles++;
    if (a.credited.length) out.creditedArticles++;
    for (const s of a.sentences) {
      out.sentences[s.kind]++;
      out.words[s.kind] += s.words;
      for (const c of s.credited) credited.set(c, (credited.get(c) ?? 0) + 1);
      if (s.kind === 'shared' && s.sourceArticle && s.sourceArticle !== a.id) {
        const src = p.articles[p.byId.get(s.sourceArticle)!].outlet;
        sources.set(src, (sources.get(src) ?? 0) + 1);
      }
    }
  }
  out.sourceOutlets = ranked(sources, 'outlet');
  out.creditedSources = ranked(credited, 'source');
  return out;
}

/**
 * Who reuses whom: for each outlet (row), its shared sentences whose earliest holder is another article, counted by
 * that article's outlet (column). An outlet reprinting itself is on the diagonal.
 */
export function reuseMatrix(p: CorpusProvenance, outlets: string[]): number[][] {
  const at = new Map(outlets.map((o, i) => [o, i]));
  const m = outlets.map(() => outlets.map(() => 0));
  for (const a of p.articles) {
    const r = at.get(a.outlet);
    if (r === undefined) continue;
    for (const s of a.sentences) {
      if (s.kind !== 'shared' || !s.sourceArticle || s.sourceArticle === a.id) continue;
      const c = at.get(p.articles[p.byId.get(s.sourceArticle)!].outlet);
      if (c !== undefined) m[r][c]++;
    }
  }
  return m;
}

/** A stretch of one side of a side-by-side view: character offsets and whether the other side has the same words. */
export interface DiffPiece {
  start: number;
  end: number;
  same: boolean;
}

/** One shared passage of two articles, as pieces of each side's text. */
export interface SideBySide {
  left: DiffPiece[];
  right: DiffPiece[];
  similarity: number;
}

function charRange(d: Doc, w0: number, w1: number): [number, number] | null {
  return w1 > w0 ? [d.words.starts[w0], d.words.ends[w1 - 1]] : null;
}

/** The passages two articles share, each as aligned pieces of both texts (same words, and edits between). */
export function sideBySide(p: CorpusProvenance, article: string, other: string): SideBySide[] {
  const i = p.byId.get(article);
  const j = p.byId.get(other);
  if (i === undefined || j === undefined) return [];
  const pair = p.index.pairs[i].find((x) => partnerOf(x, i) === j);
  if (!pair) return [];
  const [da, db] = [p.index.docs[i], p.index.docs[j]];
  return passagesFrom(pair, i).map((ps) => {
    const left: DiffPiece[] = [];
    const right: DiffPiece[] = [];
    for (const st of stretchesOf(ps)) {
      const l = charRange(da, st.a0, st.a1);
      const r = charRange(db, st.b0, st.b1);
      if (l) left.push({ start: l[0], end: l[1], same: st.same });
      if (r) right.push({ start: r[0], end: r[1], same: st.same });
    }
    return { left, right, similarity: ps.matched / Math.max(ps.aEnd - ps.aStart, ps.bEnd - ps.bStart) };
  });
}

/** What substitutions read of a mention: where it starts, its term group and variant. */
export type SubstitutionMention = Pick<Mention, 'start' | 'group' | 'variant'>;

/** A lexicon term swapped for another of its group inside a shared passage, counted per direction of reuse. */
export interface Substitution {
  /** The outlet of the earlier article (the likely source) and of the later one. */
  fromOutlet: string;
  toOutlet: string;
  group: string;
  fromVariant: string;
  toVariant: string;
  count: number;
  /** One example: the earlier article and offset of its term, the later article and offset of its term. */
  example: { fromArticle: string; fromStart: number; toArticle: string; toStart: number };
}

function earlierDoc(x: Doc, y: Doc): boolean {
  const dx = x.date ?? '\uffff';
  const dy = y.date ?? '\uffff';
  return dx < dy || (dx === dy && x.order < y.order);
}

/**
 * Every edit inside a shared passage where one side has a lexicon term and the other side another term of the same
 * group (AFP's "IS" reprinted as "Daesh"), oriented from the earlier article to the later one and summed per outlet
 * pair, group and variant pair.
 */
export function substitutions(
  p: CorpusProvenance,
  mentionsOf: (article: string) => readonly SubstitutionMention[],
): Substitution[] {
  const out = new Map<string, Substitution>();
  p.index.pairs.forEach((pairs, i) => {
    for (const pair of pairs) {
      if (pair.a !== i) continue;
      const [x, y] = earlierDoc(p.index.docs[pair.a], p.index.docs[pair.b]) ? [pair.a, pair.b] : [pair.b, pair.a];
      const [dx, dy] = [p.index.docs[x], p.index.docs[y]];
      const [mx, my] = [mentionsOf(dx.id), mentionsOf(dy.id)];
      for (const ps of passagesFrom(pair, x)) {
        for (const st of stretchesOf(ps)) {
          if (st.same) continue;
          const l = charRange(dx, st.a0, st.a1);
          const r = charRange(dy, st.b0, st.b1);
          if (!l || !r) continue;
          const inL = mx.filter((m) => m.start >= l[0] && m.start < l[1]);
          const inR = my.filter((m) => m.start >= r[0] && m.start < r[1]);
          for (const a of inL) {
            const b = inR.find((m) => m.group === a.group && m.variant !== a.variant);
            if (!b) continue;
            const key = `${dx.outlet}|${dy.outlet}|${a.group}|${a.variant}|${b.variant}`;
            const hit = out.get(key);
            if (hit) hit.count++;
            else
              out.set(key, {
                fromOutlet: dx.outlet,
                toOutlet: dy.outlet,
                group: a.group,
                fromVariant: a.variant,
                toVariant: b.variant,
                count: 1,
                example: { fromArticle: dx.id, fromStart: a.start, toArticle: dy.id, toStart: b.start },
              });
          }
        }
      }
    }
  });
  return [...out.values()].sort((a, b) => b.count - a.count || (a.fromOutlet < b.fromOutlet ? -1 : 1));
}
