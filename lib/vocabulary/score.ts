import { benjaminiHochberg, FDR_LEVEL, twoSidedP } from '../stats/fdr';
import { logOdds } from '../stats/logOdds';
import type { TermCounts, VocabularyTable } from './table';

/**
 * Distinctive vocabulary: every n-gram of a vocabulary table scored for one side (outlets `a`) against the other
 * (outlets `b`: the rest, or another outlet or group) with the same log-odds and informative Dirichlet prior as the
 * lexicon's distinctive terms (lib/stats/logOdds.ts, full variance), two-sided p and Benjamini–Hochberg q over every
 * n-gram scored. The prior: α_w = α0 · c_w / C, where c_w is the n-gram's count in the prior corpus (the view's whole
 * corpus by default, or a background corpus) and C that corpus's total; α0 = n + nOther, so the prior weighs as much
 * as the data compared (with α0 = 10, as for a term group of a few variants, a word used by one side only would get
 * an α of 1e-5 and a z near 0 however often it is used). An n-gram the background corpus lacks (or pruned as rare)
 * gets half a count.
 */

/** Minimum evidence for an n-gram to be scored (in the pair compared). */
export interface ScoreOptions {
  /** Uses on both sides together. */
  minCount: number;
  /** Articles using it on both sides together. */
  minArticles: number;
}

/** The default minimums: 5 uses and 2 articles in the pair. */
export const DEFAULT_SCORE: ScoreOptions = { minCount: 5, minArticles: 2 };

/** Counts of a prior corpus: each n-gram's count and the total. */
export interface PriorCounts {
  counts: ReadonlyMap<string, number>;
  total: number;
  /** The table these are the own counts of (its n-grams' uses over all outlets), when they are. */
  source?: VocabularyTable;
}

/** One scored n-gram: counts on both sides (uses and articles), the log-odds with its prior, p and q. */
export interface VocabularyRow {
  term: string;
  /** Uses by side a, and side a's counted n-grams. */
  y: number;
  n: number;
  yOther: number;
  nOther: number;
  /** Articles of side a using it, and side a's articles. */
  articles: number;
  articlesTotal: number;
  articlesOther: number;
  articlesOtherTotal: number;
  /** Uses per 1,000 word tokens on each side. */
  per1k: number;
  per1kOther: number;
  alpha: number;
  alpha0: number;
  delta: number;
  variance: number;
  z: number;
  p: number;
  q: number;
  /** q < 0.05. */
  distinctive: boolean;
  /** Distinctive for side a by uses, yet used in a single article of it: one article's habit, not the outlet's. */
  oneArticle: boolean;
}

/** A table's n-grams as parallel lists, with each one's uses and articles over all outlets. */
interface Columns {
  terms: string[];
  rows: TermCounts[];
  uses: Float64Array;
  articles: Float64Array;
  /** Whether the terms are in code-unit order (as countVocabulary keeps them). */
  sorted: boolean;
}

const columnsCache = new WeakMap<VocabularyTable, Columns>();

// Made once per table: a scoring pass then walks arrays instead of the map, and "against the rest" subtracts.
function columnsOf(table: VocabularyTable): Columns {
  const known = columnsCache.get(table);
  if (known) return known;
  const K = table.terms.size;
  const c: Columns = { terms: [], rows: [], uses: new Float64Array(K), articles: new Float64Array(K), sorted: true };
  let i = 0;
  for (const [term, row] of table.terms) {
    if (i > 0 && !(c.terms[i - 1] < term)) c.sorted = false;
    c.terms.push(term);
    c.rows.push(row);
    let u = 0;
    let a = 0;
    for (let o = 0; o < row.uses.length; o++) {
      u += row.uses[o];
      a += row.articles[o];
    }
    c.uses[i] = u;
    c.articles[i] = a;
    i++;
  }
  columnsCache.set(table, c);
  return c;
}

const priors = new WeakMap<VocabularyTable, PriorCounts>();

