import { informativePrior, logOdds } from '../stats/logOdds';
import { meanInterval } from '../stats/intervals';
import { shareIntervals, stanceInterval, type GroupClusters } from '../stats/cluster';
import { benjaminiHochberg, twoSidedP } from '../stats/fdr';
import { SET_ASIDE, type AnalysisOptions, type Corpus } from '../types';
import type { ArticleAnalysis } from './article';
import { sentenceExcerpt } from './excerpt';
import { counted, inScope, scopeSections, sentenceReading, voiceCount, voiceTokens } from './filters';
import { UNATTRIBUTED } from '../lexicon/parse';
import type {
  ActorLabelRow,
  ActorToneRow,
  AnalysisExport,
  CountRow,
  DistinctiveRow,
  MentionRow,
  SentimentRow,
  SetAsideRow,
  StanceRow,
} from './exportTypes';
import {
  sentenceStats,
  tallyByOutlet,
  tallyOfOutlets,
  type ClusterTally,
  type OutletTally,
  type SentenceStats,
} from './tallies';

/** What the statistics read of a corpus: everything but its articles (a restart has no article text to give). */
export type StatsCorpus = Omit<Corpus, 'articles'>;
/** An outlet or outlet group: the unit every statistic is computed for. */
export interface Entity {
  id: string;
  members: Set<string>;
}

/**
 * Per-variant tallies of one entity: variant key "group/variant"; clusters are the article-level sums under the same
 * options.
 */
export interface Tally {
  counts: Map<string, { count: number; own: number; quoted: number }>;
  tokens: number;
  articles: number;
  clusters: ClusterTally;
}

/** Default prior strength: ten pseudo-mentions per term group, spread by corpus-wide shares. */
export const DEFAULT_ALPHA0 = 10;

/** Default options: every voice, every section, the default prior. */
export const DEFAULT_OPTIONS: AnalysisOptions = { voice: 'all', scope: 'all', alpha0: DEFAULT_ALPHA0 };

/** Every outlet, then every outlet group, as entities. */
export function entitiesOf(corpus: StatsCorpus): Entity[] {
  return [
    ...corpus.outlets.map((o) => ({ id: o.id, members: new Set([o.id]) })),
    ...corpus.outletGroups.map((g) => ({ id: g.id, members: new Set(g.members) })),
  ];
}

function tokensOf(a: ArticleAnalysis, o: AnalysisOptions): number {
  let n = 0;
  for (const [section, t] of Object.entries(a.tokens)) if (inScope(section, o)) n += voiceTokens(t, o);
  return n;
}

/** Reads the counted mentions and tokens under the options off an outlet (or merged) tally. */
export function viewTally(t: OutletTally, o: AnalysisOptions): Tally {
  const sections = scopeSections(o);
  const counts = new Map<string, { count: number; own: number; quoted: number }>();
  for (const [key, by] of t.mentions) {
    const c = { count: 0, own: 0, quoted: 0 };
    for (const section of sections) {
      c.own += by[section].own;
      c.quoted += by[section].quoted;
    }
    c.count = voiceCount(c.own, c.quoted, o);
    if (c.own + c.quoted > 0) counts.set(key, c);
  }
  let tokens = 0;
  for (const section of sections) tokens += voiceTokens(t.tokens[section], o);
  return { counts, tokens, articles: t.articles, clusters: t.clusters[`${o.voice}/${o.scope}`] };
}

type Group = Corpus['lexicon']['groups'][number];

/** One entity's article-level sums of one term group, in variant order. */
export function groupClusters(t: Tally, g: Group): GroupClusters {
  const keys = keysOf(g);
  return {
    counts: keys.map((k) => t.counts.get(k)?.count ?? 0),
    products: keys.map((v) => {
      const row = t.clusters.products.get(v);
      return keys.map((w) => row?.get(w) ?? 0);
    }),
    articles: t.clusters.articles.get(g.id) ?? 0,
  };
}

