import { counted, type Filters } from './filters';
import { UNATTRIBUTED } from '../lexicon/parse';
import { SECTIONS, type Section, type Sentence, type Voice } from '../types';
import type { ArticleAnalysis } from './article';

/** Sentences with at least one word: how many had each (integer) AFINN score, and their summed words and score. */
export interface SentenceStats {
  histogram: Map<number, number>;
  sentences: number;
  words: number;
  score: number;
}

/** Whether a sentence statistic reads every word or only the outlet's own voice. */
export type WordKind = 'all' | 'own';

/**
 * Everything the export's statistics need from one outlet's articles, kept by section and voice so any
 * option set can be read off it, and additive: adding an article only adds its own counts.
 */
export interface OutletTally {
  articles: number;
  tokens: Record<Section, { all: number; own: number }>;
  /** Mentions by `group/variant`, section and voice. */
  mentions: Map<string, Record<Section, Record<Voice, number>>>;
  sentences: Record<Section, Record<WordKind, SentenceStats>>;
  /** Attributed labels by `actor/group/variant` (first-seen order), section and voice. */
  actorLabels: Map<string, Record<Section, Record<Voice, number>>>;
  /** Sentences naming each actor, by section and word kind. */
  actorTone: Map<string, Record<Section, Record<WordKind, SentenceStats>>>;
  /** Mentions set aside from their group's counts, by `group/variant/reason`, section and voice. */
  setAside: Map<string, Record<Section, Record<Voice, number>>>;
  /**
   * Article-level sums of the mentions counted under each voice and scope, for the article-level (cluster) intervals.
   */
  clusters: Record<ClusterView, ClusterTally>;
}

/** A voice and scope option pair, `voice/scope`: which mentions an article-level sum counts. */
export type ClusterView = 'all/all' | 'all/body' | 'own/all' | 'own/body';

/** The four voice and scope pairs, in a fixed order. */
export const CLUSTER_VIEWS: readonly ClusterView[] = ['all/all', 'all/body', 'own/all', 'own/body'];

const VIEW_FILTERS: readonly Filters[] = CLUSTER_VIEWS.map((v) => {
  const [voice, scope] = v.split('/') as [Filters['voice'], Filters['scope']];
  return { voice, scope };
});

/**
 * Sums over articles that the article-level intervals read (lib/stats/cluster.ts), additive like the rest of the tally:
 * how many articles mention a group (key: group id) or a variant (key: `group/variant`), and for variants v, w of one
 * group, the sum over articles of count(v) x count(w), as products.get(v).get(w).
 */
export interface ClusterTally {
  articles: Map<string, number>;
  products: Map<string, Map<string, number>>;
}

function stats(): SentenceStats {
  return { histogram: new Map(), sentences: 0, words: 0, score: 0 };
}

function bySection<T>(make: () => T): Record<Section, T> {
  return { title: make(), caption: make(), body: make() };
}

const voices = () => ({ own: 0, quoted: 0 });
const kinds = () => ({ all: stats(), own: stats() });
const clusterTally = (): ClusterTally => ({ articles: new Map(), products: new Map() });

/** A tally with nothing in it. */
export function emptyTally(): OutletTally {
  return {
    articles: 0,
    tokens: bySection(() => ({ all: 0, own: 0 })),
    mentions: new Map(),
    sentences: bySection(kinds),
    actorLabels: new Map(),
    actorTone: new Map(),
    setAside: new Map(),
    clusters: {
      'all/all': clusterTally(),
      'all/body': clusterTally(),
      'own/all': clusterTally(),
      'own/body': clusterTally(),
    },
  };
}

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function productRow(c: ClusterTally, key: string): Map<string, number> {
  let row = c.products.get(key);
  if (!row) c.products.set(key, (row = new Map()));
  return row;
}

/** Adds one article's counted mentions, grouped by term group, to each view's article-level sums. */
function addClusters(t: OutletTally, a: ArticleAnalysis): void {
  if (a.mentions.length === 0) return;
  // group id -> `group/variant` -> the article's count under each view, in CLUSTER_VIEWS order; one pass over the
  // mentions.
  const groups = new Map<string, Map<string, number[]>>();
  for (const m of a.mentions) {
    // Set-aside mentions are not counted in their group, so they are no part of its article-level sums either.
    if (m.setAside) continue;
    let byVariant = groups.get(m.group);
    if (!byVariant) groups.set(m.group, (byVariant = new Map()));
    const key = `${m.group}/${m.variant}`;
    let c = byVariant.get(key);
    if (!c) byVariant.set(key, (c = [0, 0, 0, 0]));
    VIEW_FILTERS.forEach((f, i) => {
      if (counted(m, f)) c[i]++;
    });
  }
  CLUSTER_VIEWS.forEach((view, i) => {
    const sums = t.clusters[view];
    for (const [group, byVariant] of groups) {
      let mentioned = false;
      for (const [v, c] of byVariant) {
        if (c[i] === 0) continue;
        mentioned = true;
        bump(sums.articles, v, 1);
        const row = productRow(sums, v);
        for (const [w, cw] of byVariant) if (cw[i] > 0) bump(row, w, c[i] * cw[i]);
      }
      if (mentioned) bump(sums.articles, group, 1);
    }
  });
}

function addStats(s: SentenceStats, score: number, words: number, times = 1): void {
  s.histogram.set(score, (s.histogram.get(score) ?? 0) + times);
  s.sentences += times;
  s.words += words * times;
  s.score += score * times;
}

