import { compileLexicon, scan } from '../lexicon/matcher';
import type { Lexicon } from '../types';
import { STOPWORDS } from './stopwords';
import { totalUses, type VocabularyTable } from './table';

/** A lexicon variant an n-gram is: the group and variant whose pattern matches the whole n-gram. */
export interface LexiconMark {
  group: string;
  variant: string;
}

/**
 * The n-grams that are lexicon variants: those a variant pattern of the lexicon matches whole, by the same matcher the
 * engine counts with (so case-sensitive patterns such as "IS" mark "IS" and not "is"); an exclusion match marks none.
 */
export function lexiconMarks(terms: Iterable<string>, lexicon: Lexicon): Map<string, LexiconMark> {
  const matcher = compileLexicon(lexicon);
  const out = new Map<string, LexiconMark>();
  for (const term of terms) {
    const hits = scan(matcher, term);
    const m = hits.length === 1 ? hits[0] : null;
    if (m && m.start === 0 && m.end === term.length && m.target.kind === 'variant')
      out.set(term, { group: m.target.group, variant: m.target.variant });
  }
  return out;
}

/** An n-gram suggested as a candidate variant of a term group, with the counts its score is made of. */
export interface Candidate {
  group: string;
  term: string;
  /** Uses of the n-gram outside a mention in sentences holding a counted mention of the group. */
  together: number;
  /** All uses of the n-gram. */
  uses: number;
  /**
   * (together / uses) / (the same share for all n-grams: n-grams outside mentions in the group's sentences / all
   * n-grams): how much likelier the n-gram is to sit beside the group than an n-gram at random.
   */
  lift: number;
  /** together × ln(lift): frequent and specific co-occurrence both count. */
  score: number;
}

/** The candidate rule's thresholds. */
export interface CandidateOptions {
  minTogether: number;
  minLift: number;
  perGroup: number;
}

/** At least 5 sentences together, twice the group's base rate, 8 per group. */
export const DEFAULT_CANDIDATES: CandidateOptions = { minTogether: 5, minLift: 2, perGroup: 8 };

/**
 * Candidate variants per term group: n-grams that are not lexicon variants and are used at least `minTogether` times
 * in sentences holding a counted mention of the group, at least `minLift` times as often as n-grams are on average,
 * ranked by together × ln(lift). Words inside a mention do not count as co-occurring with it ("state" in "Islamic State").
 * Co-occurrence finds the words said about a referent (its labels, its places, its deeds), so a candidate is a lead to
 * read in context, not a variant.
 */
export function candidateVariants(
  table: VocabularyTable,
  marks: ReadonlyMap<string, LexiconMark>,
  o: CandidateOptions = DEFAULT_CANDIDATES,
): Candidate[] {
  const out: Candidate[] = [];
  const all = table.n.reduce((x, y) => x + y, 0);
  table.groups.forEach((group, g) => {
    const base = all ? table.groupNgrams[g] / all : 0;
    if (base === 0) return;
    const found: Candidate[] = [];
    for (const [term, row] of table.terms) {
      const together = row.withGroup[g];
      if (together < o.minTogether || marks.has(term)) continue;
      const uses = totalUses(row);
      const lift = together / uses / base;
      if (lift < o.minLift) continue;
      found.push({ group, term, together, uses, lift, score: together * Math.log(lift) });
    }
    found.sort((x, y) => y.score - x.score || (x.term < y.term ? -1 : 1));
    out.push(...found.slice(0, o.perGroup));
  });
  return out;
}

/** A word that shares contexts with a term group's variants: how alike its neighbours are to theirs. */
export interface ContextCandidate {
  group: string;
  term: string;
  /** Cosine similarity of its neighbour counts and the group's variants' (left and right neighbours apart). */
  cosine: number;
  /** Neighbour words (left or right) it shares with the variants. */
  shared: number;
  /** All uses of the word. */
  uses: number;
}

/** The thresholds of the context rule. */
export interface ContextOptions {
  minUses: number;
  minShared: number;
  minCosine: number;
  perGroup: number;
}

/** Words used 5+ times, sharing 3+ neighbours, cosine ≥ 0.2, 8 per group. */
export const DEFAULT_CONTEXTS: ContextOptions = { minUses: 5, minShared: 3, minCosine: 0.2, perGroup: 8 };

type Contexts = Map<string, number>;

function cosine(a: Contexts, b: Contexts, normB: number): { cos: number; shared: number } {
  let dot = 0;
  let norm = 0;
  let shared = 0;
  for (const [k, v] of a) {
    norm += v * v;
    const w = b.get(k);
    if (w) {
      dot += v * w;
      shared++;
    }
  }
  return { cos: norm && normB ? dot / Math.sqrt(norm * normB) : 0, shared };
}

/**
 * Candidate variants by shared contexts: one-word n-grams that are not lexicon variants and whose neighbours look like
 * those of a group's one-word variants ("Takfiri militants" / "Takfiri terrorists"). Neighbours are read off the
 * table's kept bigrams (so a context seen fewer than 3 times is not counted): for "a b", b is a right neighbour of a and
 * a a left neighbour of b; stopword neighbours are left out (every noun follows "the"). Score: the cosine of the word's
 * neighbour counts and the summed counts of the group's variants, left and right kept apart; a word qualifies with
 * `minUses` uses, `minShared` shared neighbours and a cosine of at least `minCosine`. Substitutes share contexts, so
 * this finds other names more than co-occurrence does; it still finds near-synonyms of other things (read them).
 */
export function contextCandidates(
  table: VocabularyTable,
  marks: ReadonlyMap<string, LexiconMark>,
  o: ContextOptions = DEFAULT_CONTEXTS,
): ContextCandidate[] {
  const ctx = new Map<string, Contexts>();
  const add = (word: string, key: string, n: number) => {
    let m = ctx.get(word);
    if (!m) ctx.set(word, (m = new Map()));
    m.set(key, (m.get(key) ?? 0) + n);
  };
  for (const [term, row] of table.terms) {
    const space = term.indexOf(' ');
    if (space < 0) continue;
    const a = term.slice(0, space);
    const b = term.slice(space + 1);
    const n = totalUses(row);
    if (!STOPWORDS.has(b)) add(a, `R:${b}`, n);
    if (!STOPWORDS.has(a)) add(b, `L:${a}`, n);
  }
  const out: ContextCandidate[] = [];
  for (const group of table.groups) {
    const variants = [...marks].filter(([t, m]) => m.group === group && !t.includes(' ')).map(([t]) => t);
    const g: Contexts = new Map();
    for (const v of variants) for (const [k, n] of ctx.get(v) ?? []) g.set(k, (g.get(k) ?? 0) + n);
    let normG = 0;
    for (const v of g.values()) normG += v * v;
    if (!normG) continue;
    const found: ContextCandidate[] = [];
    for (const [term, row] of table.terms) {
      if (term.includes(' ') || marks.has(term)) continue;
      const uses = totalUses(row);
      const mine = ctx.get(term);
      if (uses < o.minUses || !mine) continue;
      const { cos, shared } = cosine(mine, g, normG);
      if (shared >= o.minShared && cos >= o.minCosine) found.push({ group, term, cosine: cos, shared, uses });
    }
    found.sort((x, y) => y.cosine - x.cosine || (x.term < y.term ? -1 : 1));
    out.push(...found.slice(0, o.perGroup));
  }
  return out;
}
