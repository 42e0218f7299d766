import type { ArticleAnalysis } from '../analysis/article';
import { provenanceInput } from '../provenance/corpusProvenance';
import type { ProvenanceInput } from '../provenance/model';
import type { SubstitutionMention } from '../provenance/views';
import type { Article } from '../types';
import { MentionTable } from './mentionTable';
import { spilledInput, type InputSpill } from './provenanceSpill';
import type { AnalysisStore, StoreScope } from './types';
import { articlesIn, type ListedCorpus } from './versionListing';

/**
 * Analyses the provenance job decodes at a time: it keeps of each only what provenance and its summary read, so its
 * memory is the compact inputs of every article plus one chunk's analyses, never every analysis at once.
 */
export const PROVENANCE_READ_CHUNK = 5000;

/** What the provenance job keeps of a version's analyses: each article's provenance input and its mentions' terms. */
export interface ProvenanceInputs {
  inputs: ProvenanceInput[];
  /** Each article's mentions as the summary's substitutions read them, by article id (compactly: mentionTable.ts). */
  mentions: MentionTable;
}

/** An article of the version has no stored analysis yet: its provenance waits for it. */
export class MissingAnalysisError extends Error {
  constructor(corpus: string, article: string) {
    super(`${corpus}: article ${article} has no stored analysis, so provenance waits for it`);
    this.name = 'MissingAnalysisError';
  }
}

/** The mentions of an analysis as substitutions read them (the rest of a mention is dropped). */
export const substitutionMentions = (a: Pick<ArticleAnalysis, 'mentions'>): SubstitutionMention[] =>
  a.mentions.map((m) => ({ start: m.start, group: m.group, variant: m.variant }));

/**
 * The provenance inputs of a version's articles (corpus order, `keys` their article keys), read from the store `chunk`
 * analyses at a time. From a list, `articles[i]` is set to null once read, so a caller that owns the list lets each
 * article's text go as soon as its input holds the analysed text; from a version listing (lib/store/versionListing.ts)
 * only the chunk's texts are read from their files. With a `spill` (made for this many articles), each article's text
 * and sentence spans go to its scratch file as they are read and its input reads them back from there, so they are not
 * held (lib/store/provenanceSpill.ts). Throws naming the first article with no stored analysis.
 */
export function readProvenanceInputs(
  store: AnalysisStore,
  scope: StoreScope,
  articles: (Article | null)[] | ListedCorpus,
  keys: readonly string[],
  chunk = PROVENANCE_READ_CHUNK,
  spill?: InputSpill,
): ProvenanceInputs {
  if (!Number.isInteger(chunk) || chunk < 1) throw new Error(`provenance inputs: chunk ${chunk} must be 1 or more`);
  const n = Array.isArray(articles) ? articles.length : articles.articles.length;
  const inputs: ProvenanceInput[] = new Array(n);
  const mentions = new MentionTable();
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(n, from + chunk);
    const slice = Array.isArray(articles) ? (articles.slice(from, to) as Article[]) : articlesIn(articles, from, to);
    if (slice.some((a) => a === null))
      throw new Error(`provenance inputs: articles ${from} to ${to - 1} were already read (each is read once)`);
    const analyses = store.read(scope, slice, keys.slice(from, to));
    analyses.forEach((a, k) => {
      if (!a) throw new MissingAnalysisError(scope.corpus, slice[k].id);
      const input = provenanceInput(a, slice[k].date);
      if (spill) {
        spill.add(from + k, input.text, input.sentences);
        inputs[from + k] = spilledInput(spill, from + k, input);
      } else inputs[from + k] = input;
      mentions.set(a.id, substitutionMentions(a));
      if (Array.isArray(articles)) articles[from + k] = null;
    });
  }
  return { inputs, mentions };
}
