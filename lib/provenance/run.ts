import { liveCorpus, liveExport } from '../analysis/live';
import type { AnalysisOptions, Corpus } from '../types';
import { corpusProvenance } from './corpusProvenance';
import { withProvenance, type ProvenanceExport } from './exportRows';
import { filteredLive } from './filter';

/** Analyses a corpus and builds its export, provenance tables included, under the options (provenance among them). */
export function analyzeWithProvenance(corpus: Corpus, options: AnalysisOptions): ProvenanceExport {
  const live = liveCorpus(corpus);
  const p = corpusProvenance(corpus, live.analyses);
  const { provenance = 'all', ...rest } = options;
  return withProvenance(liveExport(filteredLive(live, p, options), rest), p, provenance);
}
