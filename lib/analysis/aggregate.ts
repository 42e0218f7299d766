import { informativePrior, logOdds } from '../stats/logOdds';
import { meanInterval, wilson } from '../stats/intervals';
import type { AnalysisOptions, Corpus, Mention, Sentence } from '../types';
import type { ArticleAnalysis } from './article';
import { UNATTRIBUTED } from '../lexicon/parse';
import type { ActorLabelRow, ActorToneRow, AnalysisExport, CountRow, DistinctiveRow, MentionRow, SentimentRow, StanceRow } from './exportTypes';

/** An outlet or outlet group: the unit every statistic is computed for. */
export interface Entity {
  id: string;
  members: Set<string>;
}

/** Per-variant tallies of one entity: variant key "group/variant". */
export interface Tally {
  counts: Map<string, { count: number; own: number; quoted: number }>;
  tokens: number;
  articles: number;
}

/** Default prior strength: ten pseudo-mentions per term group, spread by corpus-wide shares. */
export const DEFAULT_ALPHA0 = 10;

/** Default options: every voice, every section, the default prior. */
export const DEFAULT_OPTIONS: AnalysisOptions = { voice: 'all', scope: 'all', alpha0: DEFAULT_ALPHA0 };

/** Every outlet, then every outlet group, as entities. */
export function entitiesOf(corpus: Corpus): Entity[] {
  return [
    ...corpus.outlets.map((o) => ({ id: o.id, members: new Set([o.id]) })),
    ...corpus.outletGroups.map((g) => ({ id: g.id, members: new Set(g.members) })),
  ];
}

/** Whether a mention is counted under the options (section scope and voice). */
export function counted(m: Pick<Mention, 'section' | 'voice'>, o: AnalysisOptions): boolean {
  return (o.scope === 'all' || m.section === 'body') && (o.voice === 'all' || m.voice === 'own');
}

function inScope(section: string, o: AnalysisOptions): boolean {
  return o.scope === 'all' || section === 'body';
}

function tokensOf(a: ArticleAnalysis, o: AnalysisOptions): number {
  let n = 0;
  for (const [section, t] of Object.entries(a.tokens)) if (inScope(section, o)) n += o.voice === 'own' ? t.own : t.all;
  return n;
}

/** Tallies counted mentions and tokens of the articles whose outlet is in the entity. */
export function tally(analyses: ArticleAnalysis[], entity: Entity, o: AnalysisOptions): Tally {
  const counts = new Map<string, { count: number; own: number; quoted: number }>();
  let tokens = 0;
  let articles = 0;
  for (const a of analyses) {
    if (!entity.members.has(a.outlet)) continue;
    articles++;
    tokens += tokensOf(a, o);
    for (const m of a.mentions) {
      if (!inScope(m.section, o)) continue;
      const key = `${m.group}/${m.variant}`;
      const c = counts.get(key) ?? { count: 0, own: 0, quoted: 0 };
      if (m.voice === 'own') c.own++;
      else c.quoted++;
      if (counted(m, o)) c.count++;
      counts.set(key, c);
    }
  }
  return { counts, tokens, articles };
}

function countRows(corpus: Corpus, entity: Entity, t: Tally): CountRow[] {
  const rows: CountRow[] = [];
  for (const g of corpus.lexicon.groups) {
    const groupTotal = g.variants.reduce((s, v) => s + (t.counts.get(`${g.id}/${v.id}`)?.count ?? 0), 0);
    for (const v of g.variants) {
      const c = t.counts.get(`${g.id}/${v.id}`) ?? { count: 0, own: 0, quoted: 0 };
      const ci = wilson(c.count, groupTotal);
      rows.push({
        outlet: entity.id, group: g.id, variant: v.id, count: c.count, own: c.own, quoted: c.quoted, groupTotal,
        tokens: t.tokens, per1k: t.tokens > 0 ? (1000 * c.count) / t.tokens : 0,
        share: groupTotal > 0 ? c.count / groupTotal : null, shareLow: ci?.low ?? null, shareHigh: ci?.high ?? null,
      });
    }
  }
  return rows;
}

function stanceRows(corpus: Corpus, entity: Entity, t: Tally): StanceRow[] {
  return corpus.lexicon.groups.map((g) => {
    const values = g.variants.map((v) => ({ value: v.stance, count: t.counts.get(`${g.id}/${v.id}`)?.count ?? 0 }));
    return { outlet: entity.id, group: g.id, ...meanInterval(values, [-1, 1]) };
  });
}

