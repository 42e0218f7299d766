import type { Corpus } from '../types';
import type { CorpusProvenanceModel } from './door';
import type { CorpusProvenance, ProvenanceKind } from './model';
import {
  outletProvenance,
  reuseMatrix,
  substitutions,
  type OutletProvenance,
  type Substitution,
  type SubstitutionMention,
} from './views';

/**
 * Everything the corpus provenance page shows for any outlet selection, made once per version where the whole
 * provenance is in memory (the provenance job's worker): per-outlet summaries, the outlet x outlet reuse counts, the
 * substitutions and each article's sentences by kind. Outlets are those the articles name, in first-seen order, so
 * an outlet the manifest adds later (with no article) reads as empty.
 */
export interface ProvenanceSummary {
  outlets: string[];
  summaries: OutletProvenance[];
  /** `matrix[r][c]`: shared sentences of outlet r whose earliest holder is an article of outlet c. */
  matrix: number[][];
  substitutions: Substitution[];
  /** Each article's id and its outlet's index in `outlets`, in the version's order. */
  ids: string[];
  outletOf: number[];
  /** Article i's original, shared and credited sentences at 3i, 3i + 1, 3i + 2. */
  sentences: number[];
}

const KINDS: readonly ProvenanceKind[] = ['original', 'shared', 'credited'];

/** The summary of a version's provenance; `mentionsOf` gives each article's mentions (for the substitutions). */
export function summariseProvenance(
  p: CorpusProvenance,
  mentionsOf: (article: string) => readonly SubstitutionMention[],
): ProvenanceSummary {
  const outlets = [...new Set(p.articles.map((a) => a.outlet))];
  const at = new Map(outlets.map((o, i) => [o, i]));
  const sentences: number[] = [];
  for (const a of p.articles) {
    const n = [0, 0, 0];
    for (const s of a.sentences) n[KINDS.indexOf(s.kind)]++;
    sentences.push(...n);
  }
  return {
    outlets,
    summaries: outlets.map((o) => outletProvenance(p, new Set([o]))),
    matrix: reuseMatrix(p, outlets),
    substitutions: substitutions(p, mentionsOf),
    ids: p.articles.map((a) => a.id),
    outletOf: p.articles.map((a) => at.get(a.outlet)!),
    sentences,
  };
}

// What outletProvenance gives for an outlet with no article.
const emptySummary = (): OutletProvenance => ({
  articles: 0,
  sentences: { original: 0, shared: 0, credited: 0 },
  words: { original: 0, shared: 0, credited: 0 },
  creditedArticles: 0,
  sourceOutlets: [],
  creditedSources: [],
});

/**
 * The corpus provenance page model from a stored summary and the corpus's metadata (no text, no analysis): what
 * corpusProvenanceModel (lib/provenance/door.ts) makes from the whole provenance, for the same `chosen` outlets.
 */
export function corpusProvenanceFromSummary(
  s: ProvenanceSummary,
  corpus: Pick<Corpus, 'outlets' | 'outletGroups'> & { articles: readonly { id: string; title: string }[] },
  chosen: string[],
): CorpusProvenanceModel {
  const at = new Map(s.outlets.map((o, i) => [o, i]));
  const ids = corpus.outlets.map((o) => o.id);
  const members = new Set(chosen.flatMap((c) => corpus.outletGroups.find((g) => g.id === c)?.members ?? [c]));
  const articles: CorpusProvenanceModel['articles'] = [];
  if (chosen.length) {
    const titleOf = new Map(corpus.articles.map((a) => [a.id, a.title]));
    s.ids.forEach((id, i) => {
      const outlet = s.outlets[s.outletOf[i]];
      if (!members.has(outlet)) return;
      const [original, shared, credited] = s.sentences.slice(3 * i, 3 * i + 3);
      articles.push({ id, title: titleOf.get(id) ?? id, outlet, sentences: { original, shared, credited } });
    });
    articles.sort((x, y) => y.sentences.shared - x.sentences.shared || x.id.localeCompare(y.id));
  }
  const cell = (r: string, c: string) => {
    const [i, j] = [at.get(r), at.get(c)];
    return i === undefined || j === undefined ? 0 : s.matrix[i][j];
  };
  return {
    outlets: corpus.outlets.map((o) => {
      const i = at.get(o.id);
      return { id: o.id, name: o.name, summary: i === undefined ? emptySummary() : s.summaries[i] };
    }),
    matrix: ids.map((r) => ids.map((c) => cell(r, c))),
    substitutions: s.substitutions,
    articles,
  };
}
