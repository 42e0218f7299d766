import type { DateRange } from '../analysis/filters';
import { liveCorpus } from '../analysis/live';
import { corpusStories, sliceOf } from '../analysis/slice';
import { InputError } from '../errors';
import { corpusProvenance } from '../provenance/corpusProvenance';
import { filteredLive } from '../provenance/filter';
import type { Corpus, ProvenanceFilter } from '../types';
import { membersOf } from '../view/model';
import { vocabularyAnswer } from './answer';
import { apiRow, type VocabularyApiRow } from './apiRows';
import { DEFAULT_SCORE } from './score';
import { countVocabulary, DEFAULT_LIMITS } from './table';
import { articleTextsOf } from './texts';

/** What the CLI asks the vocabulary for: one side, the other (null: the rest), filters, range and minimum uses. */
export interface VocabularyRun {
  outlet: string;
  vs: string | null;
  voice: 'all' | 'own';
  scope: 'all' | 'body';
  provenance: ProvenanceFilter;
  range: DateRange;
  minCount: number;
}

/**
 * The CLI's vocabulary rows, as the dashboard and the API make them (the same text selection, table, scores and row
 * format); an unknown outlet is an InputError naming the valid ids.
 */
export function vocabularyRows(corpus: Corpus, r: VocabularyRun): VocabularyApiRow[] {
  const ids = [...corpus.outlets.map((o) => o.id), ...corpus.outletGroups.map((g) => g.id)];
  for (const [flag, id] of [
    ['--vocabulary', r.outlet],
    ['--vs', r.vs],
  ] as const)
    if (id !== null && !ids.includes(id))
      throw new InputError(
        flag,
        `"${id}" is not an outlet or outlet group of this corpus`,
        `use one of ${ids.join(', ')}`,
      );
  const live = liveCorpus(corpus);
  const p = corpusProvenance(corpus, live.analyses);
  const f = { voice: r.voice, scope: r.scope, provenance: r.provenance };
  const text = filteredLive(live, p, f);
  const slice = sliceOf(corpus, text.analyses, { ...r.range, shared: null }, () =>
    corpusStories(corpus, live.analyses),
  );
  const table = countVocabulary(
    articleTextsOf(slice.analyses, corpus.lexicon.groups, p, f),
    corpus.outlets.map((o) => o.id),
    corpus.lexicon.groups.map((g) => g.id),
    DEFAULT_LIMITS,
  );
  const a = membersOf(corpus, r.outlet);
  const b = (r.vs ? membersOf(corpus, r.vs) : corpus.outlets.map((o) => o.id)).filter((m) => !a.includes(m));
  const answer = vocabularyAnswer(corpus.lexicon, table, a, b, { ...DEFAULT_SCORE, minCount: r.minCount }, null);
  return answer.rows.map(apiRow);
}
