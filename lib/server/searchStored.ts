import { dateKept } from '../analysis/filters';
import { LOAD_STEP } from '../corpus/load';
import { backgroundOnly, currentStore } from '../store/current';
import { OPTION_SETS, SUMMARY_FIELDS, type MentionPostings } from '../store/mentionPostings';
import { openWordIndex } from '../store/wordIndexParts';
import type { SearchPattern } from '../vocabulary/search';
import type { SearchableIndex } from '../vocabulary/indexParts';
import { addHits, hasSentences, matchingWords } from '../vocabulary/searchIndex';
import { articleTextsOf } from '../vocabulary/texts';
import { articlesAt, postingsOf, type Bundle } from './bundles';
import { ranksOf } from './drillStored';
import { backgroundReads } from './backgroundSteps';
import { occurrences, type Occurrences, type TextQuery } from './vocabulary';
import { PAGE_SIZE, sortKwic, type KwicRow, type Paged } from '../view/kwic';

/**
 * Term search answered from a version's stored word index (lib/vocabulary/searchIndex.ts): per-outlet counts of a word
 * or pattern from its postings and the mention postings' per-article token counts, a phrase's candidates from the
 * intersection of its words' postings; then only the articles that hold matches are read (their files and stored
 * analyses), never the whole corpus, and no worker is started.
 */

// Per bundle, its decoded index (shared by the proxy's and the pages' copies of this module).
const STATE = Symbol.for('framescope.searchStored');
const state = ((globalThis as Record<symbol, unknown>)[STATE] ??= { indexes: new WeakMap() }) as {
  indexes: WeakMap<Bundle, SearchableIndex>;
};
// Per bundle, the answers of its most recent searches.
const searches = backgroundReads<Occurrences | null>('searchReads', 8, "a search's articles");

/** The bundle's version's word index (its head read once, its parts as searches need them); null for a pinned version or while none is stored. */
export function wordIndexOf(b: Bundle): SearchableIndex | null {
  const hit = state.indexes.get(b);
  if (hit) return hit;
  if (!b.storeKey) return null;
  const store = currentStore();
  const { scope, version } = b.storeKey;
  // Not remembered while missing: the watcher's preparation stores it for a version made before it existed. Only the
  // head is read here; a search reads the parts its words fall in (lib/store/wordIndexParts.ts).
  const ix = openWordIndex(store, scope, version);
  if (ix && ix.articles === b.meta.articles.length) state.indexes.set(b, ix);
  return ix && ix.articles === b.meta.articles.length ? ix : null;
}

/**
 * The stored index and postings a search of this view is answered from, or null when it is answered as before: outside
 * the production server, under a provenance filter or "same stories only" (the index holds neither), while either is
 * not stored, or for a bundle that cannot read its articles alone.
 */
export function searchIndexFor(b: Bundle, q: TextQuery): { index: SearchableIndex; postings: MentionPostings } | null {
  if (!backgroundOnly() || (q.provenance ?? 'all') !== 'all' || q.subset.shared !== null) return null;
  if (!articlesAt(b, [], { done: 0 })) return null;
  const index = wordIndexOf(b);
  const postings = index && postingsOf(b);
  return index && postings ? { index, postings } : null;
}

/**
 * A search's occurrences (the same as `occurrences` over the view's whole text) from the index: at once when its
 * matching articles number up to drillHereArticles(), else read in the background in steps while this throws an
 * AnalysingError at the loading stage. Null when an article cannot be read alone (the whole text answers then).
 */
export function indexedOccurrences(
  b: Bundle,
  stored: { index: SearchableIndex; postings: MentionPostings },
  q: TextQuery,
  members: ReadonlySet<string> | null,
  pattern: SearchPattern,
  titles: () => ReadonlyMap<string, string>,
): Occurrences | null {
  const key = JSON.stringify([pattern.source, q.voice, q.scope, q.subset.from, q.subset.to, members && [...members]]);
  return searches.answer(b, key, b.meta.id, (progress) => {
    const plan = planSearch(b, stored, q, members, pattern);
    const steps = foundSteps(b, plan, q, members, pattern, titles, progress);
    return steps && { total: plan.read.length, steps };
  });
}

