import { DEFAULT_OPTIONS, articleRows, type ArticleRow } from '../analysis/aggregate';
import type { MentionRow } from '../analysis/exportTypes';
import { dateKept } from '../analysis/filters';
import { AnalysingError } from '../store/prepare';
import { OPTION_SETS, SUMMARY_FIELDS, type MentionPostings } from '../store/mentionPostings';
import { backgroundOnly } from '../store/current';
import { parsePeriod } from '../time/bin';
import type { Selection, ViewState } from '../url/state';
import { drillArticles } from '../view/drillArticles';
import { sentimentSentences, type SentenceRow } from '../view/kwic';
import { storyOfArticle, type Story } from '../stories/cluster';
import { articlesAt, postingsOf, storiesOf, textReady, type Bundle } from './bundles';
import { LOAD_STEP } from '../corpus/load';
import { drillHereArticles } from './drillLimit';

/**
 * Drill-downs and outlet pages answered from a version's stored mention postings (lib/store/mentionPostings.ts): only
 * the articles a selection names are read (their files and stored analyses), never the whole corpus's text.
 */

/** The rows a selection's articles hold before its text query and sort: mention rows, or scored sentences. */
export type SelectionRows = { kind: 'mentions'; rows: MentionRow[] } | { kind: 'sentences'; rows: SentenceRow[] };

// Its own module so that bundles.ts (a date range's cut months) reads it without importing this one, which imports it.
export { drillHereArticles };

/**
 * The postings a view of this bundle is answered from, or null when it is answered as before (from the whole text): in
 * the production server while the version's text is not in memory, for all text (no provenance filter) and no "same
 * stories only" comparison, once the postings are stored.
 */
export function postingsFor(b: Bundle, state: ViewState): MentionPostings | null {
  if (!backgroundOnly() || textReady(b)) return null;
  if (state.provenance !== 'all' || (state.stories === 'shared' && state.outlets.length >= 2)) return null;
  return postingsOf(b);
}

// Whether an article's date is kept by the view's range and, for a time-series point's drill-down of mentions, its
// period (a sentiment drill-down reads the range alone, as drillDown's from the whole text does).
function keptBy(state: ViewState, sel: Selection): (date: string | null) => boolean {
  const range = { from: state.from, to: state.to };
  const at = sel.kind === 'sentiment' || sel.kind === 'tone' ? null : state.at;
  const period = at ? parsePeriod(at) : null;
  if (at && !period) return () => false;
  return (date) => dateKept(date, range) && (!period || (date !== null && date >= period.start && date <= period.end));
}

interface Read {
  progress: { done: number };
  total: number;
  rows: SelectionRows | null | undefined;
  error: Error | null;
}
// Per bundle, the rows of its most recent selections (shared by the proxy's and the pages' copies of this module).
const READS = Symbol.for('framescope.drillReads');
const reads = ((globalThis as Record<symbol, unknown>)[READS] ??= new WeakMap()) as WeakMap<Bundle, Map<string, Read>>;
const MAX_READS = 8;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The rows behind a selection, read from the articles its postings name: at once for up to drillHereArticles()
 * articles, else in the background (throws an AnalysingError at the loading stage, counting the selection's articles,
 * until they are read). Null when an article cannot be read alone (edited since the version was indexed): then the
 * view is answered from the whole text.
 */
