import { entityTerms } from './entities';

/**
 * Stories: articles on the same event, grouped by text similarity within a date window.
 *
 * Method (README "Stories"): each dated article becomes a TF-IDF vector of its words (letters only, 4+ letters, a
 * short stop list removed; weight (1 + ln tf) x ln(N / df), kept to its VECTOR_TERMS heaviest terms, unit length).
 * Candidate pairs come only from shared rare terms: each article's KEY_TERMS heaviest terms that occur in at most
 * RARE_SHARE of articles, looked up in per-term lists sorted by date, within WINDOW_DAYS either side (at most
 * MAX_SCAN neighbours per term), so the work grows with the number of articles, not its square. Two rules link a
 * pair: (1) at least MIN_SHARED shared key terms and a word cosine of at least MIN_COSINE; (2) for articles of
 * different outlets, at least MIN_SHARED_ENTITIES shared entity keys (names under a transliteration-tolerant key and
 * numbers, lib/stories/entities.ts: the ENTITY_KEYS heaviest held by at most ENTITY_RARE_SHARE of articles), an
 * entity cosine of at least MIN_ENTITY_COSINE and a word cosine of at least MIN_ENTITY_TEXT_COSINE. A story is a
 * connected group of two or more linked articles. Undated articles are in no story (a story needs a date window).
 */

/** What clustering reads of an article. */
export interface StoryInput {
  id: string;
  outlet: string;
  title: string;
  date: string | null;
  text: string;
}

/** One story: its id, a label (its earliest article's title), its first and last date and its articles. */
export interface Story {
  id: string;
  label: string;
  from: string;
  to: string;
  /** Article ids, by date then id. */
  articles: string[];
  outlets: string[];
}

/** The thresholds of the method; the defaults are the ones documented in the README. */
export interface StoryOptions {
  windowDays: number;
  minCosine: number;
  minShared: number;
  keyTerms: number;
  vectorTerms: number;
  rareShare: number;
  maxScan: number;
  /** Entity keys per article (names and numbers, rarest-weighted first) used to find candidates; 0: no entity rule. */
  entityKeys: number;
  /** An entity key occurs in at most this share of articles. */
  entityRareShare: number;
  /** A pair linked by the entity rule shares at least this many entity keys ... */
  minSharedEntities: number;
  /** ... with an entity cosine of at least this ... */
  minEntityCosine: number;
  /** ... and a word cosine of at least this (so a shared place and toll on different events do not link). */
  minEntityTextCosine: number;
}

/** The documented thresholds (README "Stories"). */
export const STORY_DEFAULTS: StoryOptions = {
  windowDays: 3,
  minCosine: 0.3,
  minShared: 2,
  keyTerms: 10,
  vectorTerms: 40,
  rareShare: 0.02,
  maxScan: 200,
  entityKeys: 6,
  entityRareShare: 0.1,
  minSharedEntities: 2,
  minEntityCosine: 0.3,
  minEntityTextCosine: 0.1,
};

const STOP = new Set(
  (
    'that this with from have were been they their there which when what will would also about after into than ' +
    'them then more most some such only other over said says told while where these those being could should ' +
    'its it’s just very many much even both each said. against between during under since before because still ' +
    'according reported report reports news people year years week last first time including among well ' +
    'monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);

// Combining marks belong to their word (lower-cased İ is i + a combining dot).
const WORD = /[\p{L}\p{M}]+/gu;

/** The words an article's vector is built from: lower-cased runs of letters of 4+ letters, stop words left out. */
export function storyWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) if (m[0].length >= 4 && !STOP.has(m[0])) out.push(m[0]);
  return out;
}

/**
 * A unit-length sparse vector over term ids: `ids` and `weights` heaviest first (ties by word), and the same terms
 * sorted by id (`sortedIds`, `sortedWeights`) for lookups. Typed arrays rather than a Map per article: a million
 * articles hold two vectors each.
 */
