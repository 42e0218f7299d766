import type { ArticleAnalysis } from '../analysis/article';
import { counted, inScope, keptByProvenance, scopeSections, voiceTokens, type Filters } from '../analysis/filters';
import type { CorpusProvenance } from '../provenance/model';
import type { TermGroup } from '../types';
import type { ArticleText } from './table';

/**
 * The text of each analysed article that a view counts, as the vocabulary reads it, by the one meaning of each filter
 * (lib/analysis/filters.ts): sentences in scope and kept by provenance; quotations skipped under own voice; counted
 * mentions (not set aside) for co-occurrence; the engine's token count under the same filters.
 */
export function articleTextsOf(
  analyses: readonly ArticleAnalysis[],
  groups: readonly TermGroup[],
  provenance: CorpusProvenance | null,
  f: Filters,
): ArticleText[] {
  const index = new Map(groups.map((g, i) => [g.id, i]));
  const p = f.provenance ?? 'all';
  return analyses.map((a) => {
    const ap = p === 'all' || !provenance ? null : provenance.articles[provenance.byId.get(a.id) ?? -1];
    const sentences = a.sentences.filter(
      (s, i) => inScope(s.section, f) && (!ap || keptByProvenance(ap.sentences[i]?.kind ?? 'original', f)),
    );
    const mentions = a.mentions
      .filter((m) => m.setAside === null && counted(m, f))
      .map((m) => ({ start: m.start, end: m.end, group: index.get(m.group) ?? 0 }));
    const tokens = scopeSections(f).reduce((s, sec) => s + voiceTokens(a.tokens[sec], f), 0);
    return { outlet: a.outlet, text: a.text, sentences, skip: f.voice === 'own' ? a.quotes : [], mentions, tokens };
  });
}
