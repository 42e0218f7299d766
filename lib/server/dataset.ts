import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleAnalysis } from '../analysis/article';
import type { ArticleRow } from '../analysis/aggregate';
import { preparationOf } from '../store/prepare';
import type { AnalysisExport, DistinctiveRow } from '../analysis/exportTypes';
import { counted } from '../analysis/filters';
import { lexiconPathFor, readRaw } from '../corpus/load';
import { listSnapshots } from '../corpus/snapshots';
import { recentAudit, type AuditEntry } from './audit';
import { sentenceAt } from '../provenance/views';
import {
  articleProvenanceModel,
  corpusProvenanceModel,
  type ArticleProvenanceModel,
  type CorpusProvenanceModel,
} from '../provenance/door';
import type { Span } from '../text/quotes';
import type { Article, Mention } from '../types';
import { routeProblems } from '../url/route';
import { matchRoute, type RouteMatch } from '../url/routes';
import { parseState, toSearchParams, type Params, type UrlProblem, type ViewState } from '../url/state';
import { kwicRows, pageOf, sentimentSentences, type KwicRow, type Paged, type SentenceRow } from '../view/kwic';
import { membersOf, type ViewStats } from '../view/model';
import type { ArticleSubset } from '../analysis/slice';
import { autoBin, parsePeriod, periodsBetween, type Bin, type Period } from '../time/bin';
import { changePoints } from '../time/changePoints';
import { timeSeries, type TimeRow } from '../time/series';
import type { Story } from '../stories/cluster';
import type { DateCounts } from '../analysis/filters';
import {
  bundleFor,
  sliceFor,
  catalogOf,
  compareEntities,
  getExport,
  getExportJson,
  listCorpora,
  storiesOf,
  type Bundle,
  type ExportQuery,
} from './bundles';

/**
 * The one door to the data. Pages, the API, the preview image and embeds call these and nothing else: a URL is
 * parsed into the typed view state once, checked against the corpus catalog, and answered with view models.
 * Everything read here comes from the per-version bundles (lib/server/bundles.ts), the only cache of analyses.
 */

/** An opened view: the parsed and checked state, and the statistics it shows. */
export interface View {
  pathname: string;
  route: RouteMatch;
  query: ViewState;
  stats: ViewStats;
  /** Articles in the corpus version shown. */
  articleCount: number;
  /** The corpus's current version (differs from stats.corpus.version when the URL pins a kept older one). */
  current: string;
  pinned: boolean;
  corpora: string[];
  /** Article files of this corpus version that could not be read and were skipped, each with why. */
  warnings: { file: string; message: string }[];
}

/**
 * The articles a state counts: its date range and, on a comparison of two or more outlets in "same stories only"
 * mode, the stories all of them covered.
 */
export function subsetOf(state: ViewState): ArticleSubset {
  const shared = state.stories === 'shared' && state.outlets.length >= 2 ? state.outlets : null;
  return { from: state.from, to: state.to, shared };
}

/** A view, or what was wrong with its URL. */
export type Opened = { ok: true; view: View } | { ok: false; problems: UrlProblem[] };

// The bundle a view was opened from, so later reads in the same render use the same version.
const sources = new WeakMap<View, { bundle: Bundle; ex: AnalysisExport }>();

/** The export a view state asks for: its corpus version and the options that pick its text and articles. */
export function exportQueryOf(state: ViewState): ExportQuery {
  const { corpus, version, voice, scope, provenance } = state;
  return { corpus, version, voice, scope, provenance, subset: subsetOf(state) };
}

/** Parses and checks a URL exactly as the proxy does, then opens the analysis it names. */
export function openView(pathname: string, params: Params): Opened {
  const route = matchRoute(pathname);
  const problems = route
    ? routeProblems(pathname, params, catalogOf(params))
    : [{ param: '(path)', value: pathname, message: 'is not a view', choices: [], status: 404 as const }];
  if (problems.length || !route) return { ok: false, problems };
  const { state } = parseState(toSearchParams(params));
  const { bundle, pinned } = bundleFor(state.corpus, state.version);
  const ex = getExport(exportQueryOf(state));
  const stats = statsOf(ex);
  const view: View = {
    pathname,
    route,
    query: state,
    stats,
    articleCount: bundle.corpus.articles.length,
    current: bundleFor(state.corpus, null).bundle.corpus.version,
    pinned,
    corpora: listCorpora(),
    warnings: bundle.corpus.warnings,
  };
  sources.set(view, { bundle, ex });
  return { ok: true, view };
}