/** Log-odds rows for every variant of every group, entity A against B, with the corpus-wide prior. */
export function compareTallies(corpus: Corpus, a: Tally, b: Tally, whole: Tally, aId: string, bId: string, alpha0: number): DistinctiveRow[] {
  const rows: DistinctiveRow[] = [];
  for (const g of corpus.lexicon.groups) {
    const key = (v: string) => `${g.id}/${v}`;
    const prior = informativePrior(new Map(g.variants.map((v) => [v.id, whole.counts.get(key(v.id))?.count ?? 0])), alpha0);
    const total = (t: Tally) => g.variants.reduce((s, v) => s + (t.counts.get(key(v.id))?.count ?? 0), 0);
    const n = total(a);
    const nOther = total(b);
    for (const v of g.variants) {
      const r = logOdds(a.counts.get(key(v.id))?.count ?? 0, n, b.counts.get(key(v.id))?.count ?? 0, nOther, prior.get(v.id) ?? 0, alpha0);
      if (r) rows.push({ outlet: aId, vs: bId, group: g.id, variant: v.id, ...r });
    }
  }
  return rows;
}

function sentimentRow(analyses: ArticleAnalysis[], entity: Entity, o: AnalysisOptions): SentimentRow {
  const sentences: Sentence[] = [];
  let articles = 0;
  for (const a of analyses) {
    if (!entity.members.has(a.outlet)) continue;
    articles++;
    for (const s of a.sentences) if (inScope(s.section, o)) sentences.push(s);
  }
  const pick = (s: Sentence) => (o.voice === 'own' ? { score: s.ownScore, words: s.ownWords } : { score: s.score, words: s.words });
  // Sentences that are entirely quotation have no own-voice words and do not count as own-voice sentences.
  const used = sentences.map(pick).filter((s) => s.words > 0);
  const score = used.reduce((s, x) => s + x.score, 0);
  const words = used.reduce((s, x) => s + x.words, 0);
  const m = meanInterval(used.map((x) => ({ value: x.score, count: 1 })));
  return {
    outlet: entity.id, articles, score, words, comparative: words > 0 ? score / words : null,
    sentences: used.length, meanSentence: m.mean, meanLow: m.low, meanHigh: m.high,
  };
}

/** Label for mentions whose phrase names no actor. */
export const UNATTRIBUTED_LABEL = 'Unattributed';

function actorLabelRows(analyses: ArticleAnalysis[], entity: Entity, attributed: Set<string>, o: AnalysisOptions): ActorLabelRow[] {
  const counts = new Map<string, ActorLabelRow>();
  for (const a of analyses) {
    if (!entity.members.has(a.outlet)) continue;
    for (const m of a.mentions) {
      if (!attributed.has(m.group) || !counted(m, o)) continue;
      // A label naming two actors ("terror groups such as Daesh and the PYD") counts once for each.
      for (const actor of m.actors.length ? m.actors : [UNATTRIBUTED]) {
        const key = `${actor}/${m.group}/${m.variant}`;
        const row = counts.get(key) ?? { outlet: entity.id, actor, group: m.group, variant: m.variant, count: 0 };
        row.count++;
        counts.set(key, row);
      }
    }
  }
  return [...counts.values()];
}

function actorToneRows(corpus: Corpus, analyses: ArticleAnalysis[], entity: Entity, o: AnalysisOptions): ActorToneRow[] {
  const byActor = new Map<string, { score: number; words: number }[]>(corpus.lexicon.actors.map((x) => [x.id, []]));
  for (const a of analyses) {
    if (!entity.members.has(a.outlet)) continue;
    a.sentences.forEach((s, i) => {
      if (!inScope(s.section, o)) return;
      const x = o.voice === 'own' ? { score: s.ownScore, words: s.ownWords } : { score: s.score, words: s.words };
      if (x.words === 0) return;
      for (const actor of a.sentenceActors[i] ?? []) byActor.get(actor)?.push(x);
    });
  }
  return [...byActor].map(([actor, used]) => {
    const m = meanInterval(used.map((x) => ({ value: x.score, count: 1 })));
    return {
      outlet: entity.id, actor, sentences: used.length, score: used.reduce((t, x) => t + x.score, 0), words: used.reduce((t, x) => t + x.words, 0),
      meanSentence: m.mean, meanLow: m.low, meanHigh: m.high,
    };
  });
}

/** The tally of everything in `whole` that is not in `part` (part must be a subset of whole). */
function minus(whole: Tally, part: Tally): Tally {
  const counts = new Map<string, { count: number; own: number; quoted: number }>();
  for (const [k, w] of whole.counts) {
    const p = part.counts.get(k) ?? { count: 0, own: 0, quoted: 0 };
    counts.set(k, { count: w.count - p.count, own: w.own - p.own, quoted: w.quoted - p.quoted });
  }
  return { counts, tokens: whole.tokens - part.tokens, articles: whole.articles - part.articles };
}

