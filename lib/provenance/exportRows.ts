import type { AnalysisExport } from '../analysis/exportTypes';
import type { ProvenanceFilter } from '../types';
import { pairSimilarity, type CorpusProvenance, type ProvenanceKind } from './model';

/** One sentence's provenance in the export (README "Export format"). */
export interface ProvenanceRow {
  article: string;
  start: number;
  end: number;
  kind: ProvenanceKind;
  sourceArticle: string | null;
  credited: string[];
  similarity: number | null;
}

/** Two articles that share passages, listed once (first in corpus order as `article`). */
export interface ReuseRow {
  article: string;
  otherArticle: string;
  outlet: string;
  otherOutlet: string;
  /** Characters of `article` inside passages it shares with `otherArticle`. */
  chars: number;
  similarity: number;
}

/** The research export with its provenance tables. */
export type ProvenanceExport = AnalysisExport & { provenance: ProvenanceRow[]; reuse: ReuseRow[] };

/** Every sentence of every article with its provenance, in corpus order. */
export function provenanceRows(p: CorpusProvenance): ProvenanceRow[] {
  return p.articles.flatMap((a) =>
    a.sentences.map((s) => ({
      article: a.id,
      start: s.start,
      end: s.end,
      kind: s.kind,
      sourceArticle: s.sourceArticle,
      credited: s.credited,
      similarity: s.similarity === null ? null : Math.round(s.similarity * 1000) / 1000,
    })),
  );
}

/** Characters of a text covered by word ranges [w0, w1) (merged so overlapping passages count once). */
function charsCovered(starts: Int32Array, ends: Int32Array, ranges: [number, number][]): number {
  ranges.sort((x, y) => x[0] - y[0]);
  let total = 0;
  let at = -1;
  for (const [w0, w1] of ranges) {
    const from = Math.max(w0, at);
    if (w1 > from) total += ends[w1 - 1] - starts[from];
    at = Math.max(at, w1);
  }
  return total;
}

/** Every pair of articles sharing passages, once, in corpus order of the first article. */
export function reuseRows(p: CorpusProvenance): ReuseRow[] {
  const out: ReuseRow[] = [];
  p.index.pairs.forEach((pairs, i) => {
    for (const pair of pairs) {
      const first = Math.min(pair.a, pair.b);
      if (first !== i) continue;
      const other = pair.a === i ? pair.b : pair.a;
      const d = p.index.docs[i];
      const od = p.index.docs[other];
      const own = pair.passages.map((x): [number, number] => (pair.a === i ? [x.aStart, x.aEnd] : [x.bStart, x.bEnd]));
      out.push({
        article: d.id,
        otherArticle: od.id,
        outlet: d.outlet,
        otherOutlet: od.outlet,
        chars: charsCovered(d.words.starts, d.words.ends, own),
        similarity: Math.round(pairSimilarity(pair.passages) * 1000) / 1000,
      });
    }
  });
  return out;
}

/**
 * The export with `provenance` and `reuse` added and the provenance option recorded, keeping the export's lazy row
 * getters lazy (its property descriptors are copied, not its values).
 */
export function withProvenance(
  ex: AnalysisExport,
  provenance: CorpusProvenance | (() => CorpusProvenance),
  f: ProvenanceFilter,
): ProvenanceExport {
  // A function is read only when the rows are: a stored provenance is then decoded by the view that lists it.
  const p = () => (typeof provenance === 'function' ? provenance() : provenance);
  // The rows stay lazy: every property is copied as it is defined (getters too), but the corpus, which gains the option.
  const { corpus: _corpus, ...descriptors } = Object.getOwnPropertyDescriptors(ex);
  void _corpus;
  const out = Object.defineProperties({}, descriptors) as ProvenanceExport;
  Object.defineProperty(out, 'corpus', {
    value: { ...ex.corpus, options: { ...ex.corpus.options, provenance: f } },
    enumerable: true,
    writable: true,
  });
  let rows: ProvenanceRow[] | undefined;
  let reuse: ReuseRow[] | undefined;
  Object.defineProperty(out, 'provenance', { enumerable: true, get: () => (rows ??= provenanceRows(p())) });
  Object.defineProperty(out, 'reuse', { enumerable: true, get: () => (reuse ??= reuseRows(p())) });
  return out;
}