// Stories, provenance and reuse are listed in the export (made on first read), not in a view's statistics.
const ROWS = new Set(['mentions', 'articles', 'stories', 'provenance', 'reuse']);

// The export's statistics are plain arrays; its per-mention and per-article rows are getters, left unread.
function statsOf(ex: AnalysisExport): ViewStats {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(ex)) if (!ROWS.has(key)) out[key] = ex[key as keyof AnalysisExport];
  return out as ViewStats;
}

function sourceOf(view: View): { bundle: Bundle; ex: AnalysisExport } {
  const s = sources.get(view);
  if (!s) throw new Error('this view was not opened through openView');
  return s;
}

/** The drill-down of a view: one page of the mentions or sentences its selection names, with the totals. */
export type Drill =
  | { kind: 'mentions'; rows: Paged<KwicRow>; unfiltered: number }
  | { kind: 'sentences'; rows: Paged<SentenceRow>; unfiltered: number };

/** The drill-down the view's selection opens, or null when nothing is selected. */
export function drillDown(view: View): Drill | null {
  const sel = view.query.sel;
  if (!sel) return null;
  const { bundle, ex } = sourceOf(view);
  const titles = titlesOf(ex);
  const members = new Set(membersOf(view.stats, sel.outlet));
  const { sort, q, page } = view.query;
  if (sel.kind === 'sentiment' || sel.kind === 'tone') {
    const actor = sel.kind === 'tone' ? sel.actor : null;
    const analyses = sliceFor(bundle, subsetOf(view.query), view.query.provenance).analyses;
    const rows = sentimentSentences(analyses, titles, members, view.query, q, actor);
    const unfiltered = q ? sentimentSentences(analyses, titles, members, view.query, '', actor).length : rows.length;
    const paged = pageOf(rows, page);
    // Only the page shown is marked, so a drill-down of thousands of sentences costs no more than before.
    const marked = paged.rows.map((r) => {
      const s =
        bundle.provenance.articles[bundle.provenance.byId.get(r.article) ?? -1]?.sentences[Number(r.key.split(':')[1])];
      return s ? { ...r, provenance: s.kind } : r;
    });
    return { kind: 'sentences', rows: { ...paged, rows: marked }, unfiltered };
  }
  const mentions = view.query.at ? mentionsIn(ex, view.query.at) : ex.mentions;
  const rows = kwicRows(mentions, titles, members, sel, sort, q);
  const unfiltered = q ? kwicRows(mentions, titles, members, sel, sort, '').length : rows.length;
  const paged = pageOf(rows, page);
  const marked = paged.rows.map((r) => {
    const s = sentenceAt(bundle.provenance, r.article, r.start);
    return s ? { ...r, provenance: s.kind } : r;
  });
  return { kind: 'mentions', rows: { ...paged, rows: marked }, unfiltered };
}

// A time-series point's drill-down: the mentions of articles dated in its period.
function mentionsIn(ex: AnalysisExport, at: string): AnalysisExport['mentions'] {
  const p = parsePeriod(at);
  if (!p) return [];
  const ids = new Set(ex.articles.filter((a) => a.date && a.date >= p.start && a.date <= p.end).map((a) => a.id));
  return ex.mentions.filter((m) => ids.has(m.article));
}

const titleCache = new WeakMap<AnalysisExport, Map<string, string>>();
function titlesOf(ex: AnalysisExport): Map<string, string> {
  let t = titleCache.get(ex);
  if (!t) titleCache.set(ex, (t = new Map(ex.articles.map((a) => [a.id, a.title]))));
  return t;
}

/**
 * Log-odds z-scores among the outlets the view names: one against the other for two, each against the rest for more.
 */
export function comparison(view: View): DistinctiveRow[] {
  const ids = view.query.outlets;
  if (ids.length < 2) return [];
  return compareEntities(exportQueryOf(view.query), ids);
}

/** The export's article rows of one outlet or outlet group. */
export function articlesOf(view: View, id: string): ArticleRow[] {
  const members = new Set(membersOf(view.stats, id));
  return sourceOf(view).ex.articles.filter((a) => members.has(a.outlet));
}

