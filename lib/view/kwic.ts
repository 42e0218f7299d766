import type { ArticleAnalysis } from '../analysis/article';
import type { MentionRow } from '../analysis/exportTypes';
import { inScope, sentenceReading, type Filters } from '../analysis/filters';
import { UNATTRIBUTED } from '../lexicon/parse';
import type { KwicSort, Selection } from '../url/state';

/** One keyword-in-context line: the sentence split around the term. */
export interface KwicRow {
  key: string;
  article: string;
  articleTitle: string;
  outlet: string;
  group: string;
  variant: string;
  left: string;
  term: string;
  right: string;
  voice: string;
  section: string;
  start: number;
  /** Actors the label is attributed to, and the rule and words that named them (actor lens). */
  actors: string[];
  cue: string | null;
  /** The provenance of the mention's sentence (set by the data door for the page shown). */
  provenance?: 'original' | 'shared' | 'credited';
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** The mentions behind a selection (a term, or an actor's labels) as KWIC rows, filtered by a text query and sorted. */
export function kwicRows(
  mentions: readonly MentionRow[],
  titles: ReadonlyMap<string, string>,
  members: ReadonlySet<string>,
  sel: Extract<Selection, { kind: 'mentions' | 'actor' | 'setAside' }>,
  sort: KwicSort,
  q: string,
): KwicRow[] {
  const needle = q.trim().toLowerCase();
  const ofActor = (actors: string[]) =>
    sel.kind !== 'actor' || (sel.actor === UNATTRIBUTED ? actors.length === 0 : actors.includes(sel.actor));
  const rows: KwicRow[] = [];
  for (const m of mentions) {
    if (!members.has(m.outlet) || m.group !== sel.group || !ofActor(m.actors)) continue;
    if (sel.kind !== 'setAside' && sel.variant && m.variant !== sel.variant) continue;
    // A term's count leaves out set-aside mentions (they are in the export's setAside table); an actor's labels keep
    // them.
    if (sel.kind === 'mentions' && m.setAside !== null) continue;
    if (sel.kind === 'setAside' && m.setAside !== sel.reason) continue;
    const title = titles.get(m.article) ?? m.article;
    if (needle && !m.sentence.toLowerCase().includes(needle) && !title.toLowerCase().includes(needle)) continue;
    rows.push({
      key: `${m.article}:${m.start}:${m.variant}`,
      article: m.article,
      articleTitle: title,
      outlet: m.outlet,
      group: m.group,
      variant: m.variant,
      left: m.sentence.slice(0, Math.max(0, m.start - m.sentenceStart)),
      term: m.text,
      right: m.sentence.slice(Math.max(0, m.end - m.sentenceStart)),
      voice: m.voice,
      section: m.section,
      start: m.start,
      actors: m.actors,
      cue: m.actorCue ? `${m.actorCue.rule}: ${m.actorCue.text}` : null,
    });
  }
  return sortKwic(rows, sort);
}

/** Compares two article ids as the position sort does (first key; rows of one article then go by their start). */
export const compareArticleIds = (a: string, b: string): number => collator.compare(a, b);

/** Sorts KWIC rows in place by a drill-down order (ties by article and position). */
export function sortKwic(rows: KwicRow[], sort: KwicSort): KwicRow[] {
  const byPosition = (a: KwicRow, b: KwicRow) => collator.compare(a.article, b.article) || a.start - b.start;
  const cmp: Record<KwicSort, (a: KwicRow, b: KwicRow) => number> = {
    position: byPosition,
    outlet: (a, b) => collator.compare(a.outlet, b.outlet) || byPosition(a, b),
    variant: (a, b) => collator.compare(a.variant, b.variant) || byPosition(a, b),
    voice: (a, b) => collator.compare(a.voice, b.voice) || byPosition(a, b),
    // Classic concordance sorts: by the words nearest the term.
    left: (a, b) =>
      collator.compare(
        a.left.split(/\s+/).reverse().join(' ').trim(),
        b.left.split(/\s+/).reverse().join(' ').trim(),
      ) || byPosition(a, b),
    right: (a, b) => collator.compare(a.right.trim(), b.right.trim()) || byPosition(a, b),
  };
  return rows.sort(cmp[sort]);
}

/** One sentence with its AFINN score, for the drill-down behind a sentiment figure. */
export interface SentenceRow {
  key: string;
  article: string;
  articleTitle: string;
  outlet: string;
  text: string;
  score: number;
  words: number;
  /** The sentence's provenance (set by the data door for the page shown). */
  provenance?: 'original' | 'shared' | 'credited';
}

/**
 * The sentences behind an outlet's sentiment figure, or behind its tone toward one actor (the same voice and scope
 * rules as the export), filtered and sorted by score.
 */
export function sentimentSentences(
  analyses: readonly ArticleAnalysis[],
  titles: ReadonlyMap<string, string>,
  members: ReadonlySet<string>,
  o: Filters,
  q: string,
  actor: string | null = null,
): SentenceRow[] {
  const out: SentenceRow[] = [];
  for (const a of analyses) {
    if (!members.has(a.outlet)) continue;
    a.sentences.forEach((s, i) => {
      if (!inScope(s.section, o)) return;
      if (actor && !a.sentenceActors[i]?.includes(actor)) return;
      const { score, words } = sentenceReading(s, o);
      const text = a.text.slice(s.start, s.end);
      if (words === 0 || !sentenceMatches(text, q)) return;
      out.push({
        key: `${a.id}:${i}`,
        article: a.id,
        articleTitle: titles.get(a.id) ?? a.id,
        outlet: a.outlet,
        text,
        score,
        words,
      });
    });
  }
  return sortSentences(out);
}

/** Whether a sentence's text holds a drill-down's text query (any text when the query is blank). */
export function sentenceMatches(text: string, q: string): boolean {
  const needle = q.trim().toLowerCase();
  return !needle || text.toLowerCase().includes(needle);
}

/** Sorts sentence rows in place as a sentiment drill-down lists them: most negative first, ties by key. */
export function sortSentences(rows: SentenceRow[]): SentenceRow[] {
  return rows.sort((x, y) => x.score - y.score || collator.compare(x.key, y.key));
}

/** Rows shown per drill-down page. */
export const PAGE_SIZE = 100;

/** One page of a list: its rows, which page it is (clamped to the last), and the counts to say "41–80 of 2,340". */
export interface Paged<T> {
  rows: T[];
  page: number;
  pages: number;
  total: number;
  first: number;
  last: number;
  /** How many articles all the rows (every page) come from. */
  articles: number;
}

/** The given page of a list (clamped to the last page; an empty list has one empty page). */
export function pageOf<T extends { article: string }>(rows: readonly T[], page: number, size = PAGE_SIZE): Paged<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(1, Math.floor(page)), pages);
  const from = (p - 1) * size;
  const shown = rows.slice(from, from + size);
  return {
    rows: shown,
    page: p,
    pages,
    total: rows.length,
    first: shown.length ? from + 1 : 0,
    last: from + shown.length,
    articles: new Set(rows.map((r) => r.article)).size,
  };
}