function addSentence(target: Record<WordKind, SentenceStats>, s: Sentence): void {
  // A sentence that is all quotation has no own-voice words and is not an own-voice sentence.
  if (s.words > 0) addStats(target.all, s.score, s.words);
  if (s.ownWords > 0) addStats(target.own, s.ownScore, s.ownWords);
}

function counter<K>(
  map: Map<K, Record<Section, Record<Voice, number>>>,
  key: K,
): Record<Section, Record<Voice, number>> {
  let c = map.get(key);
  if (!c) map.set(key, (c = bySection(voices)));
  return c;
}

/** Adds one analysed article to its outlet's tally in place. */
export function addToTally(t: OutletTally, a: ArticleAnalysis, attributed: Set<string>): void {
  t.articles++;
  for (const section of SECTIONS) {
    t.tokens[section].all += a.tokens[section].all;
    t.tokens[section].own += a.tokens[section].own;
  }
  for (const m of a.mentions) {
    if (m.setAside) counter(t.setAside, `${m.group}/${m.variant}/${m.setAside}`)[m.section][m.voice]++;
    else counter(t.mentions, `${m.group}/${m.variant}`)[m.section][m.voice]++;
    if (!attributed.has(m.group)) continue;
    // A label naming two actors ("terror groups such as Daesh and the PYD") counts once for each.
    for (const actor of m.actors.length ? m.actors : [UNATTRIBUTED])
      counter(t.actorLabels, `${actor}/${m.group}/${m.variant}`)[m.section][m.voice]++;
  }
  addClusters(t, a);
  a.sentences.forEach((s, i) => {
    addSentence(t.sentences[s.section], s);
    for (const actor of a.sentenceActors[i] ?? []) {
      let tone = t.actorTone.get(actor);
      if (!tone) t.actorTone.set(actor, (tone = bySection(kinds)));
      addSentence(tone[s.section], s);
    }
  });
}

function mergeStats(into: SentenceStats, from: SentenceStats): void {
  for (const [score, n] of from.histogram) into.histogram.set(score, (into.histogram.get(score) ?? 0) + n);
  into.sentences += from.sentences;
  into.words += from.words;
  into.score += from.score;
}

function mergeCounters(
  into: Map<string, Record<Section, Record<Voice, number>>>,
  from: Map<string, Record<Section, Record<Voice, number>>>,
): void {
  for (const [key, c] of from) {
    const target = counter(into, key);
    for (const section of SECTIONS) {
      target[section].own += c[section].own;
      target[section].quoted += c[section].quoted;
    }
  }
}

function mergeClusters(into: ClusterTally, from: ClusterTally): void {
  for (const [key, n] of from.articles) bump(into.articles, key, n);
  for (const [v, row] of from.products) {
    const target = productRow(into, v);
    for (const [w, n] of row) bump(target, w, n);
  }
}

/** The sum of several tallies (an outlet group from its members), in their order. */
export function mergeTallies(parts: OutletTally[]): OutletTally {
  const t = emptyTally();
  for (const p of parts) {
    t.articles += p.articles;
    for (const section of SECTIONS) {
      t.tokens[section].all += p.tokens[section].all;
      t.tokens[section].own += p.tokens[section].own;
      mergeStats(t.sentences[section].all, p.sentences[section].all);
      mergeStats(t.sentences[section].own, p.sentences[section].own);
    }
    mergeCounters(t.mentions, p.mentions);
    mergeCounters(t.actorLabels, p.actorLabels);
    mergeCounters(t.setAside, p.setAside);
    for (const view of CLUSTER_VIEWS) mergeClusters(t.clusters[view], p.clusters[view]);
    for (const [actor, tone] of p.actorTone) {
      let target = t.actorTone.get(actor);
      if (!target) t.actorTone.set(actor, (target = bySection(kinds)));
      for (const section of SECTIONS) {
        mergeStats(target[section].all, tone[section].all);
        mergeStats(target[section].own, tone[section].own);
      }
    }
  }
  return t;
}

/**
 * The merged tally of some outlets (an outlet group, "the others", the whole corpus); outlets without articles add
 * nothing.
 */
export function tallyOfOutlets(byOutlet: Map<string, OutletTally>, outlets: Iterable<string>): OutletTally {
  return mergeTallies([...outlets].flatMap((o) => byOutlet.get(o) ?? []));
}

/** Tallies of every outlet's articles, keyed by outlet id (outlets without articles are absent). */
export function tallyByOutlet(analyses: ArticleAnalysis[], attributed: Set<string>): Map<string, OutletTally> {
  const out = new Map<string, OutletTally>();
  for (const a of analyses) addToOutlet(out, a, attributed);
  return out;
}

/** Adds one article to its outlet's tally in a map of outlet tallies, starting the tally if needed. */
export function addToOutlet(byOutlet: Map<string, OutletTally>, a: ArticleAnalysis, attributed: Set<string>): void {
  let t = byOutlet.get(a.outlet);
  if (!t) byOutlet.set(a.outlet, (t = emptyTally()));
  addToTally(t, a, attributed);
}

/** Sentence statistics of the sections in scope for one word kind, summed. */
export function sentenceStats(
  by: Record<Section, Record<WordKind, SentenceStats>>,
  sections: Section[],
  kind: WordKind,
): SentenceStats {
  const s = stats();
  for (const section of sections) mergeStats(s, by[section][kind]);
  return s;
}