/**
 * One article as the article page shows it: its text, sections, quotations and the mentions counted under the view's
 * filters.
 */
export interface ArticleModel {
  meta: Article;
  text: string;
  segments: ArticleAnalysis['segments'];
  quotes: Span[];
  mentions: Mention[];
}

/** The article a view names, with the mentions its filters count. */
export function articleOf(view: View, id: string): ArticleModel | null {
  const { bundle } = sourceOf(view);
  const a = bundle.live.analyses.find((x) => x.id === id);
  const meta = bundle.corpus.articles.find((x) => x.id === id);
  if (!a || !meta) return null;
  return {
    meta,
    text: a.text,
    segments: a.segments,
    quotes: a.quotes,
    mentions: a.mentions.filter((m) => counted(m, view.query)),
  };
}

/**
 * What the manage page shows: kept versions, the lexicon's source, and the corpus's running background analysis
 * (a lexicon change or a hand edit: articles done of all, or why it failed), null when none runs or failed.
 */
export function manageOf(view: View): {
  versions: ReturnType<typeof listSnapshots>;
  lexiconSource: string;
  ownLexicon: boolean;
  audit: AuditEntry[];
  analysis: { done: number; total: number; error: string | null } | null;
} {
  const { bundle } = sourceOf(view);
  const file = lexiconPathFor(bundle.dir);
  return {
    versions: listSnapshots(view.query.corpus),
    lexiconSource: readFileSync(file, 'utf8'),
    ownLexicon: path.dirname(file) === bundle.dir,
    // Sign-ins are server-wide; uploads and lexicon edits are listed on their corpus's page.
    audit: recentAudit(200)
      .filter((e) => e.corpus === null || e.corpus === view.query.corpus)
      .slice(0, 50),
    analysis: analysisOf(view.query.corpus),
  };
}

/** The research export of the view's corpus version, voice and scope, as JSON text (serialised once per version). */
export function exportJsonOf(view: View): string {
  const q = view.query;
  return getExportJson(exportQueryOf(q));
}

/** The captured original of an article, or null when none is kept. */
export function rawTextOf(view: View, id: string): string | null {
  const { bundle } = sourceOf(view);
  const article = bundle.corpus.articles.find((a) => a.id === id);
  return article ? readRaw(bundle.dir, article) : null;
}

/** Corpus ids with a corpus folder (for the write routes, which check their own bodies). */
export { listCorpora, catalogOf };
export { dataVersionOf } from './bundles';

/** The corpus's articles per month (the range control's histogram) and how the view's range splits them. */
export function datesOf(view: View): { months: { month: string; articles: number }[]; counts: DateCounts } {
  const { bundle } = sourceOf(view);
  const byMonth = new Map<string, number>();
  for (const a of bundle.corpus.articles)
    if (a.date) byMonth.set(a.date.slice(0, 7), (byMonth.get(a.date.slice(0, 7)) ?? 0) + 1);
  const sorted = [...byMonth.keys()].sort();
  const months = sorted.length
    ? periodsBetween(`${sorted[0]}-01`, `${sorted[sorted.length - 1]}-01`, 'month').map((p) => ({
        month: p.id,
        articles: byMonth.get(p.id) ?? 0,
      }))
    : [];
  return { months, counts: sliceFor(bundle, subsetOf(view.query), view.query.provenance).dates };
}

/** A naming-over-time answer: the bin used, the periods, the rows and each outlet's change points. */
export interface TimeSeriesModel {
  bin: Bin;
  periods: Period[];
  rows: TimeRow[];
  changes: { outlet: string; period: string; previous: string; from: string; to: string; n: number }[];
}