function countRows(corpus: StatsCorpus, entity: Entity, t: Tally): CountRow[] {
  const rows: CountRow[] = [];
  for (const g of corpus.lexicon.groups) {
    const clusters = groupClusters(t, g);
    const groupTotal = clusters.counts.reduce((s, y) => s + y, 0);
    const intervals = shareIntervals(clusters);
    g.variants.forEach((v, i) => {
      const key = keysOf(g)[i];
      const c = t.counts.get(key) ?? { count: 0, own: 0, quoted: 0 };
      const ci = intervals[i];
      rows.push({
        outlet: entity.id,
        group: g.id,
        variant: v.id,
        count: c.count,
        own: c.own,
        quoted: c.quoted,
        groupTotal,
        tokens: t.tokens,
        per1k: t.tokens > 0 ? (1000 * c.count) / t.tokens : 0,
        share: groupTotal > 0 ? c.count / groupTotal : null,
        shareLow: ci?.low ?? null,
        shareHigh: ci?.high ?? null,
        articles: t.clusters.articles.get(key) ?? 0,
        groupArticles: clusters.articles,
        nEff: ci?.nEff ?? null,
      });
    });
  }
  return rows;
}

function stanceRows(corpus: StatsCorpus, entity: Entity, t: Tally): StanceRow[] {
  return corpus.lexicon.groups.map((g) => {
    const clusters = groupClusters(t, g);
    return {
      outlet: entity.id,
      group: g.id,
      ...stanceInterval(
        clusters,
        g.variants.map((v) => v.stance),
      ),
      articles: clusters.articles,
    };
  });
}

// An export compares every pair of outlets, so the per-group keys and the corpus-wide prior are made once, not per
// pair.
const variantKeys = new WeakMap<Group, string[]>();
const priors = new WeakMap<Tally, Map<string, number[]>>();

function keysOf(g: Group): string[] {
  let keys = variantKeys.get(g);
  if (!keys) variantKeys.set(g, (keys = g.variants.map((v) => `${g.id}/${v.id}`)));
  return keys;
}

function priorOf(whole: Tally, g: Group, alpha0: number): number[] {
  let byGroup = priors.get(whole);
  if (!byGroup) priors.set(whole, (byGroup = new Map()));
  const key = `${g.id}|${alpha0}`;
  let prior = byGroup.get(key);
  if (!prior) {
    const keys = keysOf(g);
    const p = informativePrior(
      new Map(g.variants.map((v, i) => [v.id, whole.counts.get(keys[i])?.count ?? 0])),
      alpha0,
    );
    byGroup.set(key, (prior = g.variants.map((v) => p.get(v.id) ?? 0)));
  }
  return prior;
}

// Each tally's counts per group, in variant order: read once per tally, not once per pair.
const vectors = new WeakMap<Tally, Map<string, { counts: number[]; total: number }>>();

function vectorOf(t: Tally, g: Group): { counts: number[]; total: number } {
  let byGroup = vectors.get(t);
  if (!byGroup) vectors.set(t, (byGroup = new Map()));
  let v = byGroup.get(g.id);
  if (!v) {
    const counts = keysOf(g).map((k) => t.counts.get(k)?.count ?? 0);
    byGroup.set(g.id, (v = { counts, total: counts.reduce((s, x) => s + x, 0) }));
  }
  return v;
}

/**
 * Log-odds rows for every variant of every group, entity A against B, with the corpus-wide prior. The rows returned
 * are one comparison family: their Benjamini-Hochberg q-values are computed among them (README "Statistics").
 */
export function compareTallies(
  corpus: StatsCorpus,
  a: Tally,
  b: Tally,
  whole: Tally,
  aId: string,
  bId: string,
  alpha0: number,
): DistinctiveRow[] {
  const rows: DistinctiveRow[] = [];
  for (const g of corpus.lexicon.groups) {
    const prior = priorOf(whole, g, alpha0);
    const va = vectorOf(a, g);
    const vb = vectorOf(b, g);
    const keys = keysOf(g);
    for (let i = 0; i < g.variants.length; i++) {
      const r = logOdds(va.counts[i], va.total, vb.counts[i], vb.total, prior[i], alpha0);
      if (!r) continue;
      rows.push({
        outlet: aId,
        vs: bId,
        group: g.id,
        variant: g.variants[i].id,
        y: r.y,
        n: r.n,
        yOther: r.yOther,
        nOther: r.nOther,
        alpha: r.alpha,
        alpha0: r.alpha0,
        delta: r.delta,
        variance: r.variance,
        z: r.z,
        articles: a.clusters.articles.get(keys[i]) ?? 0,
        articlesOther: b.clusters.articles.get(keys[i]) ?? 0,
        p: twoSidedP(r.z),
        q: 1,
      });
    }
  }
  const q = benjaminiHochberg(rows.map((r) => r.p));
  rows.forEach((r, i) => (r.q = q[i]));
  return rows;
}