/** The prior counts of a table: every n-gram's uses across all its outlets, and the total n-grams counted (once). */
export function priorOf(table: VocabularyTable): PriorCounts {
  const known = priors.get(table);
  if (known) return known;
  let counts: Map<string, number> | null = null;
  const prior: PriorCounts = {
    // Made only when read by another table's scoring (a background corpus): a table's own scoring reads its columns.
    get counts() {
      if (!counts) {
        const c = columnsOf(table);
        counts = new Map(c.terms.map((t, i) => [t, c.uses[i]]));
      }
      return counts;
    },
    total: table.n.reduce((x, y) => x + y, 0),
    source: table,
  };
  priors.set(table, prior);
  return prior;
}

// A plain loop: this runs twice per n-gram and side on every comparison.
function sumAt(arr: ArrayLike<number>, idx: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < idx.length; k++) s += arr[idx[k]];
  return s;
}

/**
 * Scores every n-gram of the table with enough evidence, side a (outlet indexes) against side b, best first (largest
 * z); `prior` defaults to the table's own counts.
 */
export function scoreVocabulary(
  table: VocabularyTable,
  a: readonly number[],
  b: readonly number[],
  prior: PriorCounts = priorOf(table),
  o: ScoreOptions = DEFAULT_SCORE,
): VocabularyRow[] {
  const n = sumAt(table.n, a);
  const nOther = sumAt(table.n, b);
  const tokens = sumAt(table.tokens, a);
  const tokensOther = sumAt(table.tokens, b);
  const articlesTotal = sumAt(table.articles, a);
  const articlesOtherTotal = sumAt(table.articles, b);
  const alpha0 = n + nOther;
  if (n === 0 || nOther === 0 || prior.total === 0) return [];
  // One object per scored row, filled in place (q after BH): this runs over every n-gram on each uncached answer.
  const rows: VocabularyRow[] = [];
  const ps: number[] = [];
  const cols = columnsOf(table);
  const own = prior.source === table;
  // Side b is every outlet not in a (against the rest): its sums are the totals less a's.
  const rest = a.length + b.length === table.outlets.length && new Set([...a, ...b]).size === table.outlets.length;
  for (let i = 0; i < cols.terms.length; i++) {
    const term = cols.terms[i];
    const { uses, articles: arts } = cols.rows[i];
    let y = 0;
    let articles = 0;
    for (let k = 0; k < a.length; k++) {
      y += uses[a[k]];
      articles += arts[a[k]];
    }
    let yOther = 0;
    let articlesOther = 0;
    if (rest) {
      yOther = cols.uses[i] - y;
      articlesOther = cols.articles[i] - articles;
    } else
      for (let k = 0; k < b.length; k++) {
        yOther += uses[b[k]];
        articlesOther += arts[b[k]];
      }
    if (y + yOther < o.minCount || articles + articlesOther < o.minArticles) continue;
    const c = own ? cols.uses[i] : (prior.counts.get(term) ?? 0);
    const alpha = (alpha0 * (c > 0 ? c : 0.5)) / prior.total;
    const lo = logOdds(y, n, yOther, nOther, alpha, alpha0);
    if (!lo) continue;
    const p = twoSidedP(lo.z);
    ps.push(p);
    rows.push({
      term,
      y,
      n,
      yOther,
      nOther,
      articles,
      articlesTotal,
      articlesOther,
      articlesOtherTotal,
      per1k: tokens ? (y / tokens) * 1000 : 0,
      per1kOther: tokensOther ? (yOther / tokensOther) * 1000 : 0,
      alpha: lo.alpha,
      alpha0: lo.alpha0,
      delta: lo.delta,
      variance: lo.variance,
      z: lo.z,
      p,
      q: 1,
      distinctive: false,
      oneArticle: false,
    });
  }
  const q = benjaminiHochberg(ps);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    r.q = q[i];
    r.distinctive = q[i] < FDR_LEVEL;
    r.oneArticle = r.distinctive && r.z > 0 && r.articles === 1;
  }
  // Largest z first, ties by term: rows come in table order, so for a table in term order a stable sort on z alone
  // gives the same order without a string comparison per tie (rare n-grams tie often).
  return cols.sorted ? rows.sort((x, y) => y.z - x.z) : rows.sort((x, y) => y.z - x.z || (x.term < y.term ? -1 : 1));
}