/** Builds the full export from per-article analyses under one set of options. */
export function aggregate(corpus: Corpus, analyses: ArticleAnalysis[], o: AnalysisOptions): AnalysisExport {
  const entities = entitiesOf(corpus);
  // Each entity reads only its members' articles, so the work grows with the corpus, not with corpus × outlets.
  const byOutlet = new Map<string, ArticleAnalysis[]>();
  for (const a of analyses) {
    const list = byOutlet.get(a.outlet);
    if (list) list.push(a);
    else byOutlet.set(a.outlet, [a]);
  }
  const of = (e: Entity) => [...e.members].flatMap((m) => byOutlet.get(m) ?? []);
  const tallies = new Map(entities.map((e) => [e.id, tally(of(e), e, o)]));
  const whole = tally(analyses, { id: 'all', members: new Set(corpus.outlets.map((x) => x.id)) }, o);
  const distinctive: DistinctiveRow[] = [];
  for (const e of entities) {
    distinctive.push(...compareTallies(corpus, tallies.get(e.id)!, minus(whole, tallies.get(e.id)!), whole, e.id, 'rest', o.alpha0));
  }
  corpus.outlets.forEach((a, i) => {
    for (const b of corpus.outlets.slice(i + 1)) {
      distinctive.push(...compareTallies(corpus, tallies.get(a.id)!, tallies.get(b.id)!, whole, a.id, b.id, o.alpha0));
    }
  });
  const mentions: MentionRow[] = [];
  for (const a of analyses) {
    for (const m of a.mentions) {
      if (!counted(m, o)) continue;
      const s = a.sentences[m.sentence];
      mentions.push({
        article: m.article, outlet: m.outlet, group: m.group, variant: m.variant, start: m.start, end: m.end,
        text: m.text, section: m.section, voice: m.voice, sentence: s ? a.text.slice(s.start, s.end) : '', sentenceStart: s ? s.start : m.start,
        actors: m.actors, actorCue: m.actorCue,
      });
    }
  }
  const byId = new Map(corpus.articles.map((x) => [x.id, x]));
  const attributed = new Set(corpus.lexicon.groups.filter((g) => g.attributeActors).map((g) => g.id));
  return {
    corpus: { id: corpus.id, title: corpus.title, version: corpus.version, attribution: corpus.attribution, options: o },
    outlets: corpus.outlets.map((x) => ({ id: x.id, name: x.name, kind: x.kind, country: x.country, articles: tallies.get(x.id)!.articles, tokens: tallies.get(x.id)!.tokens })),
    outletGroups: corpus.outletGroups.map((g) => ({ id: g.id, label: g.label, members: g.members, articles: tallies.get(g.id)!.articles, tokens: tallies.get(g.id)!.tokens })),
    groups: corpus.lexicon.groups.map((g) => ({ id: g.id, label: g.label, short: g.short, axis: g.axis, variants: g.variants.map((v) => ({ id: v.id, label: v.label, stance: v.stance, rationale: v.rationale })) })),
    articles: analyses.map((a) => {
      const s = sentimentRow([a], { id: a.id, members: new Set([a.outlet]) }, o);
      return {
        id: a.id, outlet: a.outlet, title: byId.get(a.id)?.title ?? a.id, date: byId.get(a.id)?.date ?? null,
        tokens: tokensOf(a, o), mentions: a.mentions.filter((m) => counted(m, o)).length, score: s.score, comparative: s.comparative,
      };
    }),
    counts: entities.flatMap((e) => countRows(corpus, e, tallies.get(e.id)!)),
    stance: entities.flatMap((e) => stanceRows(corpus, e, tallies.get(e.id)!)),
    distinctive,
    sentiment: entities.map((e) => sentimentRow(of(e), e, o)),
    mentions,
    actors: [
      ...corpus.lexicon.actors.map((x) => ({ id: x.id, label: x.label, aliases: x.aliases.map((p) => p.text), backedBy: x.backedBy, note: x.note })),
      { id: UNATTRIBUTED, label: UNATTRIBUTED_LABEL, aliases: [], backedBy: null, note: 'Labels of an attributed term group whose phrase names no actor by the rules in the README.' },
    ],
    actorLabels: entities.flatMap((e) => actorLabelRows(of(e), e, attributed, o)),
    actorTone: entities.flatMap((e) => actorToneRows(corpus, of(e), e, o)),
  };
}