export interface Vector {
  ids: Int32Array;
  weights: Float64Array;
  sortedIds: Int32Array;
  sortedWeights: Float64Array;
}

/** Term ids, given in the order terms are first kept in a vector, and each term's document frequency by id. */
interface Terms {
  idOf: Map<string, number>;
  df: number[];
}

/** The vector of term ids and their weights, given heaviest first. */
export function vectorOf(ids: readonly number[], weights: readonly number[]): Vector {
  const order = ids.map((_, k) => k).sort((x, y) => ids[x] - ids[y]);
  return {
    ids: Int32Array.from(ids),
    weights: Float64Array.from(weights),
    sortedIds: Int32Array.from(order, (k) => ids[k]),
    sortedWeights: Float64Array.from(order, (k) => weights[k]),
  };
}

function tfidf(words: string[], df: Map<string, number>, n: number, keep: number, terms: Terms): Vector {
  const tf = new Map<string, number>();
  for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
  const weighted = [...tf].map(([w, c]): [string, number] => [w, (1 + Math.log(c)) * Math.log(n / df.get(w)!)]);
  // Heaviest first, ties by word so the vector does not depend on word order in the text.
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = weighted.slice(0, keep).filter(([, x]) => x > 0);
  const norm = Math.sqrt(top.reduce((s, [, x]) => s + x * x, 0)) || 1;
  const ids = top.map(([w]) => {
    let id = terms.idOf.get(w);
    if (id === undefined) {
      terms.idOf.set(w, (id = terms.df.length));
      terms.df.push(df.get(w)!);
    }
    return id;
  });
  return vectorOf(
    ids,
    top.map(([, x]) => x / norm),
  );
}

