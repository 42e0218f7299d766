import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleAnalysis } from '../analysis/article';
import type { ArticleRow } from '../analysis/aggregate';
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
import {
  bundleFor,
  catalogOf,
  compareEntities,
  getExport,
  getExportJson,
  listCorpora,
  liveFor,
  type Bundle,
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
}

/** A view, or what was wrong with its URL. */
export type Opened = { ok: true; view: View } | { ok: false; problems: UrlProblem[] };

// The bundle a view was opened from, so later reads in the same render use the same version.
const sources = new WeakMap<View, { bundle: Bundle; ex: AnalysisExport }>();

/** Parses and checks a URL exactly as the proxy does, then opens the analysis it names. */
export function openView(pathname: string, params: Params): Opened {
  const route = matchRoute(pathname);
  const problems = route
    ? routeProblems(pathname, params, catalogOf(params))
    : [{ param: '(path)', value: pathname, message: 'is not a view', choices: [], status: 404 as const }];
  if (problems.length || !route) return { ok: false, problems };
  const { state } = parseState(toSearchParams(params));
  const { bundle, pinned } = bundleFor(state.corpus, state.version);
  const ex = getExport(state.corpus, state.voice, state.scope, state.version, state.provenance);
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
  };
  sources.set(view, { bundle, ex });
  return { ok: true, view };
}

const ROWS = new Set(['mentions', 'articles', 'provenance', 'reuse']);

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
    const analyses = liveFor(bundle, view.query.provenance).analyses;
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
  const rows = kwicRows(ex.mentions, titles, members, sel, sort, q);
  const unfiltered = q ? kwicRows(ex.mentions, titles, members, sel, sort, '').length : rows.length;
  const paged = pageOf(rows, page);
  const marked = paged.rows.map((r) => {
    const s = sentenceAt(bundle.provenance, r.article, r.start);
    return s ? { ...r, provenance: s.kind } : r;
  });
  return { kind: 'mentions', rows: { ...paged, rows: marked }, unfiltered };
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
  return compareEntities(view.query.corpus, ids, view.query, view.query.version);
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

/** What the manage page shows: kept versions and the lexicon's source. */
export function manageOf(view: View): {
  versions: ReturnType<typeof listSnapshots>;
  lexiconSource: string;
  ownLexicon: boolean;
  audit: AuditEntry[];
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
  };
}

/** The research export of the view's corpus version, voice and scope, as JSON text (serialised once per version). */
export function exportJsonOf(view: View): string {
  const q = view.query;
  return getExportJson(q.corpus, q.voice, q.scope, q.version, q.provenance);
}

/** The captured original of an article, or null when none is kept. */
export function rawTextOf(view: View, id: string): string | null {
  const { bundle } = sourceOf(view);
  const article = bundle.corpus.articles.find((a) => a.id === id);
  return article ? readRaw(bundle.dir, article) : null;
}

/** Corpus ids with a corpus folder (for the write routes, which check their own bodies). */
export { listCorpora, catalogOf };
export { dataVersionOf, keepCurrentVersion as keepVersion } from './bundles';

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