function intervalOf(st: SentenceStats): { mean: number | null; low: number | null; high: number | null } {
  // In score order, so the floating-point sums do not depend on the order the tally first saw each score (a tally
  // summed from months sees them in another order than one built article by article).
  const bins = [...st.histogram].sort((a, b) => a[0] - b[0]);
  return meanInterval(bins.map(([value, count]) => ({ value, count })));
}

function sentimentRow(t: OutletTally, id: string, o: AnalysisOptions): SentimentRow {
  const st = sentenceStats(t.sentences, scopeSections(o), o.voice);
  const m = intervalOf(st);
  return {
    outlet: id,
    articles: t.articles,
    score: st.score,
    words: st.words,
    comparative: st.words > 0 ? st.score / st.words : null,
    sentences: st.sentences,
    meanSentence: m.mean,
    meanLow: m.low,
    meanHigh: m.high,
  };
}

// One article's own sentiment under the options: summed score and the words it is read over.
function sentimentSums(a: ArticleAnalysis, o: AnalysisOptions): { score: number; words: number } {
  let score = 0;
  let words = 0;
  for (const s of a.sentences) {
    if (!inScope(s.section, o)) continue;
    const r = sentenceReading(s, o);
    if (r.words === 0) continue;
    score += r.score;
    words += r.words;
  }
  return { score, words };
}

/** One article's own sentiment under the options: summed score and score per word. */
function articleSentiment(a: ArticleAnalysis, o: AnalysisOptions): { score: number; comparative: number | null } {
  const { score, words } = sentimentSums(a, o);
  return { score, comparative: words > 0 ? score / words : null };
}

/**
 * The numbers of an article's export row under the options, without its text: tokens, counted mentions (set-aside ones
 * left out, as the row does), sentiment score and the words it is read over (comparative = score / words).
 */
export function articleCounts(
  a: ArticleAnalysis,
  o: Pick<AnalysisOptions, 'voice' | 'scope'>,
): { tokens: number; mentions: number; score: number; words: number } {
  const full = { ...DEFAULT_OPTIONS, ...o };
  let mentions = 0;
  for (const m of a.mentions) if (m.setAside === null && counted(m, full)) mentions++;
  return { tokens: tokensOf(a, full), mentions, ...sentimentSums(a, full) };
}

/** Label for mentions whose phrase names no actor. */
export const UNATTRIBUTED_LABEL = 'Unattributed';

function actorLabelRows(t: OutletTally, id: string, o: AnalysisOptions): ActorLabelRow[] {
  const rows: ActorLabelRow[] = [];
  const sections = scopeSections(o);
  for (const [key, by] of t.actorLabels) {
    let count = 0;
    for (const section of sections) count += voiceCount(by[section].own, by[section].quoted, o);
    if (count === 0) continue;
    const [actor, group, variant] = key.split('/');
    rows.push({ outlet: id, actor, group, variant, count });
  }
  return rows;
}

function actorToneRows(corpus: StatsCorpus, t: OutletTally, id: string, o: AnalysisOptions): ActorToneRow[] {
  return corpus.lexicon.actors.map((x) => {
    const tone = t.actorTone.get(x.id);
    const st = tone
      ? sentenceStats(tone, scopeSections(o), o.voice)
      : { histogram: new Map(), sentences: 0, words: 0, score: 0 };
    const m = intervalOf(st);
    return {
      outlet: id,
      actor: x.id,
      sentences: st.sentences,
      score: st.score,
      words: st.words,
      meanSentence: m.mean,
      meanLow: m.low,
      meanHigh: m.high,
    };
  });
}

function setAsideRows(corpus: StatsCorpus, t: OutletTally, id: string, o: AnalysisOptions): SetAsideRow[] {
  const rows: SetAsideRow[] = [];
  const sections = scopeSections(o);
  // Lexicon order, then reason order, so the table reads like `counts`.
  for (const g of corpus.lexicon.groups) {
    for (const v of g.variants) {
      for (const reason of SET_ASIDE) {
        const by = t.setAside.get(`${g.id}/${v.id}/${reason}`);
        if (!by) continue;
        let own = 0;
        let quoted = 0;
        for (const section of sections) {
          own += by[section].own;
          quoted += by[section].quoted;
        }
        if (own + quoted === 0) continue;
        rows.push({ outlet: id, group: g.id, variant: v.id, reason, count: voiceCount(own, quoted, o), own, quoted });
      }
    }
  }
  return rows;
}

