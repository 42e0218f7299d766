import type { Lexicon } from '../types';
import {
  candidateVariants,
  contextCandidates,
  lexiconMarks,
  type Candidate,
  type ContextCandidate,
  type LexiconMark,
} from './lexicon';
import { priorOf, scoreVocabulary, type ScoreOptions, type VocabularyRow } from './score';
import type { VocabularyTable } from './table';
import type { LexiconReading } from './tableCodec';

/** A scored n-gram with its lexicon mark and the groups it is a candidate variant of. */
export interface VocabularyAnswerRow extends VocabularyRow {
  lexicon: LexiconMark | null;
  candidateFor: string[];
}

/** A comparison's scored vocabulary, with the candidates per group and what the sides were. */
export interface VocabularyAnswer {
  rows: VocabularyAnswerRow[];
  /** Candidate variants by co-occurrence, and by shared contexts. */
  candidates: Candidate[];
  contexts: ContextCandidate[];
  /** Counted n-grams, word tokens and articles of each side. */
  sides: { n: number; nOther: number; tokens: number; tokensOther: number; articles: number; articlesOther: number };
  pruning: VocabularyTable['pruning'];
}

const marksCache = new WeakMap<VocabularyTable, LexiconReading>();

/** A table's lexicon marks and candidate variants, made once per table (or taken from what the store kept). */
export function lexiconReading(table: VocabularyTable, lexicon: Lexicon): LexiconReading {
  let lex = marksCache.get(table);
  if (!lex) {
    const marks = lexiconMarks(table.terms.keys(), lexicon);
    marksCache.set(
      table,
      (lex = { marks, candidates: candidateVariants(table, marks), contexts: contextCandidates(table, marks) }),
    );
  }
  return lex;
}

/** Records a table's lexicon reading made elsewhere (on the worker that counted it, under the same lexicon). */
export function keepLexiconReading(table: VocabularyTable, reading: LexiconReading): void {
  marksCache.set(table, reading);
}

/**
 * Scores a table's vocabulary, side a (outlet ids) against side b, with the prior from `prior` (a table of another
 * corpus) or the table itself; lexicon marks and candidates are made once per table.
 */
export function vocabularyAnswer(
  lexicon: Lexicon,
  table: VocabularyTable,
  a: readonly string[],
  other: readonly string[],
  o: ScoreOptions,
  prior: VocabularyTable | null,
): VocabularyAnswer {
  const index = (ids: readonly string[]) => ids.map((id) => table.outlets.indexOf(id)).filter((i) => i >= 0);
  const ia = index(a);
  const ib = index(other);
  const { marks, candidates, contexts } = lexiconReading(table, lexicon);
  const candidateFor = new Map<string, string[]>();
  for (const c of [...candidates, ...contexts]) {
    const list = candidateFor.get(c.term) ?? [];
    if (!list.includes(c.group)) candidateFor.set(c.term, [...list, c.group]);
  }
  // Marked in place: a comparison scores tens of thousands of rows, and a copy of each would double the garbage.
  const rows = scoreVocabulary(table, ia, ib, priorOf(prior ?? table), o) as VocabularyAnswerRow[];
  for (const r of rows) {
    r.lexicon = marks.get(r.term) ?? null;
    r.candidateFor = candidateFor.get(r.term) ?? [];
  }
  const sum = (arr: number[], idx: number[]) => idx.reduce((s, i) => s + arr[i], 0);
  return {
    rows,
    candidates,
    contexts,
    sides: {
      n: sum(table.n, ia),
      nOther: sum(table.n, ib),
      tokens: sum(table.tokens, ia),
      tokensOther: sum(table.tokens, ib),
      articles: sum(table.articles, ia),
      articlesOther: sum(table.articles, ib),
    },
    pruning: table.pruning,
  };
}