// Per bundle, its most recent pattern words' occurrences per article (one Int32Array per word: 4 MB at 1,000,000).
const wordReads = backgroundReads<Int32Array>('searchWordHits', 8, "a pattern's word index parts");

/** Up to how many word-index parts (about 1 MB each) a search reads on the request that asks. */
export const PARTS_HERE = 4;

/**
 * A pattern word's occurrences per article under a reading, from the index parts it can match words in: read here
 * when they number up to PARTS_HERE (a literal word reads one), else, for a word with no literal head (`*ists` reads
 * every part), in the background one part per step while this throws an AnalysingError at the loading stage. Its
 * progress counts the articles whose index is read (the parts read so far of the version's articles, in proportion).
 */
export function wordHits(
  b: Bundle,
  ix: SearchableIndex,
  parts: readonly string[],
  r: { voice: TextQuery['voice']; scope: TextQuery['scope'] },
): Int32Array {
  const key = JSON.stringify([parts, r.voice, r.scope]);
  return wordReads.answer(b, key, b.meta.id, (progress) => {
    const reads = ix.partReads(parts);
    const steps = (function* (): Generator<void, Int32Array, void> {
      const hits = new Int32Array(ix.articles);
      for (let k = 0; k < reads.length; k++) {
        if (k > 0) yield;
        const part = reads[k]();
        addHits(part, matchingWords(part, parts), r, hits);
        progress.done = Math.floor((ix.articles * (k + 1)) / reads.length);
      }
      return hits;
    })();
    // In articles, as the loading page counts: PARTS_HERE parts' share of the version's articles.
    const here = reads.length <= PARTS_HERE ? ix.articles : Math.floor((ix.articles * PARTS_HERE) / reads.length);
    return { total: ix.articles, steps, here };
  })!;
}

/** What a search reads: the per-outlet counts known from the index, and the articles to read (version positions). */
interface Plan {
  counts: Occurrences['counts'];
  /** The first word's occurrences per article (a single word's hits). */
  hits: Int32Array;
  /** Whether the counts' hits and articles are known (one word) or come from reading the articles (a phrase). */
  counted: boolean;
  read: number[];
}

function planSearch(
  b: Bundle,
  stored: { index: SearchableIndex; postings: MentionPostings },
  q: TextQuery,
  members: ReadonlySet<string> | null,
  pattern: SearchPattern,
): Plan {
  const { index: ix, postings } = stored;
  const r = { voice: q.voice, scope: q.scope };
  const k = OPTION_SETS.findIndex((o) => o.voice === q.voice && o.scope === q.scope);
  const counts = new Map(
    b.meta.outlets.map((o) => [o.id, { outlet: o.id, hits: 0, articles: 0, articlesTotal: 0, tokens: 0, per1k: 0 }]),
  );
  // Each word's occurrences per article; a phrase's articles must hold every word (in the view's reading).
  const perWord = pattern.words.map((parts) => wordHits(b, ix, parts, r));
  const counted = pattern.words.length === 1;
  const read: number[] = [];
  b.meta.articles.forEach((a, i) => {
    const c = counts.get(a.outlet);
    if (!c || !hasSentences(ix, i, r) || !dateKept(a.date ?? null, q.subset)) return;
    c.articlesTotal++;
    c.tokens += postings.summary[i * SUMMARY_FIELDS + k * 4];
    if (!perWord.every((h) => h[i] > 0)) return;
    if (counted) {
      c.hits += perWord[0][i];
      c.articles++;
      if (!members || members.has(a.outlet)) read.push(i);
    } else read.push(i);
  });
  for (const c of counts.values()) c.per1k = c.tokens ? (c.hits / c.tokens) * 1000 : 0;
  return { counts: [...counts.values()], hits: perWord[0], counted, read };
}