/** The tally of everything in `whole` that is not in `part` (part must be a subset of whole). */
function minus(whole: Tally, part: Tally): Tally {
  const counts = new Map<string, { count: number; own: number; quoted: number }>();
  for (const [k, w] of whole.counts) {
    const p = part.counts.get(k) ?? { count: 0, own: 0, quoted: 0 };
    counts.set(k, { count: w.count - p.count, own: w.own - p.own, quoted: w.quoted - p.quoted });
  }
  // Every article belongs to one outlet, so article counts and per-article products subtract like mention counts.
  const clusters: ClusterTally = { articles: new Map(), products: new Map() };
  for (const [k, n] of whole.clusters.articles) clusters.articles.set(k, n - (part.clusters.articles.get(k) ?? 0));
  for (const [v, row] of whole.clusters.products) {
    const partRow = part.clusters.products.get(v);
    clusters.products.set(v, new Map([...row].map(([w, n]) => [w, n - (partRow?.get(w) ?? 0)])));
  }
  return { counts, tokens: whole.tokens - part.tokens, articles: whole.articles - part.articles, clusters };
}

/** The export's per-article and per-mention rows, which grow with the corpus (the rest is read off tallies). */
export type ExportRows = Pick<AnalysisExport, 'articles' | 'mentions'>;

/** One article's row in the export. */
export type ArticleRow = AnalysisExport['articles'][number];

/** One article's rows under the options: its summary row and its counted mentions with their sentences. */
export function articleRows(
  a: ArticleAnalysis,
  source: Corpus['articles'][number] | undefined,
  o: AnalysisOptions,
): { article: ArticleRow; mentions: MentionRow[] } {
  const mentions: MentionRow[] = [];
  for (const m of a.mentions) {
    if (!counted(m, o)) continue;
    mentions.push({
      article: m.article,
      outlet: m.outlet,
      group: m.group,
      variant: m.variant,
      start: m.start,
      end: m.end,
      text: m.text,
      section: m.section,
      voice: m.voice,
      ...sentenceExcerpt(a.text, a.sentences[m.sentence], m),
      actors: m.actors,
      actorCue: m.actorCue,
      setAside: m.setAside,
    });
  }
  const article = {
    id: a.id,
    outlet: a.outlet,
    title: source?.title ?? a.id,
    date: source?.date ?? null,
    // The mentions behind `counts`: set-aside ones are listed in `mentions` but counted in `setAside`.
    tokens: tokensOf(a, o),
    mentions: mentions.filter((m) => m.setAside === null).length,
    ...articleSentiment(a, o),
  };
  return { article, mentions };
}

/** Builds the per-article and per-mention rows of the whole corpus. */
export function exportRows(corpus: Corpus, analyses: ArticleAnalysis[], o: AnalysisOptions): ExportRows {
  const rows: ExportRows = { articles: [], mentions: [] };
  const byId = new Map(corpus.articles.map((x) => [x.id, x]));
  for (const a of analyses) {
    const r = articleRows(a, byId.get(a.id), o);
    rows.articles.push(r.article);
    for (const m of r.mentions) rows.mentions.push(m);
  }
  return rows;
}

/** The term groups whose labels are attributed to actors. */
export function attributedGroups(corpus: Pick<Corpus, 'lexicon'>): Set<string> {
  return new Set(corpus.lexicon.groups.filter((g) => g.attributeActors).map((g) => g.id));
}

/** Each outlet's and outlet group's tally, from the outlets' tallies (absent outlets count as empty). */
export function entityTallies(corpus: StatsCorpus, byOutlet: Map<string, OutletTally>): Map<string, OutletTally> {
  return new Map(
    entitiesOf(corpus).map((e) => [
      e.id,
      e.members.size === 1 && byOutlet.has(e.id) ? byOutlet.get(e.id)! : tallyOfOutlets(byOutlet, e.members),
    ]),
  );
}

/**
 * Everything in the export except the rows: counts, stance, log-odds, sentiment and actor tables, from outlet tallies.
 */
