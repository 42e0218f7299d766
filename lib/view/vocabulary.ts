import type { VocabularyAnswerRow } from '../vocabulary/answer';
import type { CsvRow } from './charts';
import { roundValue } from './csvExport';

const n = (x: number) => x.toLocaleString('en-US');

/**
 * The frequency-vs-distinctiveness scatter's points as columns (one entry per point), with the sides' totals once: the
 * browser draws the points, their tooltips, the CSV and the numbers table from it, so the page carries 1,500 points as
 * numbers rather than as rows of named fields, a CSV and a table. z is rounded to 4 decimals and q to 3 significant
 * figures, the precision every chart CSV keeps (lib/view/csvExport.ts).
 */
export interface ScatterData {
  terms: string[];
  y: number[];
  yOther: number[];
  articles: number[];
  articlesOther: number[];
  z: number[];
  q: number[];
  /** Distinctive of side a (1), of side b (-1), or neither (0). */
  side: (1 | -1 | 0)[];
  /** "group.variant" when the n-gram is a lexicon variant, else null. */
  lexicon: (string | null)[];
  /** Each side's counted n-grams and articles (the same for every row of one comparison). */
  n: number;
  nOther: number;
  articlesTotal: number;
  articlesOtherTotal: number;
  /** How many n-grams were scored (the points are the most used of them). */
  scored: number;
}

/** The scatter's points: every row with enough uses, capped at `max` (the most used first, so the cloud keeps its shape). */
export function scatterData(rows: readonly VocabularyAnswerRow[], max = 1500): ScatterData {
  const top = [...rows].sort((a, b) => b.y + b.yOther - (a.y + a.yOther) || (a.term < b.term ? -1 : 1)).slice(0, max);
  const first = rows[0];
  for (const r of top)
    if (
      r.n !== first.n ||
      r.nOther !== first.nOther ||
      r.articlesTotal !== first.articlesTotal ||
      r.articlesOtherTotal !== first.articlesOtherTotal
    )
      throw new Error(
        `scatterData: row "${r.term}" has other side totals than "${first.term}"; rows of one comparison`,
      );
  return {
    terms: top.map((r) => r.term),
    y: top.map((r) => r.y),
    yOther: top.map((r) => r.yOther),
    articles: top.map((r) => r.articles),
    articlesOther: top.map((r) => r.articlesOther),
    z: top.map((r) => roundValue('z', r.z)),
    q: top.map((r) => roundValue('q', r.q)),
    side: top.map((r) => (r.distinctive ? (r.z > 0 ? 1 : -1) : 0)),
    lexicon: top.map((r) => (r.lexicon ? `${r.lexicon.group}.${r.lexicon.variant}` : null)),
    n: first?.n ?? 0,
    nOther: first?.nOther ?? 0,
    articlesTotal: first?.articlesTotal ?? 0,
    articlesOtherTotal: first?.articlesOtherTotal ?? 0,
    scored: rows.length,
  };
}

/** The scatter's CSV rows, one per point drawn: its counts with their denominators, z, q and its marks. */
export function scatterCsv(d: ScatterData): CsvRow[] {
  return d.terms.map((term, i) => ({
    term,
    uses: d.y[i] + d.yOther[i],
    y: d.y[i],
    n: d.n,
    yOther: d.yOther[i],
    nOther: d.nOther,
    articles: d.articles[i],
    articlesTotal: d.articlesTotal,
    articlesOther: d.articlesOther[i],
    articlesOtherTotal: d.articlesOtherTotal,
    z: d.z[i],
    q: d.q[i],
    distinctive: d.side[i] !== 0 ? 'true' : 'false',
    lexicon: d.lexicon[i],
  }));
}

/** What a point says on hover: each side's uses and articles out of its articles, z and q, and its marks. */
export function scatterTooltip(d: ScatterData, i: number, a: string, b: string): string {
  const side = d.side[i] > 0 ? `distinctive of ${a}` : d.side[i] < 0 ? `distinctive of ${b}` : 'not distinctive';
  return (
    `"${d.terms[i]}": ${a} ${n(d.y[i])} uses in ${n(d.articles[i])} of ${n(d.articlesTotal)} articles; ` +
    `${b} ${n(d.yOther[i])} uses in ${n(d.articlesOther[i])} of ${n(d.articlesOtherTotal)} articles; ` +
    `z ${d.z[i].toFixed(2)}, q ${d.q[i].toPrecision(2)} (${side})${d.lexicon[i] ? `; lexicon: ${d.lexicon[i]}` : ''}`
  );
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
