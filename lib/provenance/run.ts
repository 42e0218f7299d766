import { liveCorpus } from '../analysis/live';
import type { DateRange } from '../analysis/filters';
import { corpusStories, sliceExport, sliceOf, withTimeFields } from '../analysis/slice';
import type { AnalysisOptions, Corpus } from '../types';
import { corpusProvenance } from './corpusProvenance';
import { withProvenance, type ProvenanceExport } from './exportRows';
import { filteredLive } from './filter';

const OPEN: DateRange = { from: null, to: null };

/**
 * The CLI's export, as the dashboard makes it: the provenance option picks the text, the date range (open by default)
 * the articles; the export carries the provenance tables, the date range, what it left out and the stories.
 */
export function analyzeWithProvenance(
  corpus: Corpus,
  options: AnalysisOptions,
  range: DateRange = OPEN,
): ProvenanceExport {
  const live = liveCorpus(corpus);
  const p = corpusProvenance(corpus, live.analyses);
  const { provenance = 'all', ...rest } = options;
  const text = filteredLive(live, p, options);
  const stories = () => corpusStories(corpus, live.analyses);
  const slice = sliceOf(corpus, text.analyses, { ...range, shared: null }, stories);
  return withProvenance(withTimeFields(sliceExport(corpus, slice, rest), range, slice.dates, stories), p, provenance);
}
