import { compileLexicon, scan } from '../lexicon/matcher';
import type { Lexicon } from '../types';
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
