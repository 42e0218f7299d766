import type { ArticleAnalysis } from '../analysis/article';
import { keptByProvenance, type Filters } from '../analysis/filters';
import { liveOf, type LiveCorpus } from '../analysis/live';
import { countTokens } from '../text/tokens';
import type { Section } from '../types';
import type { ArticleProvenance, CorpusProvenance } from './model';

/**
 * An article's analysis with only the sentences the provenance option keeps: mentions in other sentences are dropped,
 * their words leave the token counts and their scores the sentiment (a sentence with no words is not counted), and
 * they name no actors for tone. Null when no sentence is kept, so the article counts in no article total either.
 */
export function filterAnalysis(a: ArticleAnalysis, p: ArticleProvenance, o: Filters): ArticleAnalysis | null {
  const keep = a.sentences.map((_, i) => keptByProvenance(p.sentences[i]?.kind ?? 'original', o));
  if (keep.every(Boolean)) return a;
  if (!keep.some(Boolean)) return null;
  const tokens: Record<Section, { all: number; own: number }> = {
    title: { ...a.tokens.title },
    caption: { ...a.tokens.caption },
    body: { ...a.tokens.body },
  };
  const sentences = a.sentences.map((s, i) => {
    if (keep[i]) return s;
    const t = countTokens(a.text, s.start, s.end, a.quotes);
    tokens[s.section].all -= t.all;
    tokens[s.section].own -= t.own;
    return { ...s, score: 0, words: 0, ownScore: 0, ownWords: 0 };
  });
  return {
    ...a,
    sentences,
    tokens,
    mentions: a.mentions.filter((m) => keep[m.sentence]),
    sentenceActors: a.sentenceActors.map((x, i) => (keep[i] ? x : [])),
  };
}

/**
 * The live corpus as the provenance option sees it: every analysis filtered, articles with no kept sentence left out,
 * and tallies summed afresh (the same code as for all text, so every count, share, z-score and sentiment follows).
 */
export function filteredLive(live: LiveCorpus, p: CorpusProvenance, o: Filters): LiveCorpus {
  if ((o.provenance ?? 'all') === 'all') return live;
  const kept: ArticleAnalysis[] = [];
  const ids = new Set<string>();
  for (const a of live.analyses) {
    const ap = p.articles[p.byId.get(a.id) ?? -1];
    const f = ap ? filterAnalysis(a, ap, o) : a;
    if (!f) continue;
    kept.push(f);
    ids.add(a.id);
  }
  const corpus = { ...live.corpus, articles: live.corpus.articles.filter((a) => ids.has(a.id)) };
  return liveOf(corpus, kept, live.engine);
}