/** Each chosen outlet's (all outlets when none is chosen) variant shares of the view's group per period. */
export function timeseriesOf(view: View): TimeSeriesModel | null {
  const group = view.query.group;
  const g = view.stats.groups.find((x) => x.id === group);
  if (!g) return null;
  const { bundle } = sourceOf(view);
  const slice = sliceFor(bundle, subsetOf(view.query), view.query.provenance);
  const dateOf = new Map(bundle.corpus.articles.map((a) => [a.id, a.date]));
  const articles = slice.analyses.map((analysis) => ({ analysis, date: dateOf.get(analysis.id) ?? null }));
  const ids = view.query.outlets.length ? view.query.outlets : view.stats.outlets.map((o) => o.id);
  const dates = articles.flatMap((a) => (a.date ? [a.date] : [])).sort();
  const bin =
    view.query.bin === 'auto' ? (dates.length ? autoBin(dates[0], dates[dates.length - 1]) : 'month') : view.query.bin;
  const variants = g.variants.map((v) => v.id);
  const { periods, rows } = timeSeries(articles, {
    group: g.id,
    variants,
    entities: ids.map((id) => ({ id, members: new Set(membersOf(view.stats, id)) })),
    bin,
    filters: view.query,
  });
  const changes = ids.flatMap((id) =>
    changePoints(
      periods.map((p) => ({
        period: p.id,
        counts: variants.map(
          (v) => rows.find((r) => r.outlet === id && r.period === p.id && r.variant === v)?.count ?? 0,
        ),
      })),
    ).map((c) => ({
      outlet: id,
      period: c.period,
      previous: c.previous,
      from: variants[c.from],
      to: variants[c.to],
      n: c.n,
    })),
  );
  return { bin, periods, rows, changes };
}

/** One story as the story view lists it: its articles by outlet and date. */
export interface StoryModel extends Story {
  items: { id: string; outlet: string; date: string; title: string }[];
  /** What each outlet called the story's actors there: counted mentions by outlet, group and variant. */
  naming: { outlet: string; group: string; variant: string; count: number }[];
}

/** The stories with articles the view counts (date range applied), newest first. */
export function storiesOfView(view: View): StoryModel[] {
  const { bundle } = sourceOf(view);
  const slice = sliceFor(bundle, { ...subsetOf(view.query), shared: null }, view.query.provenance);
  const kept = new Set(slice.analyses.map((a) => a.id));
  const meta = new Map(bundle.corpus.articles.map((a) => [a.id, a]));
  const { ex } = sourceOf(view);
  const byArticle = new Map<string, AnalysisExport['mentions']>();
  for (const m of ex.mentions) {
    if (m.setAside) continue;
    const list = byArticle.get(m.article);
    if (list) list.push(m);
    else byArticle.set(m.article, [m]);
  }
  const naming = (ids: string[]) => {
    const c = new Map<string, number>();
    for (const id of ids)
      for (const m of byArticle.get(id) ?? []) {
        const k = `${m.outlet}/${m.group}/${m.variant}`;
        c.set(k, (c.get(k) ?? 0) + 1);
      }
    return [...c].map(([k, count]) => {
      const [outlet, group, variant] = k.split('/');
      return { outlet, group, variant, count };
    });
  };
  return storiesOf(bundle)
    .map((s) => ({
      ...s,
      naming: naming(s.articles.filter((id) => kept.has(id))),
      items: s.articles
        .filter((id) => kept.has(id))
        .map((id) => ({
          id,
          outlet: meta.get(id)!.outlet,
          date: meta.get(id)!.date ?? '',
          title: meta.get(id)!.title,
        })),
    }))
    .filter((s) => s.items.length > 0)
    .reverse();
}

/** Under "same stories only": how many stories all compared outlets covered and their articles; otherwise null. */
export function sharedOf(view: View): { stories: number; articles: number } | null {
  return sliceFor(sourceOf(view).bundle, subsetOf(view.query), view.query.provenance).shared;
}

/** One article's provenance as its provenance page shows it (see lib/provenance/door.ts). */
export function articleProvenanceOf(view: View, id: string): ArticleProvenanceModel | null {
  const { bundle } = sourceOf(view);
  return articleProvenanceModel(bundle.provenance, bundle.corpus, id);
}

/** The corpus provenance page: every outlet's shares, who reuses whom, and term substitutions in shared passages. */
export function corpusProvenanceOf(view: View): CorpusProvenanceModel {
  const { bundle } = sourceOf(view);
  return corpusProvenanceModel(bundle.provenance, bundle.corpus, bundle.live.analyses, view.query.outlets);
}

// A preparation that is running, or that failed (its error stays visible until a later one succeeds).
function analysisOf(corpus: string): { done: number; total: number; error: string | null } | null {
  const p = preparationOf(corpus);
  if (!p || (p.finished && !p.error)) return null;
  return { done: p.done, total: p.total, error: p.error };
}
