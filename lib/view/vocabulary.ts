import type { VocabularyAnswerRow } from '../vocabulary/answer';

/** One point of the frequency-vs-distinctiveness scatter: uses on both sides (log axis) against z. */
export interface ScatterPoint {
  term: string;
  /** Uses on both sides together. */
  uses: number;
  z: number;
  /** distinctive for side a (+1), for side b (-1), or neither (0). */
  side: 1 | -1 | 0;
  lexicon: boolean;
}

/** The scatter's points: every row with enough uses, capped at `max` (the most used first, so the cloud keeps its shape). */
export function scatterPoints(rows: readonly VocabularyAnswerRow[], max = 1500): ScatterPoint[] {
  return [...rows]
    .sort((a, b) => b.y + b.yOther - (a.y + a.yOther) || (a.term < b.term ? -1 : 1))
    .slice(0, max)
    .map((r) => ({
      term: r.term,
      uses: r.y + r.yOther,
      z: r.z,
      side: r.distinctive ? (r.z > 0 ? 1 : -1) : 0,
      lexicon: r.lexicon !== null,
    }));
}

/** The rows the ranked table shows: the `top` most typical of side a, then the `bottom` most typical of side b. */
export function rankedRows(
  rows: readonly VocabularyAnswerRow[],
  top = 100,
  bottom = 25,
): { a: VocabularyAnswerRow[]; b: VocabularyAnswerRow[] } {
  const negative = rows.filter((r) => r.z < 0);
  const b = negative.slice(negative.length - Math.min(bottom, negative.length)).reverse();
  return { a: rows.filter((r) => r.z > 0).slice(0, top), b };
}

const n = (x: number) => x.toLocaleString('en-US');

/** What a row counts, in words: uses out of n-grams and articles out of articles, on both sides. */
export function rowCounts(r: VocabularyAnswerRow, a: string, b: string): string {
  return (
    `${a}: ${n(r.y)} uses in ${n(r.articles)} of ${n(r.articlesTotal)} articles (${r.per1k.toFixed(2)} per 1,000 tokens); ` +
    `${b}: ${n(r.yOther)} uses in ${n(r.articlesOther)} of ${n(r.articlesOtherTotal)} articles (${r.per1kOther.toFixed(2)} per 1,000 tokens); ` +
    `z ${r.z.toFixed(2)}, q ${r.q.toPrecision(2)}`
  );
}

/** A short takeaway of a comparison: how many n-grams were scored and how many are distinctive on each side. */
export function vocabularyTakeaway(rows: readonly VocabularyAnswerRow[], a: string, b: string): string {
  const forA = rows.filter((r) => r.distinctive && r.z > 0).length;
  const forB = rows.filter((r) => r.distinctive && r.z < 0).length;
  const lead = rows.find((r) => r.distinctive && r.z > 0);
  return (
    `${n(rows.length)} n-grams scored: ${n(forA)} distinctive of ${a}, ${n(forB)} of ${b} (BH q < 0.05)` +
    (lead ? `; the most typical of ${a}: "${lead.term}"` : '')
  );
}