// Reads the plan's articles LOAD_STEP at a time and keeps only their rows (and, for a phrase, their counts).
function foundSteps(
  b: Bundle,
  plan: Plan,
  q: TextQuery,
  members: ReadonlySet<string> | null,
  pattern: SearchPattern,
  titles: () => ReadonlyMap<string, string>,
  progress: { done: number },
): Generator<void, Occurrences | null, void> | null {
  if (!articlesAt(b, [], { done: 0 })) return null;
  const outlets = b.meta.outlets.map((o) => o.id);
  return (function* (): Generator<void, Occurrences | null, void> {
    const rows: Occurrences['rows'] = [];
    const found = new Map(plan.counts.map((c) => [c.outlet, { hits: 0, articles: 0 }]));
    for (let s = 0; s < plan.read.length; s += LOAD_STEP) {
      if (s > 0) yield;
      const part = plan.read.slice(s, s + LOAD_STEP);
      const steps = articlesAt(b, part, { done: 0 });
      const got = steps && (yield* steps);
      if (!got) return null;
      const analyses = got.map((x) => x.analysis);
      const texts = articleTextsOf(analyses, b.meta.lexicon.groups, null, q);
      const o = occurrences(
        analyses.map((analysis, i) => ({ analysis, text: texts[i] })),
        outlets,
        titles(),
        members,
        { kind: 'search', pattern },
      );
      for (const row of o.rows) rows.push(row);
      for (const c of o.counts) {
        const f = found.get(c.outlet)!;
        f.hits += c.hits;
        f.articles += c.articles;
      }
      progress.done += part.length;
    }
    const counts = plan.counted
      ? plan.counts
      : plan.counts.map((c) => {
          const f = found.get(c.outlet)!;
          return { ...c, hits: f.hits, articles: f.articles, per1k: c.tokens ? (f.hits / c.tokens) * 1000 : 0 };
        });
    return { counts, rows };
  })();
}

/** One page of a single word's or pattern's sentences in position order, with the counts and the rows' total. */
export interface IndexedPage {
  counts: Occurrences['counts'];
  rows: Paged<KwicRow>;
  unfiltered: number;
}

/**
 * One page of a single word or pattern's sentences in position order (no text query), as pageOf over every row would
 * give it: the rows' total and articles come from the postings, and only the articles holding the page's rows are read
 * (at most PAGE_SIZE), here. Null for a phrase, when ids tie in the position order, or an article cannot be read alone.
 */
export function indexedPage(
  b: Bundle,
  stored: { index: SearchableIndex; postings: MentionPostings },
  q: TextQuery,
  members: ReadonlySet<string> | null,
  pattern: SearchPattern,
  titles: () => ReadonlyMap<string, string>,
  page: number,
): IndexedPage | null {
  const ranks = pattern.words.length === 1 ? ranksOf(b) : null;
  if (!ranks) return null;
  const plan = planSearch(b, stored, q, members, pattern);
  const order = plan.read.sort((x, y) => ranks[x] - ranks[y]);
  let total = 0;
  for (const i of order) total += plan.hits[i];
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const p = Math.min(Math.max(1, Math.floor(page)), pages);
  const from = (p - 1) * PAGE_SIZE;
  // The articles whose rows cover [from, from + PAGE_SIZE), and where the page starts in the first one's rows.
  const read: number[] = [];
  let before = 0;
  let skip = 0;
  for (const i of order) {
    const n = plan.hits[i];
    if (before + n > from && before < from + PAGE_SIZE) {
      if (read.length === 0) skip = from - before;
      read.push(i);
    }
    before += n;
    if (before >= from + PAGE_SIZE) break;
  }
  const steps = articlesAt(b, read, { done: 0 });
  let r = steps?.next();
  while (r && !r.done) r = steps!.next();
  if (!r?.value) return null;
  const analyses = r.value.map((x) => x.analysis);
  const texts = articleTextsOf(analyses, b.meta.lexicon.groups, null, q);
  const found = occurrences(
    analyses.map((analysis, i) => ({ analysis, text: texts[i] })),
    b.meta.outlets.map((o) => o.id),
    titles(),
    members,
    { kind: 'search', pattern },
  );
  const shown = sortKwic(found.rows, 'position').slice(skip, skip + PAGE_SIZE);
  return {
    counts: plan.counts,
    rows: {
      rows: shown,
      page: p,
      pages,
      total,
      first: shown.length ? from + 1 : 0,
      last: from + shown.length,
      articles: order.length,
    },
    unfiltered: total,
  };
}
