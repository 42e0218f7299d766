import { DEFAULT_OPTIONS, articleRows, type ArticleRow } from '../analysis/aggregate';
import type { MentionRow } from '../analysis/exportTypes';
import { dateKept } from '../analysis/filters';
import { OPTION_SETS, SUMMARY_FIELDS, type MentionPostings } from '../store/mentionPostings';
import { backgroundOnly, currentStore } from '../store/current';
import { parsePeriod } from '../time/bin';
import type { Selection, ViewState } from '../url/state';
import { drillArticles } from '../view/drillArticles';
import {
  compareArticleIds,
  kwicRows,
  PAGE_SIZE,
  sentimentSentences,
  type KwicRow,
  type Paged,
  type SentenceRow,
} from '../view/kwic';
import { storyOfArticle, type Story } from '../stories/cluster';
import { articlesAt, postingsOf, sentenceKindsOf, storiesOf, textReady, type Bundle } from './bundles';
import { LOAD_STEP } from '../corpus/load';
import { drillHereArticles } from './drillLimit';
import { backgroundReads, warmWhenBuilt } from './backgroundSteps';
import { countsKey, hasDrillCounts } from '../store/drillCounts';
import { openDrillCounts, type StoredDrillCounts } from '../store/drillCountsRanges';
import { isAnalysing } from '../store/prepare';
import { UNATTRIBUTED } from '../lexicon/parse';

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

// Per bundle, the rows of its most recent selections.
const selections = backgroundReads<SelectionRows | null>('drillReads', 8, "a drill-down's articles");
const MAX_READS = 8;

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
  return selections.answer(b, key, b.meta.id, (progress) => {
    const at = drillArticles(postings, b.meta.articles, sel, { members, kept: keptBy(state, sel) });
    const steps = rowSteps(b, at, progress, state, sel, members, titles);
    return steps && { total: at.length, steps };
  });
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

// Per bundle, its articles' ranks in the position order, and the most recent pages (the proxy's check and the page read
// the same one); shared by the proxy's and the pages' copies of this module.
const PAGED = Symbol.for('framescope.drillPaged');
const paged = ((globalThis as Record<symbol, unknown>)[PAGED] ??= {
  ranks: new WeakMap(),
  pages: new WeakMap(),
}) as {
  ranks: WeakMap<Bundle, Int32Array | null>;
  pages: WeakMap<Bundle, Map<string, Paged<KwicRow>>>;
};

// Per bundle, its version's drill-down counts, their header alone (a few kilobytes; every list was 39.6 MB at 100,000
// articles): a drill-down reads the lists it sums.
const countReads = backgroundReads<StoredDrillCounts | null>('drillCounts', 1, "the version's drill-down counts");

/**
 * The bundle's version's drill-down counts (lib/store/drillCounts.ts, their header read: lib/store/drillCountsRanges.ts),
 * or null while none are stored (or when they cannot be read, or count another number of articles). In the production server they are read in the background (the
 * bundle's warm-up starts it, warmWhenBuilt below) unless the version has at most drillHereArticles() articles, and a
 * drill-down that asks before they are read throws an AnalysingError at the loading stage; elsewhere, read here.
 */
export function drillCountsOf(b: Bundle): StoredDrillCounts | null {
  if (!b.storeKey) return null;
  const { scope, version } = b.storeKey;
  const c = countReads.answer(b, 'counts', b.meta.id, (progress) => {
    const store = currentStore();
    // Not remembered while missing: the watcher's preparation stores them for a version made before they existed.
    if (!hasDrillCounts(store, scope, version)) return null;
    const steps = (function* (): Generator<void, StoredDrillCounts | null, void> {
      const read = openDrillCounts(store, scope, version);
      progress.done = b.meta.articles.length;
      return read;
    })();
    return { total: b.meta.articles.length, steps, here: backgroundOnly() ? undefined : Infinity };
  });
  return c && c.articles === b.meta.articles.length ? c : null;
}

/** Whether the bundle's drill-down counts have been read (false while they are read in the background, or never asked). */
export const drillCountsRead = (b: Bundle): boolean => countReads.settled(b, 'counts');

// A built bundle's drill-down inputs are decoded between requests (each on its own turn), so the first drill-down after
// a restart does not decode them: the postings and sentence kinds (which a drill-down asking first still decodes
// itself: 21 and 63 ms at 30,000 articles), then the counts (which it waits for with the loading page).
const warming = (what: string, read: (b: Bundle) => unknown) => (b: Bundle) => {
  try {
    read(b);
  } catch (e) {
    if (!isAnalysing(e)) console.warn(`corpus ${b.meta.id}: its ${what} were not read: ${String(e)}`);
  }
};
warmWhenBuilt('mention-postings', warming('mention postings', postingsOf));
warmWhenBuilt('sentence-kinds', warming('sentence kinds', sentenceKindsOf));
warmWhenBuilt('drill-counts', warming('drill-down counts', drillCountsOf));

/**
 * Each article's place in the KWIC position order (article ids by the sort's collator), made once per bundle; null when
 * two ids compare equal there (their rows would interleave, so a page could not be cut by article).
 */
export function ranksOf(b: Bundle): Int32Array | null {
  if (paged.ranks.has(b)) return paged.ranks.get(b)!;
  const ranks = positionRanks(b.meta.articles.map((a) => a.id));
  paged.ranks.set(b, ranks);
  return ranks;
}

/**
 * Each id's place when the ids are sorted by compareArticleIds, or null when two compare equal. The version's order
 * (its folder's files by name) usually is that order already, and an order by lowercased code points often: each is
 * checked with one comparison per id (a sort with the collator takes about 17 per id at 100,000 articles, 0.2-0.4 s).
 */
