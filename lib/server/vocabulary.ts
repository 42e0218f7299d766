import type { ArticleAnalysis } from '../analysis/article';
import type { Filters } from '../analysis/filters';
import type { ArticleSubset } from '../analysis/slice';
import { isWhole, subsetKey } from '../analysis/slice';
import { insideSpan, type Span } from '../text/quotes';
import type { KwicSort } from '../url/state';
import { sortKwic, type KwicRow } from '../view/kwic';
import { findMatches, type SearchPattern } from '../vocabulary/search';
import { countVocabulary, DEFAULT_LIMITS, type ArticleText, type VocabularyTable } from '../vocabulary/table';
import { articleTextsOf } from '../vocabulary/texts';
import { termSpans } from '../vocabulary/tokens';
import { sliceFor, type Bundle } from './bundles';
import { answerHereChars, answerOffThread, type Answer } from './offThreadAnswers';
import { backgroundOnly, currentStore } from '../store/current';
import { readVocabulary } from '../store/vocabularyJob';
import { keepLexiconReading } from '../vocabulary/answer';
import { decodeTable } from '../vocabulary/tableCodec';
import { isStoredText } from '../vocabulary/whole';
import path from 'node:path';

/**
 * The vocabulary and search answers of a bundle: the text a view keeps (its voice, scope, provenance and article
 * subset, by the same rules as every other number) read as vocabulary, counted once per view key and kept beside the
 * bundle (recent keys only), then scored per comparison.
 */

/** What picks a view's text: the filters and the article subset. */
export interface TextQuery extends Filters {
  subset: ArticleSubset;
}

const keyOf = (q: TextQuery) =>
  `${q.voice}/${q.scope}/${q.provenance ?? 'all'}${isWhole(q.subset) ? '' : `/${subsetKey(q.subset)}`}`;

const MAX_TABLES = 8;
const tables = new WeakMap<Bundle, Map<string, VocabularyTable>>();

/** The article texts of a bundle that a view keeps, with their analyses (see articleTextsOf). */
export function articleTexts(b: Bundle, q: TextQuery): { analysis: ArticleAnalysis; text: ArticleText }[] {
  const analyses = sliceFor(b, q.subset, q.provenance ?? 'all').analyses;
  // Provenance is read only when the view filters by it (it may still be being computed for the other views).
  const texts = articleTextsOf(
    analyses,
    b.corpus.lexicon.groups,
    (q.provenance ?? 'all') === 'all' ? null : b.provenance,
    q,
  );
  return analyses.map((analysis, i) => ({ analysis, text: texts[i] }));
}

/** The vocabulary table of a bundle for a view's text, counted here (once per view key; workers and tests call it). */
export function countedTable(b: Bundle, q: TextQuery): VocabularyTable {
  const m = tablesOf(b);
  const key = keyOf(q);
  let t = m.get(key);
  if (!t) {
    t = countVocabulary(
      articleTexts(b, q).map((x) => x.text),
      b.corpus.outlets.map((o) => o.id),
      b.corpus.lexicon.groups.map((g) => g.id),
      DEFAULT_LIMITS,
    );
    keepTable(m, key, t);
  }
  return t;
}

function tablesOf(b: Bundle): Map<string, VocabularyTable> {
  let m = tables.get(b);
  if (!m) tables.set(b, (m = new Map()));
  return m;
}

function keepTable(m: Map<string, VocabularyTable>, key: string, t: VocabularyTable): void {
  if (m.size >= MAX_TABLES) m.delete(m.keys().next().value!);
  m.set(key, t);
}

/**
 * The table the store keeps for the bundle's version when the view reads exactly that text (lib/vocabulary/whole.ts),
 * decoded once; null when the view reads other text or none is stored (a store made before tables were).
 */
export function storedTable(b: Bundle, q: TextQuery): VocabularyTable | null {
  if (!isStoredText(q) || !isWhole(q.subset) || !b.storeKey) return null;
  const m = tablesOf(b);
  const key = keyOf(q);
  const known = m.get(key);
  if (known) return known;
  const stored = readVocabulary(currentStore(), b.storeKey.scope, b.storeKey.version);
  if (!stored) return null;
  if (stored.reading) keepLexiconReading(stored.table, stored.reading);
  keepTable(m, key, stored.table);
  return stored.table;
}