// The weight of term `id` in v, or 0: a binary search of its sorted ids.
function weightIn(v: Vector, id: number): number {
  let lo = 0;
  let hi = v.sortedIds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.sortedIds[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < v.sortedIds.length && v.sortedIds[lo] === id ? v.sortedWeights[lo] : 0;
}

/** The cosine of two unit-length sparse vectors: summed over the shorter one's terms, heaviest first. */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.ids.length <= b.ids.length ? [a, b] : [b, a];
  let s = 0;
  for (let k = 0; k < small.ids.length; k++) s += small.weights[k] * weightIn(large, small.ids[k]);
  return s;
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

function dayNumber(date: string): number {
  return Math.round(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000);
}

// First index in a list sorted by day with day >= target.
function lowerBound(days: number[], list: number[], target: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[list[mid]] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * TF-IDF vectors (heaviest `keep` terms, unit length) of `count` term lists, with each kept term's document frequency
 * by id. A
 * list is made twice (`termsOf(i)`, once for the frequencies, once for its vector) rather than every list held at
 * once: all articles' word lists took about 30 KB per article, 29 GB at 1,000,000 (bench/step-memory.ts).
 */
function weighted(
  count: number,
  termsOf: (i: number) => string[],
  n: number,
  keep: number,
): { vectors: Vector[]; df: number[] } {
  const df = new Map<string, number>();
  for (let i = 0; i < count; i++) for (const w of new Set(termsOf(i))) df.set(w, (df.get(w) ?? 0) + 1);
  const terms: Terms = { idOf: new Map(), df: [] };
  return { vectors: Array.from({ length: count }, (_, i) => tfidf(termsOf(i), df, n, keep, terms)), df: terms.df };
}

/** Each vector's `count` heaviest terms held by at most `maxDf` articles. */
function keyTerms(vectors: Vector[], df: readonly number[], maxDf: number, count: number): number[][] {
  return vectors.map((v) => [...v.ids].filter((id) => df[id] <= maxDf).slice(0, count));
}

/**
 * Calls `visit(i, j, shared)` once for each pair of articles i < j dated within the window that share key terms, with
 * how many: per-term lists sorted by date, at most maxScan later neighbours read per term.
 */
function forCandidates(
  keys: number[][],
  days: number[],
  o: StoryOptions,
  visit: (i: number, j: number, shared: number) => void,
): void {
  const postings = new Map<number, number[]>();
  keys.forEach((ks, i) => {
    for (const w of ks) {
      let list = postings.get(w);
      if (!list) postings.set(w, (list = []));
      list.push(i);
    }
  });
  for (let i = 0; i < keys.length; i++) {
    const shared = new Map<number, number>();
    for (const w of keys[i]) {
      const list = postings.get(w)!;
      // Only later neighbours (j > i), so each pair is looked at once.
      let k = lowerBound(days, list, days[i]);
      for (let seen = 0; k < list.length && seen < o.maxScan; k++) {
        const j = list[k];
        if (days[j] > days[i] + o.windowDays) break;
        if (j <= i) continue;
        seen++;
        shared.set(j, (shared.get(j) ?? 0) + 1);
      }
    }
    for (const [j, count] of shared) visit(i, j, count);
  }
}

/** Groups articles into stories by the method above; stories are ordered by first date, then id. */
export function clusterStories(articles: StoryInput[], o: StoryOptions = STORY_DEFAULTS): Story[] {
  const dated = articles
    .filter((a): a is StoryInput & { date: string } => a.date !== null)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = dated.length;
  if (n < 2) return [];
  const vectors = weighted(n, (i) => storyWords(`${dated[i].title}\n${dated[i].text}`), n, o.vectorTerms);
  const days = dated.map((a) => dayNumber(a.date));
  const parent = dated.map((_, i) => i);
  const link = (i: number, j: number) => (parent[find(parent, j)] = find(parent, i));
  // Rule 1: shared rare words and a word cosine of at least minCosine.
  const keys = keyTerms(vectors.vectors, vectors.df, Math.max(2, Math.floor(o.rareShare * n)), o.keyTerms);
  forCandidates(keys, days, o, (i, j, shared) => {
    if (shared >= o.minShared && cosine(vectors.vectors[i], vectors.vectors[j]) >= o.minCosine) link(i, j);
  });
  // Rule 2: shared rare names and numbers (transliteration-tolerant), for reports of one event in different words.
  if (o.entityKeys > 0) {
    const entities = weighted(n, (i) => entityTerms(dated[i].text), n, o.vectorTerms);
    const eKeys = keyTerms(entities.vectors, entities.df, Math.max(2, Math.floor(o.entityRareShare * n)), o.entityKeys);
    forCandidates(eKeys, days, o, (i, j, shared) => {
      // Within one outlet, names recur across its reports of different events (its sources, its correspondents).
      if (
        dated[i].outlet !== dated[j].outlet &&
        shared >= o.minSharedEntities &&
        cosine(entities.vectors[i], entities.vectors[j]) >= o.minEntityCosine &&
        cosine(vectors.vectors[i], vectors.vectors[j]) >= o.minEntityTextCosine
      )
        link(i, j);
    });
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(parent, i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(i);
  }
  const stories: Story[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    // Members are in date order because indices are.
    const first = dated[members[0]];
    stories.push({
      id: `story-${first.id}`.slice(0, 64).replace(/-+$/, ''),
      label: first.title,
      from: first.date,
      to: dated[members[members.length - 1]].date,
      articles: members.map((i) => dated[i].id),
      outlets: [...new Set(members.map((i) => dated[i].outlet))].sort(),
    });
  }
  return stories.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.id < b.id ? -1 : 1));
}

/** Each article's story id (articles in no story are absent). */
export function storyOfArticle(stories: Story[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of stories) for (const a of s.articles) out.set(a, s.id);
  return out;
}

/**
 * The stories every one of several article sets covers (each set: the outlets of one compared outlet or group), and
 * the articles of those stories that belong to any of the sets.
 */
export function sharedStories(stories: Story[], sides: Set<string>[], outletOf: Map<string, string>): Story[] {
  return stories.filter((s) => sides.every((side) => s.articles.some((a) => side.has(outletOf.get(a) ?? ''))));
}