export function selectionRows(
  b: Bundle,
  postings: MentionPostings,
  state: ViewState,
  sel: Selection,
  members: ReadonlySet<string>,
  titles: ReadonlyMap<string, string>,
): SelectionRows | null {
  const key = JSON.stringify([sel, [...members].sort(), state.voice, state.scope, state.from, state.to, state.at]);
  let cache = reads.get(b);
  if (!cache) reads.set(b, (cache = new Map()));
  const hit = cache.get(key);
  if (hit?.rows !== undefined) return hit.rows;
  if (hit?.error) {
    cache.delete(key);
    throw hit.error;
  }
  if (hit) throw new AnalysingError({ corpus: b.meta.id, done: hit.progress.done, total: hit.total, stage: 'loading' });
  const at = drillArticles(postings, b.meta.articles, sel, { members, kept: keptBy(state, sel) });
  const read: Read = { progress: { done: 0 }, total: at.length, rows: undefined, error: null };
  const steps = rowSteps(b, at, read.progress, state, sel, members, titles);
  if (!steps) return null;
  if (cache.size >= MAX_READS) cache.delete(cache.keys().next().value!);
  cache.set(key, read);
  if (at.length <= drillHereArticles()) {
    for (let r = steps.next(); ; r = steps.next()) if (r.done) return (read.rows = r.value);
  }
  void (async () => {
    try {
      // setImmediate: the request that asked is answered (with the loading page) before the first step runs.
      for (let r = (await yieldToLoop(), steps.next()); ; r = steps.next()) {
        if (r.done) {
          read.rows = r.value;
          break;
        }
        await yieldToLoop();
      }
    } catch (e) {
      read.error = e as Error;
      console.error(`corpus ${b.meta.id}: a drill-down's articles were not read: ${read.error.message}`);
    }
  })();
  throw new AnalysingError({ corpus: b.meta.id, done: 0, total: at.length, stage: 'loading' });
}

// Reads the articles in steps of LOAD_STEP and keeps only their rows, so a large selection never holds its analyses at
// once.
function rowSteps(
  b: Bundle,
  at: readonly number[],
  progress: { done: number },
  state: ViewState,
  sel: Selection,
  members: ReadonlySet<string>,
  titles: ReadonlyMap<string, string>,
): Generator<void, SelectionRows | null, void> | null {
  // A bundle that cannot read articles alone (one not read from the folder's index) answers from the whole text.
  if (!articlesAt(b, [], { done: 0 })) return null;
  const o = { ...DEFAULT_OPTIONS, voice: state.voice, scope: state.scope };
  const actor = sel.kind === 'tone' ? sel.actor : null;
  const sentences = sel.kind === 'sentiment' || sel.kind === 'tone';
  return (function* (): Generator<void, SelectionRows | null, void> {
    const mentions: MentionRow[] = [];
    const scored: SentenceRow[] = [];
    for (let s = 0; s < at.length; s += LOAD_STEP) {
      if (s > 0) yield;
      const part = at.slice(s, s + LOAD_STEP);
      const read = articlesAt(b, part, { done: 0 });
      // One LOAD_STEP of articles: read in one step.
      const got = read && (yield* read);
      if (!got) return null;
      if (sentences) {
        const analyses = got.map((r) => r.analysis);
        for (const r of sentimentSentences(analyses, titles, members, state, '', actor)) scored.push(r);
      } else for (const r of got) for (const m of articleRows(r.analysis, r.article, o).mentions) mentions.push(m);
      progress.done += part.length;
    }
    return sentences ? { kind: 'sentences', rows: scored } : { kind: 'mentions', rows: mentions };
  })();
}

// Each version's story by article, made once per stories list (an outlet page of a large corpus is asked often).
const storyMaps = new WeakMap<Story[], Map<string, string>>();

/**
 * The export's article rows of some outlets under the view's voice, scope and date range, from the postings' per-article
 * numbers and the text-free metadata (with each article's story, as the export lists it).
 */
export function articleRowsOf(
  b: Bundle,
  postings: MentionPostings,
  state: ViewState,
  members: ReadonlySet<string>,
): ArticleRow[] {
  const k = OPTION_SETS.findIndex((o) => o.voice === state.voice && o.scope === state.scope);
  const range = { from: state.from, to: state.to };
  const stories = storiesOf(b);
  let storyOf = storyMaps.get(stories);
  if (!storyOf) storyMaps.set(stories, (storyOf = storyOfArticle(stories)));
  const rows: ArticleRow[] = [];
  b.meta.articles.forEach((a, i) => {
    if (!members.has(a.outlet) || !dateKept(a.date, range)) return;
    const at = i * SUMMARY_FIELDS + k * 4;
    const [tokens, mentions, score, words] = postings.summary.subarray(at, at + 4);
    rows.push({
      id: a.id,
      outlet: a.outlet,
      title: a.title ?? a.id,
      date: a.date ?? null,
      tokens,
      mentions,
      score,
      comparative: words > 0 ? score / words : null,
      story: storyOf.get(a.id) ?? null,
    });
  });
  return rows;
}