export function exportStats(
  corpus: StatsCorpus,
  byOutlet: Map<string, OutletTally>,
  o: AnalysisOptions,
): Omit<AnalysisExport, keyof ExportRows> {
  const entities = entitiesOf(corpus);
  const full = entityTallies(corpus, byOutlet);
  const tallies = new Map([...full].map(([id, t]) => [id, viewTally(t, o)]));
  const whole = viewTally(
    tallyOfOutlets(
      byOutlet,
      corpus.outlets.map((x) => x.id),
    ),
    o,
  );
  const distinctive: DistinctiveRow[] = [];
  for (const e of entities) {
    distinctive.push(
      ...compareTallies(corpus, tallies.get(e.id)!, minus(whole, tallies.get(e.id)!), whole, e.id, 'rest', o.alpha0),
    );
  }
  corpus.outlets.forEach((a, i) => {
    for (const b of corpus.outlets.slice(i + 1)) {
      distinctive.push(...compareTallies(corpus, tallies.get(a.id)!, tallies.get(b.id)!, whole, a.id, b.id, o.alpha0));
    }
  });
  return {
    corpus: {
      id: corpus.id,
      title: corpus.title,
      version: corpus.version,
      attribution: corpus.attribution,
      options: o,
    },
    outlets: corpus.outlets.map((x) => ({
      id: x.id,
      name: x.name,
      kind: x.kind,
      country: x.country,
      articles: tallies.get(x.id)!.articles,
      tokens: tallies.get(x.id)!.tokens,
    })),
    outletGroups: corpus.outletGroups.map((g) => ({
      id: g.id,
      label: g.label,
      members: g.members,
      articles: tallies.get(g.id)!.articles,
      tokens: tallies.get(g.id)!.tokens,
    })),
    groups: corpus.lexicon.groups.map((g) => ({
      id: g.id,
      label: g.label,
      short: g.short,
      axis: g.axis,
      variants: g.variants.map((v) => ({ id: v.id, label: v.label, stance: v.stance, rationale: v.rationale })),
    })),
    counts: entities.flatMap((e) => countRows(corpus, e, tallies.get(e.id)!)),
    stance: entities.flatMap((e) => stanceRows(corpus, e, tallies.get(e.id)!)),
    distinctive,
    sentiment: entities.map((e) => sentimentRow(full.get(e.id)!, e.id, o)),
    actors: [
      ...corpus.lexicon.actors.map((x) => ({
        id: x.id,
        label: x.label,
        aliases: x.aliases.map((p) => p.text),
        backedBy: x.backedBy,
        kind: x.kind,
        note: x.note,
      })),
      {
        id: UNATTRIBUTED,
        label: UNATTRIBUTED_LABEL,
        aliases: [],
        backedBy: null,
        kind: null,
        note: 'Labels of an attributed term group whose phrase names no actor by the rules in the README.',
      },
    ],
    actorLabels: entities.flatMap((e) => actorLabelRows(full.get(e.id)!, e.id, o)),
    actorTone: entities.flatMap((e) => actorToneRows(corpus, full.get(e.id)!, e.id, o)),
    setAside: entities.flatMap((e) => setAsideRows(corpus, full.get(e.id)!, e.id, o)),
  };
}

/**
 * Joins statistics and rows in the export's field order. The rows are read through getters, so rows that are
 * made on demand (a live corpus's) are only made when a reader asks for them.
 */
export function assembleExport(stats: Omit<AnalysisExport, keyof ExportRows>, rows: ExportRows): AnalysisExport {
  const {
    corpus,
    outlets,
    outletGroups,
    groups,
    counts,
    stance,
    distinctive,
    sentiment,
    actors,
    actorLabels,
    actorTone,
    setAside,
  } = stats;
  return {
    corpus,
    outlets,
    outletGroups,
    groups,
    get articles() {
      return rows.articles;
    },
    counts,
    stance,
    distinctive,
    sentiment,
    get mentions() {
      return rows.mentions;
    },
    actors,
    actorLabels,
    actorTone,
    setAside,
  };
}

/** Builds the full export from per-article analyses under one set of options. */
export function aggregate(corpus: Corpus, analyses: ArticleAnalysis[], o: AnalysisOptions): AnalysisExport {
  return assembleExport(
    exportStats(corpus, tallyByOutlet(analyses, attributedGroups(corpus)), o),
    exportRows(corpus, analyses, o),
  );
}