/** Which corpus version a view reads: its id and the pinned version (null: the current one). */
export interface Source {
  corpus: string;
  version: string | null;
}

const fingerprintOf = (b: Bundle) => `${path.basename(b.dir)}|${b.fingerprint}`;

const textSizes = new WeakMap<Bundle, number>();

/**
 * Whether a bundle's vocabulary and search answers are made on the request thread: outside the production server (tests, scripts, `next dev`), and
 * for a corpus small enough that counting it is quicker than opening it on a worker (answerHereChars).
 */
export function answeredHere(b: Bundle): boolean {
  if (!backgroundOnly()) return true;
  let size = textSizes.get(b);
  if (size === undefined) {
    // The stored index says it without reading any text (a large corpus's text then stays on disk).
    size = b.textChars ?? 0;
    if (b.textChars === undefined) for (const a of b.live.analyses) size += a.text.length;
    textSizes.set(b, size);
  }
  return size <= answerHereChars();
}

/**
 * The vocabulary table of a view's text: kept or stored, else (in the production server, for a corpus larger than
 * answerHereChars) counted on a worker with a time budget while the request is told it is counting; else counted here.
 */
export function vocabularyTable(b: Bundle, q: TextQuery, src: Source): Answer<VocabularyTable> {
  const known = tablesOf(b).get(keyOf(q)) ?? storedTable(b, q);
  if (known) return { state: 'ready', value: known };
  if (answeredHere(b)) return { state: 'ready', value: countedTable(b, q) };
  const answer = answerOffThread(
    fingerprintOf(b),
    (fp) => `t|${fp}|${keyOf(q)}`,
    { kind: 'table', ...src, query: q },
    {
      decode: (part) => decodeTable(part.bytes as Uint8Array),
      here: () => ({ table: countedTable(b, q), reading: null }),
      tooLong: (s) =>
        `Counting the vocabulary of this view took longer than ${s} s, so it was stopped. Narrow it: a shorter date range, or all text with no voice, scope or provenance filter (read from stored counts); or raise FRAMESCOPE_ANSWER_BUDGET_MS.`,
    },
  );
  if (answer.state !== 'ready') return answer;
  if (!answer.value) return { state: 'failed', message: 'the vocabulary table the worker sent could not be read' };
  if (answer.value.reading) keepLexiconReading(answer.value.table, answer.value.reading);
  keepTable(tablesOf(b), keyOf(q), answer.value.table);
  return { state: 'ready', value: answer.value.table };
}

/** Where to find occurrences: a counted n-gram (exactly as counted) or a search pattern (case-insensitive). */
export type Finder = { kind: 'term'; term: string } | { kind: 'search'; pattern: SearchPattern };

// Per kept sentence, where the term or pattern occurs.
function spansOf(t: ArticleText, f: Finder): Span[][] {
  const skip = t.skip as Span[];
  return f.kind === 'term'
    ? termSpans(t.text, t.sentences, f.term, skip)
    : t.sentences.map((s) => findMatches(t.text, s.start, s.end, f.pattern, skip));
}

/** Per-outlet occurrences of a term or pattern in a view's text: uses, articles using it, and the outlet totals. */
export interface OccurrenceCount {
  outlet: string;
  hits: number;
  articles: number;
  articlesTotal: number;
  tokens: number;
  /** hits per 1,000 word tokens. */
  per1k: number;
}

/**
 * Every occurrence of a term or pattern in the view's text: counts per outlet (all outlets) and KWIC rows (in text
 * order) of the outlets in `members` (all when null).
 */
