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

/** The vocabulary table of a bundle for a view's text, counted once per view key. */
export function vocabularyTable(b: Bundle, q: TextQuery): VocabularyTable {
  let m = tables.get(b);
  if (!m) tables.set(b, (m = new Map()));
  const key = keyOf(q);
  let t = m.get(key);
  if (!t) {
    t = countVocabulary(
      articleTexts(b, q).map((x) => x.text),
      b.corpus.outlets.map((o) => o.id),
      b.corpus.lexicon.groups.map((g) => g.id),
      DEFAULT_LIMITS,
    );
    if (m.size >= MAX_TABLES) m.delete(m.keys().next().value!);
    m.set(key, t);
  }
  return t;
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
