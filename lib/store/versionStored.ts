import { hasProvenance } from './derived';
import { hasMentionPostings } from './mentionPostings';
import { hasDrillCounts } from './drillCounts';
import { hasProvenancePages } from './provenancePages';
import { hasProvenanceSummary } from './provenanceSummary';
import { hasSentenceKinds } from './sentenceKinds';
import { STORIES_KIND } from './storiesJob';
import { hasTallies } from './tallies';
import { hasTimeCells } from './timeCells';
import { hasWordIndex } from './vocabularyJob';
import type { AnalysisStore, StoreScope } from './types';

/**
 * Whether the store holds every kind of derived data a corpus version is served from: those keyed by its tallies key
 * (tallies, time cells, stories) and by its version key (mention postings, word index, provenance and what the views
 * read of it). The one list the server's watcher and its prepared check read; a new per-version kind is added here, in
 * lib/store/prepare.ts completeCorpus (which job makes it) and in lib/store/retention.ts BY_VERSION.
 */
export function versionStored(store: AnalysisStore, scope: StoreScope, version: string, talliesKey: string): boolean {
  return (
    hasTallies(store, scope, talliesKey) &&
    hasTimeCells(store, scope, talliesKey) &&
    store.hasDerived(scope, STORIES_KIND, talliesKey) &&
    hasMentionPostings(store, scope, version) &&
    hasDrillCounts(store, scope, version) &&
    hasWordIndex(store, scope, version) &&
    hasProvenance(store, scope, version) &&
    hasSentenceKinds(store, scope, version) &&
    hasProvenanceSummary(store, scope, version) &&
    hasProvenancePages(store, scope, version)
  );
}
