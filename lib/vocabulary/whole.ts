import type { ArticleAnalysis } from '../analysis/article';
import type { Filters } from '../analysis/filters';
import type { CorpusProvenance } from '../provenance/model';
import type { Corpus, TermGroup } from '../types';
import { lexiconReading } from './answer';
import { canonicalCounts } from './canonicalCounts';
import {
  Counter,
  countVocabulary,
  DEFAULT_LIMITS,
  finishTable,
  type VocabularyCounts,
  type VocabularyTable,
} from './table';
import type { LexiconReading } from './tableCodec';
import { articleTextsOf } from './texts';

/**
 * The text the store keeps a vocabulary table for: every voice, every section, all text, every article (the explorer's
 * default view). Other filters read other text and are counted when asked (lib/server/vocabulary.ts).
 */
export const STORED_TEXT: Required<Filters> = { voice: 'all', scope: 'all', provenance: 'all' };

/** Whether a view's filters read exactly the text the store keeps a table for (with no article subset). */
export function isStoredText(f: Filters): boolean {
  return f.voice === STORED_TEXT.voice && f.scope === STORED_TEXT.scope && (f.provenance ?? 'all') === 'all';
}

/**
 * The vocabulary table of a corpus's analyses (in corpus order) under the given filters, counted as a view counts it,
 * with its lexicon reading; `provenance` is needed only for a provenance filter.
 */
export function tableOf(
  corpus: Corpus,
  analyses: readonly ArticleAnalysis[],
  f: Filters = STORED_TEXT,
  provenance: CorpusProvenance | null = null,
): { table: VocabularyTable; reading: LexiconReading } {
  const table = countVocabulary(
    articleTextsOf(analyses, corpus.lexicon.groups, provenance, f),
    corpus.outlets.map((o) => o.id),
    corpus.lexicon.groups.map((g) => g.id),
    DEFAULT_LIMITS,
  );
  return { table, reading: lexiconReading(table, corpus.lexicon) };
}

// N-grams a worker's counter has room for before it first grows.
const STORED_TEXT_ROWS = 1 << 16;

/** An empty counter for the stored text's counts under a lexicon's term groups (one per analysis worker). */
export function storedTextCounter(groups: readonly TermGroup[]): Counter {
  // Room for 65,536 n-grams at once (a few MB, about what a worker's first batches hold): growing from 1,024 copied
  // every outlet's column six times, and the discarded arrays brought on a full garbage collection.
  return new Counter([], groups.length, DEFAULT_LIMITS.liveCap, STORED_TEXT_ROWS);
}

/**
 * Adds analysed articles (with their keys) to a counter as the stored table counts them (STORED_TEXT): what an
 * analysis worker does with each batch while the text is in hand, into one counter kept from batch to batch (words
 * and n-grams are then looked up in dictionaries already made, not made again per batch).
 */
export function countInto(
  c: Counter,
  analyses: readonly ArticleAnalysis[],
  keys: readonly string[],
  groups: readonly TermGroup[],
): void {
  for (const t of articleTextsOf(analyses, groups, null, STORED_TEXT)) c.count(t, false);
  for (const k of keys) c.keys.push(k);
}

/**
 * The stored table of a corpus from its analyses read a chunk at a time (in corpus order), so only one chunk of
 * decoded analyses is held at once: the table's own memory is bounded by its live cap, not by the corpus.
 */
export function tableOfChunks(
  corpus: Pick<Corpus, 'lexicon' | 'outlets'>,
  chunks: Iterable<readonly ArticleAnalysis[]>,
): { table: VocabularyTable; reading: LexiconReading } {
  const groups = corpus.lexicon.groups;
  function* texts() {
    for (const chunk of chunks) yield* articleTextsOf(chunk, groups, null, STORED_TEXT);
  }
  const table = countVocabulary(
    texts(),
    corpus.outlets.map((o) => o.id),
    groups.map((g) => g.id),
    DEFAULT_LIMITS,
  );
  return { table, reading: lexiconReading(table, corpus.lexicon) };
}

/**
 * The stored table of a corpus from counts made while its articles were analysed, or null when they cannot stand for
 * counting it again: they do not cover exactly its articles (by key), were counted under other term groups, dropped
 * rare n-grams (lossy) or hold an outlet the corpus lacks. Exactly the table counting the corpus would give.
 */
export function tableOfCounts(
  corpus: Pick<Corpus, 'lexicon' | 'outlets'>,
  keys: readonly string[],
  counts: VocabularyCounts,
): { table: VocabularyTable; reading: LexiconReading } | null {
  const made = tableOfParts(corpus, keys, [counts]);
  return made && { table: made.table, reading: made.reading };
}

/**
 * The stored table of a corpus from several counts that together cover exactly its articles (the previous version's
 * whole counts and the added articles'), with the merged counts themselves (what the next version adds to); null on
 * the terms tableOfCounts names, or when the merge outgrew the counter's live cap (lossy). The counts come in canonical
 * order (canonicalCounts), so the same articles give the same stored bytes whatever order the parts came in.
 */
export function tableOfParts(
  corpus: Pick<Corpus, 'lexicon' | 'outlets'>,
  keys: readonly string[],
  parts: readonly VocabularyCounts[],
): { table: VocabularyTable; reading: LexiconReading; counts: VocabularyCounts } | null {
  const groups = corpus.lexicon.groups.map((g) => g.id);
  const outlets = corpus.outlets.map((o) => o.id);
  for (const p of parts)
    if (p.lossy || p.groups.join('\0') !== groups.join('\0') || p.outlets.some((o) => !outlets.includes(o)))
      return null;
  const c = new Counter(outlets, groups.length, DEFAULT_LIMITS.liveCap);
  for (const p of parts) c.merge(p);
  if (c.lossy || !sameKeys(keys, c.keys)) return null;
  // Taken before finishTable, which prunes the counter in place; in canonical order, as the parts merged in the order
  // the analysis workers answered and these are stored (lib/store/ngramCounts.ts).
  const counts = canonicalCounts(c.counts(groups));
  const table = finishTable(c, outlets, groups, DEFAULT_LIMITS);
  return { table, reading: lexiconReading(table, corpus.lexicon), counts };
}

/**
 * The counts of the stored text of some analysed articles (with their keys, in the same order), read a chunk at a
 * time: what an analysis worker would have counted for them, in the form tableOfParts merges.
 */
export function countsOfChunks(
  groups: readonly TermGroup[],
  chunks: Iterable<readonly ArticleAnalysis[]>,
  keys: readonly string[],
): VocabularyCounts {
  const c = storedTextCounter(groups);
  let from = 0;
  for (const chunk of chunks) {
    countInto(c, chunk, keys.slice(from, from + chunk.length), groups);
    from += chunk.length;
  }
  if (from !== keys.length) throw new Error(`${keys.length} article keys were given for ${from} analyses counted`);
  return c.counts(groups.map((g) => g.id));
}

// The same articles, each once on both sides (a corpus holding one article twice is counted twice by a re-count).
function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(b);
  return set.size === b.length && a.every((k) => set.has(k)) && new Set(a).size === a.length;
}