export function occurrences(
  texts: { analysis: ArticleAnalysis; text: ArticleText }[],
  outlets: readonly string[],
  titles: ReadonlyMap<string, string>,
  members: ReadonlySet<string> | null,
  f: Finder,
): { counts: OccurrenceCount[]; rows: KwicRow[] } {
  const counts = new Map(
    outlets.map((o) => [o, { outlet: o, hits: 0, articles: 0, articlesTotal: 0, tokens: 0, per1k: 0 }]),
  );
  const rows: KwicRow[] = [];
  for (const { analysis: a, text: t } of texts) {
    const c = counts.get(t.outlet);
    if (!c || t.sentences.length === 0) continue;
    c.articlesTotal++;
    c.tokens += t.tokens;
    let inArticle = 0;
    const found = spansOf(t, f);
    for (const [si, s] of t.sentences.entries()) {
      for (const span of found[si]) {
        inArticle++;
        if (members && !members.has(t.outlet)) continue;
        rows.push({
          key: `${a.id}:${span.start}`,
          article: a.id,
          articleTitle: titles.get(a.id) ?? a.id,
          outlet: t.outlet,
          group: '',
          variant: '',
          left: t.text.slice(s.start, span.start),
          term: t.text.slice(span.start, span.end),
          right: t.text.slice(span.end, s.end),
          voice: insideSpan(a.quotes, span.start) ? 'quoted' : 'own',
          section: s.section,
          start: span.start,
          actors: [],
          cue: null,
        });
      }
    }
    c.hits += inArticle;
    if (inArticle) c.articles++;
  }
  for (const c of counts.values()) c.per1k = c.tokens ? (c.hits / c.tokens) * 1000 : 0;
  return { counts: [...counts.values()], rows };
}

/** Occurrences as a view asks for them: in its text, counted per outlet, KWIC rows of `members` (all when null). */
export type Occurrences = ReturnType<typeof occurrences>;

/**
 * The occurrences of a term or search in a view's text: kept, or (in the production server, for a corpus larger than
 * answerHereChars) found on a worker with a time budget while the request is told it is searching; else found here.
 * Kept per bundle and query.
 */
export function occurrencesOf(
  b: Bundle,
  q: TextQuery,
  src: Source,
  titles: () => ReadonlyMap<string, string>,
  members: ReadonlySet<string> | null,
  f: Finder,
): Answer<Occurrences> {
  const key = `o|${keyOf(q)}|${f.kind === 'term' ? f.term : f.pattern.source}|${f.kind}|${
    members ? [...members].sort().join(',') : '*'
  }`;
  const here = () =>
    occurrences(
      articleTexts(b, q),
      b.corpus.outlets.map((x) => x.id),
      titles(),
      members,
      f,
    );
  const kept = peek<Occurrences>(b, key);
  if (kept) return { state: 'ready', value: kept };
  if (answeredHere(b)) return { state: 'ready', value: remembered(b, key, here) };
  const answer = answerOffThread(
    fingerprintOf(b),
    (fp) => `${key}|${fp}`,
    { kind: 'occurrences', ...src, query: q, members: members ? [...members] : null, finder: f },
    {
      decode: (part) => part.found as Occurrences,
      here,
      tooLong: (s) =>
        `Finding every use of "${f.kind === 'term' ? f.term : f.pattern.source}" took longer than ${s} s, so it was stopped. Narrow it: a longer phrase or fewer wildcards, a date range, or fewer outlets; or raise FRAMESCOPE_ANSWER_BUDGET_MS.`,
    },
  );
  if (answer.state !== 'ready') return answer;
  return { state: 'ready', value: remembered(b, key, () => answer.value) };
}

/** KWIC rows filtered by the drill-down text query (sentence or title) and sorted, as every drill-down does. */
export function filterKwic(rows: readonly KwicRow[], sort: KwicSort, q: string): KwicRow[] {
  const needle = q.trim().toLowerCase();
  const kept = needle
    ? rows.filter(
        (r) =>
          `${r.left}${r.term}${r.right}`.toLowerCase().includes(needle) ||
          r.articleTitle.toLowerCase().includes(needle),
      )
    : [...rows];
  return sortKwic(kept, sort);
}

const answers = new WeakMap<Bundle, Map<string, unknown>>();
const MAX_ANSWERS = 32;

function peek<T>(b: Bundle, key: string): T | undefined {
  return answers.get(b)?.get(key) as T | undefined;
}

/** A per-bundle memo of recent answers (vocabulary comparisons, occurrence lists) under a key naming all inputs. */
export function remembered<T>(b: Bundle, key: string, make: () => T): T {
  let m = answers.get(b);
  if (!m) answers.set(b, (m = new Map()));
  if (m.has(key)) return m.get(key) as T;
  const value = make();
  if (m.size >= MAX_ANSWERS) m.delete(m.keys().next().value!);
  m.set(key, value);
  return value;
}

/** The cache key of a view's text (filters and subset). */
export const textKey = keyOf;