export function positionRanks(ids: readonly string[]): Int32Array | null {
  const ascending = (order: readonly number[]) => {
    for (let k = 1; k < order.length; k++) if (compareArticleIds(ids[order[k - 1]], ids[order[k]]) >= 0) return false;
    return true;
  };
  let order = ids.map((_, i) => i);
  if (!ascending(order)) {
    const keys = ids.map((id) => id.toLowerCase());
    order.sort((x, y) => (keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : 0));
    if (!ascending(order)) {
      order = order.sort((x, y) => compareArticleIds(ids[x], ids[y]));
      // Sorted by the collator itself: only ids that compare equal can stop it being strictly ascending.
      if (!ascending(order)) return null;
    }
  }
  const ranks = new Int32Array(ids.length);
  order.forEach((i, k) => (ranks[i] = k));
  return ranks;
}

// The count lists whose sum per article is a selection's rows there: a term's variant (or every variant of its group),
// an actor's labels of one variant (or of every variant), a group's mentions set aside for one reason; read from the
// store, null when they cannot be.
function listsOf(c: StoredDrillCounts, sel: Selection): { at: Uint32Array; counts: Uint32Array }[] | null {
  const prefix =
    sel.kind === 'mentions'
      ? countsKey('m', sel.group, sel.variant ?? '')
      : sel.kind === 'actor'
        ? countsKey('a', sel.group, sel.actor === UNATTRIBUTED ? '' : sel.actor, sel.variant ?? '')
        : sel.kind === 'setAside'
          ? countsKey('s', sel.group, sel.reason)
          : null;
  if (prefix === null) return [];
  const exact = sel.kind === 'setAside' || ((sel.kind === 'mentions' || sel.kind === 'actor') && sel.variant);
  if (exact) return c.lists([prefix]);
  // Without a variant: every key that is the prefix followed by a variant (the prefix ends at the variant's place).
  return c.lists(c.keys.filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('\u0000')));
}

/**
 * One page of a drill-down of mentions in the position order with no text query, as pageOf over every row would give
 * it: the rows' total and articles come from the stored counts, and only the articles holding the page's rows (at most
 * PAGE_SIZE) are read, here. Null for sentences, another order, a text query, while the counts are not stored, when ids
 * tie in the position order, when an article cannot be read alone, or when the articles read do not give the rows their
 * counts promise (then the selection is read whole, as before).
 */
export function pagedMentions(
  b: Bundle,
  state: ViewState,
  sel: Selection,
  members: ReadonlySet<string>,
  titles: ReadonlyMap<string, string>,
): Paged<KwicRow> | null {
  if (sel.kind === 'sentiment' || sel.kind === 'tone' || state.sort !== 'position' || state.q.trim()) return null;
  const c = drillCountsOf(b);
  const ranks = c && ranksOf(b);
  if (!c || !ranks || !articlesAt(b, [], { done: 0 })) return null;
  const key = JSON.stringify([sel, [...members].sort(), state.voice, state.scope, state.from, state.to, state.at]);
  let pages = paged.pages.get(b);
  if (!pages) paged.pages.set(b, (pages = new Map()));
  const hit = pages.get(`${key}/${state.page}`);
  if (hit) return hit;
  const k = OPTION_SETS.findIndex((o) => o.voice === state.voice && o.scope === state.scope);
  const lists = listsOf(c, sel);
  if (!lists) return null;
  const rows = new Uint32Array(c.articles);
  for (const l of lists) for (let j = 0; j < l.at.length; j++) rows[l.at[j]] += l.counts[j * 4 + k];
  const kept = keptBy(state, sel);
  const order: number[] = [];
  rows.forEach((n, i) => {
    const a = b.meta.articles[i];
    if (n > 0 && members.has(a.outlet) && kept(a.date)) order.push(i);
  });
  order.sort((x, y) => ranks[x] - ranks[y]);
  let total = 0;
  for (const i of order) total += rows[i];
  const count = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const p = Math.min(Math.max(1, Math.floor(state.page)), count);
  const from = (p - 1) * PAGE_SIZE;
  // The articles whose rows cover [from, from + PAGE_SIZE), and where the page starts in the first one's rows.
  const read: number[] = [];
  let before = 0;
  let skip = 0;
  let expected = 0;
  for (const i of order) {
    if (before + rows[i] > from && before < from + PAGE_SIZE) {
      if (read.length === 0) skip = from - before;
      read.push(i);
      expected += rows[i];
    }
    before += rows[i];
    if (before >= from + PAGE_SIZE) break;
  }
  const steps = articlesAt(
    b,
    [...read].sort((x, y) => x - y),
    { done: 0 },
  );
  let r = steps?.next();
  while (r && !r.done) r = steps!.next();
  if (!r?.value) return null;
  const o = { ...DEFAULT_OPTIONS, voice: state.voice, scope: state.scope };
  const mentions: MentionRow[] = [];
  for (const x of r.value) for (const m of articleRows(x.analysis, x.article, o).mentions) mentions.push(m);
  const all = kwicRows(mentions, titles, members, sel, 'position', '');
  if (all.length !== expected) {
    console.error(`corpus ${b.meta.id}: drill-down counts say ${expected} rows, the articles hold ${all.length}`);
    return null;
  }
  const shown = all.slice(skip, skip + PAGE_SIZE);
  const answer: Paged<KwicRow> = {
    rows: shown,
    page: p,
    pages: count,
    total,
    first: shown.length ? from + 1 : 0,
    last: from + shown.length,
    articles: order.length,
  };
  if (pages.size >= MAX_READS) pages.delete(pages.keys().next().value!);
  pages.set(`${key}/${state.page}`, answer);
  return answer;
}
