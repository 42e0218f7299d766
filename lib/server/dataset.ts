import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleAnalysis } from '../analysis/article';
import { attributedGroups, type ArticleRow } from '../analysis/aggregate';
import { isAnalysing, preparationOf } from '../store/prepare';
import type { AnalysisExport, DistinctiveRow } from '../analysis/exportTypes';
import { counted, filterCaption, viewCaption } from '../analysis/filters';
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
import { corpusProvenanceFromSummary } from '../provenance/summary';
import { articleProvenanceFromRecord } from '../provenance/pages';
import type { Span } from '../text/quotes';
import type { Article, Lexicon, Mention } from '../types';
import { changeSentence, countChanges, countMentions, type CountChange } from '../lexicon/countChange';
import { countOffThread } from '../lexicon/countOffThread';
import { routeProblems } from '../url/route';
import { sqlOverview } from './overviewSql';
import { databaseUrl } from '../store/pgClient';
import { matchRoute, needsProvenance, needsSeries, needsText, type RouteMatch } from '../url/routes';
import { AnalysingError } from '../store/prepare';
import {
  hrefFor,
  parseState,
  toSearchParams,
  withState,
  type Params,
  type UrlProblem,
  type ViewState,
} from '../url/state';
import { actorLabelsOf, storyActorLens, type StoryLens } from '../view/actors';
import { storyNaming, type NamingAsideRow } from '../view/storyNaming';
import { dataPackage } from '../view/dataPackage';
import { zipArchive } from '../view/zip';
import {
  kwicRows,
  pageOf,
  sentenceMatches,
  sentimentSentences,
  sortSentences,
  type KwicRow,
  type Paged,
  type SentenceRow,
} from '../view/kwic';
import type { MentionPostings } from '../store/mentionPostings';
import type { CorpusProvenance, ProvenanceKind } from '../provenance/model';
import { storedKindAt, storedKindOfSentence, type StoredSentenceKinds } from '../store/sentenceKindsRanges';
import { positionOf } from '../store/corpusIndex';
import { articleRowsOf, pagedMentions, postingsFor, selectionRows } from './drillStored';
import { sqlSeriesOf, sqlWillSum } from './seriesSql';
import { indexedOccurrences, indexedPage, searchIndexFor } from './searchStored';
import { membersOf, type ViewStats } from '../view/model';
import type { ArticleSubset } from '../analysis/slice';
import { autoBin, parsePeriod, periodsBetween, type Bin, type Period } from '../time/bin';
import { changePoints } from '../time/changePoints';
import { timeSeries, type SeriesRequest, type TimeRow } from '../time/series';
import { cellSeries, cellsHold, cellSpan, type TimeCells } from '../time/cells';
import type { Story } from '../stories/cluster';
import type { DateCounts } from '../analysis/filters';
import { DEFAULT_SCORE } from '../vocabulary/score';
import { parseSearch } from '../vocabulary/search';
import {
  articleTexts,
  countedTable,
  filterKwic,
  occurrences,
  occurrencesOf,
  answeredHere,
  remembered,
  textKey,
  vocabularyTable,
  type Finder,
  type OccurrenceCount,
  type Source,
  type TextQuery,
} from './vocabulary';
import type { Answer } from './offThreadAnswers';
import { vocabularyAnswer, type VocabularyAnswer } from '../vocabulary/answer';
import {
  bundleFor,
  sliceFor,
  catalogOf,
  provenanceOf,
  storiesAt,
  compareEntities,
  getExport,
  getExportJson,
  listCorpora,
  provenanceIfReady,
  provenanceIfDecoded,
  sentenceKindsOf,
  provenanceSummaryOf,
  articlePageOf,
  probeText,
  articleAlone,
  storiesOf,
  textPending,
  textReady,
  timeCellsOf,
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

// A URL's route and view state, or what is wrong with it (checked exactly as the proxy does).
function checked(
  pathname: string,
  params: Params,
): { route: RouteMatch; state: ViewState } | { problems: UrlProblem[] } {
  const route = matchRoute(pathname);
  const problems = route
    ? routeProblems(pathname, params, catalogOf(params))
    : [{ param: '(path)', value: pathname, message: 'is not a view', choices: [], status: 404 as const }];
  if (problems.length || !route) return { problems };
  return { route, state: parseState(toSearchParams(params)).state };
}

/** Parses and checks a URL exactly as the proxy does, then opens the analysis it names. */
export function openView(pathname: string, params: Params): Opened {
  const c = checked(pathname, params);
  if ('problems' in c) return { ok: false, problems: c.problems };
  const { route, state } = c;
  const { bundle, pinned } = bundleFor(state.corpus, state.version);
  const ex = getExport(exportQueryOf(state));
  const stats = statsOf(ex);
  const view: View = {
    pathname,
    route,
    query: state,
    stats,
    articleCount: bundle.meta.articles.length,
    current: bundleFor(state.corpus, null).bundle.meta.version,
    pinned,
    corpora: listCorpora(),
    warnings: bundle.meta.warnings,
  };
  sources.set(view, { bundle, ex });
  return { ok: true, view };
}

/**
 * openView, with a date range's statistics summed by PostgreSQL on a PostgreSQL-backed server (lib/server/overviewSql.ts:
 * no stored year or month tallies read into this server's memory); else, and with the same numbers, openView alone.
 */
export async function openViewFor(pathname: string, params: Params): Promise<Opened> {
  const c = databaseUrl() ? checked(pathname, params) : null;
  if (c && 'state' in c) await sumOverview(c.state);
  return openView(pathname, params);
}

/**
 * On a PostgreSQL-backed server, sums the statistics of a checked URL's date range by the database and keeps them
 * (lib/server/overviewSql.ts), so the proxy's check and the page that follow (openView) sum nothing in this server;
 * does nothing on the files backend or for a view the rows cannot answer.
 */
export async function overviewInSql(params: Params): Promise<void> {
  if (databaseUrl()) await sumOverview(parseState(toSearchParams(params)).state);
}

async function sumOverview(state: ViewState): Promise<void> {
  try {
    await sqlOverview(exportQueryOf(state));
  } catch (e) {
    // A corpus still being read or analysed: openView throws the same, and the page says so.
    if (!isAnalysing(e)) throw e;
  }
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
export type Drill = (
  | { kind: 'mentions'; rows: Paged<KwicRow>; unfiltered: number }
  | { kind: 'sentences'; rows: Paged<SentenceRow>; unfiltered: number }
) & {
  /** The version's provenance is still being computed, so no row is marked original or reused yet. */
  provenancePending: boolean;
  /**
   * The rows were read from the mention postings while neither the version's provenance was in memory nor its
   * sentence kinds stored, so none is marked (reading the provenance means reading the whole corpus); absent otherwise.
   */
  provenanceUnread?: true;
};

/** The drill-down the view's selection opens, or null when nothing is selected. */
export function drillDown(view: View): Drill | null {
  if (!view.query.sel) return null;
  // In the production server, while the version's text is not in memory: only the articles the selection names.
  const postings = postingsFor(sourceOf(view).bundle, view.query);
  return (postings && drillFromPostings(view, postings)) ?? drillFromExport(view);
}

/**
 * The drill-down read from the version's mention postings: the same rows as drillDown's from the whole text, read from
 * the articles the selection names alone; null when nothing is selected or an article cannot be read alone. Its rows are
 * marked original or reused only when the version's provenance is already in memory.
 */
export function drillFromPostings(view: View, postings: MentionPostings): Drill | null {
  const sel = view.query.sel;
  if (!sel) return null;
  const { bundle } = sourceOf(view);
  const titles = titlesOf(bundle);
  const members = new Set(membersOf(view.stats, sel.outlet));
  const { sort, q, page } = view.query;
  // The version's provenance when it is in memory, else its stored sentence kinds (the page's articles' read).
  const p = provenanceIfDecoded(bundle);
  const k = p ? null : sentenceKindsOf(bundle);
  const marks: Marks | null = p ? provenanceMarks(p) : k && storedMarks(k);
  const unread = marks ? {} : { provenanceUnread: true as const };
  // A page of mentions in the default order: only its articles are read, its totals come from the stored counts.
  const one = pagedMentions(bundle, view.query, sel, members, titles);
  if (one) return { kind: 'mentions', ...markedMentions(one, marks), unfiltered: one.total, ...unread };
  const read = selectionRows(bundle, postings, view.query, sel, members, titles);
  if (!read) return null;
  if (read.kind === 'sentences') {
    const rows = sortSentences(read.rows.filter((r) => sentenceMatches(r.text, q)));
    return {
      kind: 'sentences',
      ...markedSentences(pageOf(rows, page), marks),
      unfiltered: read.rows.length,
      ...unread,
    };
  }
  if (sel.kind === 'sentiment' || sel.kind === 'tone') return null;
  const rows = kwicRows(read.rows, titles, members, sel, sort, q);
  const unfiltered = q ? kwicRows(read.rows, titles, members, sel, sort, '').length : rows.length;
  return { kind: 'mentions', ...markedMentions(pageOf(rows, page), marks), unfiltered, ...unread };
}

// A row's provenance kind: of an article's sentence by index, or of the sentence holding a text position.
interface Marks {
  sentence(article: string, index: number): ProvenanceKind | null;
  at(article: string, pos: number): ProvenanceKind | null;
}

const provenanceMarks = (p: CorpusProvenance): Marks => ({
  sentence: (article, index) => p.articles[p.byId.get(article) ?? -1]?.sentences[index]?.kind ?? null,
  at: (article, pos) => sentenceAt(p, article, pos)?.kind ?? null,
});

const marksIfReady = (b: Bundle): Marks | null => {
  const p = provenanceIfReady(b);
  return p && provenanceMarks(p);
};

const storedMarks = (k: StoredSentenceKinds): Marks => ({
  sentence: (article, index) => storedKindOfSentence(k, article, index),
  at: (article, pos) => storedKindAt(k, article, pos),
});

// Only the page shown is marked, so a drill-down of thousands of rows costs no more than before.
function markedSentences(paged: Paged<SentenceRow>, marks: Marks | null) {
  const rows = paged.rows.map((r) => {
    const kind = marks?.sentence(r.article, Number(r.key.split(':')[1]));
    return kind ? { ...r, provenance: kind } : r;
  });
  return { rows: { ...paged, rows }, provenancePending: !marks };
}

function markedMentions(paged: Paged<KwicRow>, marks: Marks | null) {
  const rows = paged.rows.map((r) => {
    const kind = marks?.at(r.article, r.start);
    return kind ? { ...r, provenance: kind } : r;
  });
  return { rows: { ...paged, rows }, provenancePending: !marks };
}

// The drill-down from the view's export: every mention row of the version (or every analysis of its slice).
function drillFromExport(view: View): Drill | null {
  const sel = view.query.sel;
  if (!sel) return null;
  const { bundle, ex } = sourceOf(view);
  const titles = titlesOf(bundle);
  const members = new Set(membersOf(view.stats, sel.outlet));
  const { sort, q, page } = view.query;
  if (sel.kind === 'sentiment' || sel.kind === 'tone') {
    const actor = sel.kind === 'tone' ? sel.actor : null;
    const analyses = sliceFor(bundle, subsetOf(view.query), view.query.provenance).analyses;
    const rows = sentimentSentences(analyses, titles, members, view.query, q, actor);
    const unfiltered = q ? sentimentSentences(analyses, titles, members, view.query, '', actor).length : rows.length;
    return { kind: 'sentences', ...markedSentences(pageOf(rows, page), marksIfReady(bundle)), unfiltered };
  }
  const mentions = view.query.at ? mentionsIn(ex, view.query.at) : ex.mentions;
  const rows = kwicRows(mentions, titles, members, sel, sort, q);
  const unfiltered = q ? kwicRows(mentions, titles, members, sel, sort, '').length : rows.length;
  return { kind: 'mentions', ...markedMentions(pageOf(rows, page), marksIfReady(bundle)), unfiltered };
}

// A time-series point's drill-down: the mentions of articles dated in its period.
function mentionsIn(ex: AnalysisExport, at: string): AnalysisExport['mentions'] {
  const p = parsePeriod(at);
  if (!p) return [];
  const ids = new Set(ex.articles.filter((a) => a.date && a.date >= p.start && a.date <= p.end).map((a) => a.id));
  return ex.mentions.filter((m) => ids.has(m.article));
}

// Each article's title by id, as the export's rows give it (the id when untitled), from the text-free metadata: a
// lookup for rows that reads no article text (a search answered on a worker stays off the text).
const titleCache = new WeakMap<Bundle, Map<string, string>>();
function titlesOf(b: Bundle): Map<string, string> {
  let t = titleCache.get(b);
  if (!t) titleCache.set(b, (t = new Map(b.meta.articles.map((a) => [a.id, a.title ?? a.id]))));
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
  const { bundle, ex } = sourceOf(view);
  // In the production server, while the text is not in memory: from the stored per-article numbers, reading no text.
  const postings = postingsFor(bundle, view.query);
  if (postings) return articleRowsOf(bundle, postings, view.query, members);
  return ex.articles.filter((a) => members.has(a.outlet));
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
  // Read alone while the corpus's text is not in memory: one file and one stored analysis.
  const one = articleAlone(bundle, id);
  const a = one?.analysis ?? bundle.live.analyses.find((x) => x.id === id);
  const meta = one?.article ?? bundle.corpus.articles.find((x) => x.id === id);
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

/**
 * Everything the view counts, in words (voice, scope, provenance, date range with what it left out, same stories), for
 * captions shown away from the page: embeds, preview images, data packages.
 */
export function captionOf(view: View): string {
  const slice = sliceFor(sourceOf(view).bundle, subsetOf(view.query), view.query.provenance);
  return viewCaption(view.query, slice.dates, slice.shared);
}

/** The state a view's shared links name: its corpus version pinned, no drill-down. */
function pinnedState(view: View): ViewState {
  return withState(view.query, { version: view.stats.corpus.version, sel: null, q: '', sort: 'position', page: 1 });
}

/** The path of a view's "Download all data" package (its filters, its corpus version pinned). */
export function dataPackageHref(view: View): string {
  return hrefFor('/api/download', withState(pinnedState(view), { lens: null, at: null }));
}

const packages = new WeakMap<AnalysisExport, { key: string; zip: Uint8Array }>();

/**
 * "Download all data" for a view: a ZIP of every table of its export as CSV (the per-chart CSVs' comment lines and
 * rounding), the JSON export, README.txt (corpus, version, filters, URLs, licence, columns), CITATION.txt and
 * METHODS.txt. `origin` is the public origin for the URLs written in it; the last package of each export is kept.
 */
export function dataPackageOf(view: View, origin: string, now = new Date()): Uint8Array {
  const { ex } = sourceOf(view);
  const exported = now.toISOString().slice(0, 10);
  const source = {
    filters: captionOf(view),
    viewUrl: `${origin}${hrefFor('/', pinnedState(view))}`,
    packageUrl: `${origin}${dataPackageHref(view)}`,
    exported,
  };
  const key = JSON.stringify(source);
  const hit = packages.get(ex);
  if (hit?.key === key) return hit.zip;
  const zip = zipArchive(dataPackage(ex, exportJsonOf(view), source), now);
  packages.set(ex, { key, zip });
  return zip;
}

/** The captured original of an article, or null when none is kept. */
export function rawTextOf(view: View, id: string): string | null {
  const { bundle } = sourceOf(view);
  // The raw path is in the text-free metadata: no article text is read.
  const article = bundle.meta.articles[positionOf(bundle.meta, id)];
  return article ? readRaw(bundle.dir, article) : null;
}

/** Corpus ids with a corpus folder (for the write routes, which check their own bodies). */
export { listCorpora, catalogOf, provenanceOf, storiesAt };
export { dataVersionOf } from './bundles';

// The routes whose answers may be made on a worker (lib/server/offThreadAnswers.ts).
const COUNTED = new Set(['vocabulary', 'vocabulary-api', 'search']);

/**
 * In the production server, makes sure the text and analyses a valid view URL reads are in memory before it renders:
 * when they are not, starts their background read and throws an AnalysingError at the loading stage (the proxy answers
 * the reloading 503 page), so no request reads every article file. A view that reads no text is opened here with reads
 * of text caught (a date range cutting into months, same stories), and is answered at once when it reads none.
 */
export function textOf(pathname: string, params: Params): void {
  const match = matchRoute(pathname);
  if (!match?.route.checked) return;
  const sp = toSearchParams(params);
  const { corpus, version, bg } = parseState(sp).state;
  if (!listCorpora().includes(corpus)) return;
  const bundles = [bundleFor(corpus, version).bundle];
  if (bg && bg !== corpus && listCorpora().includes(bg)) bundles.push(bundleFor(bg, null).bundle);
  // A search the stored word index answers reads only its matching articles: here, or in the background meanwhile.
  if (match.route.id === 'search' && searchIndexFor(bundles[0], textQueryOf(parseState(sp).state))) {
    probeText(() => {
      const opened = openView(pathname, params);
      if (opened.ok) searchOf(opened.view);
    });
    return;
  }
  if (bundles.every(textReady)) return;
  // Vocabulary and search answers of a corpus too large to count here are made on a worker, which reads the text.
  if (COUNTED.has(match.route.id) && bundles.every((b) => b.textChars !== undefined && !answeredHere(b))) return;
  // An article page reads its one article alone (its file and stored analysis), never the whole corpus.
  if (match.route.id === 'article' && match.id !== null && articleAlone(bundles[0], match.id)) return;
  // The corpus provenance page, unfiltered, reads the version's stored summary (corpusProvenanceOf) and, like a view
  // that needs no text, whatever its statistics read (a date range may cut into months).
  const unfiltered = (sp.get('provenance') ?? 'all') === 'all' && !sp.has('sel');
  if (match.route.id === 'provenance' && unfiltered && provenanceSummaryOf(bundles[0])) {
    probeText(() => {
      const opened = openView(pathname, params);
      if (opened.ok) corpusProvenanceOf(opened.view);
    });
    return;
  }
  // An article's provenance page reads its stored record, and it and its partners alone (storedArticleProvenance).
  if (
    match.route.id === 'article-provenance' &&
    match.id !== null &&
    unfiltered &&
    articlePageOf(bundles[0], match.id)
  ) {
    probeText(() => {
      const opened = openView(pathname, params);
      if (opened.ok) articleProvenanceOf(opened.view, match.id!);
    });
    return;
  }
  if (!needsText(match.route, sp)) {
    const opened = probeText(() => openView(pathname, params));
    // A time series is summed from the stored cells; one they cannot answer reads every analysis, as text views do
    // (a view without a term group draws none).
    if (!opened.ok || !needsSeries(match.route, sp) || !seriesGroup(opened.view) || seriesStored(opened.view)) return;
  }
  if (answeredFromPostings(match, sp, bundles[0], pathname, params)) return;
  for (const b of bundles) {
    const p = textPending(b);
    if (p) throw new AnalysingError(p);
  }
}

/**
 * Whether a view whose only reads of text are its drill-down and an outlet's article list is answered from the stored
 * mention postings: opened, with its drill-down and article list made, with reads of the whole text caught (a read of
 * the selection's articles that must run in the background, or any read of the whole text, throws the loading stage).
 */
function answeredFromPostings(
  match: RouteMatch,
  sp: URLSearchParams,
  b: Bundle,
  pathname: string,
  params: Params,
): boolean {
  const { route } = match;
  const onlyDrill =
    !needsProvenance(route, sp) &&
    (route.id === 'outlet' || (route.text !== true && !(route.id === 'og' && sp.get('chart') === 'time')));
  if (!onlyDrill || !postingsFor(b, parseState(sp).state)) return false;
  let answered = true;
  probeText(() => {
    const opened = openView(pathname, params);
    if (!opened.ok) return;
    // A time chart's drill-down: its series too must come from the stored cells, or the view reads the whole text.
    if (needsSeries(route, sp) && seriesGroup(opened.view) && !seriesStored(opened.view)) {
      answered = false;
      return;
    }
    drillDown(opened.view);
    if (route.id === 'outlet' && match.id !== null) articlesOf(opened.view, match.id);
  });
  return answered;
}

/** The corpus's articles per month (the range control's histogram) and how the view's range splits them. */
export function datesOf(view: View): { months: { month: string; articles: number }[]; counts: DateCounts } {
  const { bundle } = sourceOf(view);
  const byMonth = new Map<string, number>();
  for (const a of bundle.meta.articles)
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

/**
 * The stored time cells a view's series is summed from (lib/time/cells.ts), or null when it is made from the analyses
 * instead: a provenance option other than all text (it reads each sentence's provenance), "same stories only", or a
 * version the store holds no cells for.
 */
export function seriesCellsOf(view: View): TimeCells | null {
  if (view.query.provenance !== 'all' || subsetOf(view.query).shared !== null) return null;
  const cells = timeCellsOf(sourceOf(view).bundle);
  const g = seriesGroup(view);
  // Cells of another lexicon's groups cannot answer (a view without a group draws no series).
  const variants = g?.variants.map((v) => v.id) ?? [];
  return cells && (!g || cellsHold(cells, g.id, variants)) ? cells : null;
}

// Whether a view's series is summed from stored cells: in SQL on PostgreSQL (only the cells' header is read here, see
// sqlWillSum), else from the cells read into memory (seriesCellsOf).
function seriesStored(view: View): boolean {
  const g = seriesGroup(view);
  const plain = view.query.provenance === 'all' && subsetOf(view.query).shared === null;
  const variants = g?.variants.map((v) => v.id) ?? [];
  return (plain && !!g && sqlWillSum(sourceOf(view).bundle, g.id, variants)) || seriesCellsOf(view) !== null;
}

// The term group a view's series is of, or undefined when its URL names none.
function seriesGroup(view: View) {
  return view.stats.groups.find((x) => x.id === view.query.group);
}

/** Each chosen outlet's (all outlets when none is chosen) variant shares of the view's group per period. */
export function timeseriesOf(view: View): TimeSeriesModel | null {
  const request = seriesRequestOf(view);
  if (!request) return null;
  // Summed from the stored cells when they can answer (no article text or analysis read), else from the analyses.
  const cells = seriesCellsOf(view);
  return modelOf(request, (cells && seriesOfCells(cells, view, request)) ?? seriesOfAnalyses(view, request));
}

/**
 * timeseriesOf, summed by PostgreSQL when the store is PostgreSQL and its time cells' rows can answer the view
 * (lib/server/seriesSql.ts: no cells read into this server's memory); else, and with the same rows, timeseriesOf.
 */
export async function timeseriesFor(view: View): Promise<TimeSeriesModel | null> {
  const request = seriesRequestOf(view);
  if (!request) return null;
  const cellsCanAnswer = view.query.provenance === 'all' && subsetOf(view.query).shared === null;
  const summed = cellsCanAnswer
    ? await sqlSeriesOf(sourceOf(view).bundle, request, view.query, (first, last) => binOf(view, first, last))
    : null;
  return summed ? modelOf(request, summed) : timeseriesOf(view);
}

// What a view's series is asked for (its group, chosen outlets with their members, options), or null without a group.
function seriesRequestOf(view: View): Omit<SeriesRequest, 'bin'> | null {
  const g = seriesGroup(view);
  if (!g) return null;
  const ids = view.query.outlets.length ? view.query.outlets : view.stats.outlets.map((o) => o.id);
  return {
    group: g.id,
    variants: g.variants.map((v) => v.id),
    entities: ids.map((id) => ({ id, members: new Set(membersOf(view.stats, id)) })),
    filters: view.query,
  };
}

// The answer from a series' periods and rows: with each outlet's change points.
function modelOf(
  request: Omit<SeriesRequest, 'bin'>,
  made: { bin: Bin; periods: Period[]; rows: TimeRow[] },
): TimeSeriesModel {
  const { variants } = request;
  const ids = request.entities.map((e) => e.id);
  const { periods, rows } = made;
  // Looked up per outlet, period and variant: a scan per lookup made a weekly series of 15 outlets take seconds.
  const countAt = new Map(rows.map((r) => [`${r.outlet}\u0000${r.period}\u0000${r.variant}`, r.count]));
  const changes = ids.flatMap((id) =>
    changePoints(
      periods.map((p) => ({
        period: p.id,
        counts: variants.map((v) => countAt.get(`${id}\u0000${p.id}\u0000${v}`) ?? 0),
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
  return { bin: made.bin, periods, rows, changes };
}

// The bin a view asks for; `auto` picks it from the first and last dated article counted (month when there is none).
function binOf(view: View, first: string | undefined, last: string | undefined): Bin {
  return view.query.bin !== 'auto' ? view.query.bin : first && last ? autoBin(first, last) : 'month';
}

// The series summed from the stored cells of the articles in the view's date range; null when they cannot answer it.
function seriesOfCells(
  cells: TimeCells,
  view: View,
  request: Omit<SeriesRequest, 'bin'>,
): { bin: Bin; periods: Period[]; rows: TimeRow[] } | null {
  const span = cellSpan(cells, view.query);
  const bin = binOf(view, span?.first, span?.last);
  const summed = cellSeries(cells, { ...request, bin, range: view.query });
  return summed && { bin, ...summed };
}

// The series made from the analyses the view's slice keeps (reads every article's analysis).
function seriesOfAnalyses(
  view: View,
  request: Omit<SeriesRequest, 'bin'>,
): { bin: Bin; periods: Period[]; rows: TimeRow[] } {
  const { bundle } = sourceOf(view);
  const slice = sliceFor(bundle, subsetOf(view.query), view.query.provenance);
  const dateOf = new Map(bundle.meta.articles.map((a) => [a.id, a.date]));
  const articles = slice.analyses.map((analysis) => ({ analysis, date: dateOf.get(analysis.id) ?? null }));
  const dates = articles.flatMap((a) => (a.date ? [a.date] : [])).sort();
  const bin = binOf(view, dates[0], dates[dates.length - 1]);
  return { bin, ...timeSeries(articles, { ...request, bin }) };
}

/** One story as the story view lists it: its articles by outlet and date. */
export interface StoryModel extends Story {
  items: { id: string; outlet: string; date: string; title: string }[];
  /** What each outlet called the story's actors there: counted mentions by outlet, group and variant. */
  naming: { outlet: string; group: string; variant: string; count: number }[];
  /** The story's set-aside mentions by outlet, group, variant and reason (the actor lens counts them, `naming` not). */
  setAside: NamingAsideRow[];
  /** The actor lens within the story: for each actor named there, the labels each outlet gave it. */
  lens: StoryLens;
}

/** The stories with articles the view counts (date range applied), newest first. */
export function storiesOfView(view: View): StoryModel[] {
  const { bundle } = sourceOf(view);
  const slice = sliceFor(bundle, { ...subsetOf(view.query), shared: null }, view.query.provenance);
  const kept = new Set(slice.analyses.map((a) => a.id));
  const meta = new Map(bundle.meta.articles.map((a) => [a.id, a]));
  const { ex } = sourceOf(view);
  // Every mention row, set aside or not: the lens counts both (as the overview's actor heatmaps do), the naming table
  // counts the former and lists the latter apart, so the two account for the same mentions.
  const byArticle = new Map<string, AnalysisExport['mentions']>();
  for (const m of ex.mentions) {
    const list = byArticle.get(m.article);
    if (list) list.push(m);
    else byArticle.set(m.article, [m]);
  }
  const attributed = attributedGroups(bundle.meta);
  return storiesOf(bundle)
    .map((s) => {
      const mentions = s.articles.filter((id) => kept.has(id)).flatMap((id) => byArticle.get(id) ?? []);
      const { counted, setAside } = storyNaming(mentions);
      return {
        ...s,
        naming: counted,
        setAside,
        lens: storyActorLens(
          view.stats,
          actorLabelsOf(mentions, attributed),
          actorLabelsOf(
            mentions.filter((m) => m.setAside !== null),
            attributed,
          ),
        ),
        items: s.articles
          .filter((id) => kept.has(id))
          .map((id) => ({
            id,
            outlet: meta.get(id)!.outlet,
            date: meta.get(id)!.date ?? '',
            title: meta.get(id)!.title,
          })),
      };
    })
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
  const stored = view.query.provenance === 'all' ? storedArticleProvenance(bundle, id) : null;
  return stored ?? articleProvenanceModel(bundle.provenance, bundle.corpus, id);
}

/**
 * In the production server, an article's provenance page from its stored record (one part of the version's pages)
 * and the text of it and of the articles it shares passages with, each read alone while the whole text is not in
 * memory: no provenance decoded, no corpus read. Null when the record is not stored or an article cannot be read alone.
 */
function storedArticleProvenance(bundle: Bundle, id: string): ArticleProvenanceModel | null {
  let cache = articlePages.get(bundle);
  if (!cache) articlePages.set(bundle, (cache = new Map()));
  const hit = cache.get(id);
  if (hit) return hit;
  const made = articlePageFromStore(bundle, id);
  if (!made) return null;
  if (cache.size >= MAX_ARTICLE_PAGES) cache.delete(cache.keys().next().value!);
  cache.set(id, made);
  return made;
}

// The last article pages made from the store, per bundle: the proxy's check makes the model a page then renders (a
// widely reprinted article reads a hundred partners alone), so the render takes it from here.
const articlePages = new WeakMap<Bundle, Map<string, ArticleProvenanceModel>>();
const MAX_ARTICLE_PAGES = 8;

function articlePageFromStore(bundle: Bundle, id: string): ArticleProvenanceModel | null {
  const record = articlePageOf(bundle, id);
  const meta = record && bundle.meta.articles[positionOf(bundle.meta, id)];
  if (!record || !meta) return null;
  const ready = textReady(bundle);
  const texts = new Map<string, string>();
  for (const x of [id, ...record.partners.map((o) => o.article)]) {
    const text = ready ? analysedTextOf(bundle, x) : articleAlone(bundle, x)?.analysis.text;
    if (text === undefined) return null;
    texts.set(x, text);
  }
  const titles = titlesOf(bundle);
  return articleProvenanceFromRecord(
    record,
    meta,
    (x) => titles.get(x),
    (x) => texts.get(x)!,
  );
}

// The analysed text of an article of a bundle whose whole text is in memory.
function analysedTextOf(bundle: Bundle, id: string): string | undefined {
  const i = positionOf(bundle.meta, id);
  return i < 0 ? undefined : bundle.live.analyses[i]?.text;
}

/** The corpus provenance page: every outlet's shares, who reuses whom, and term substitutions in shared passages. */
export function corpusProvenanceOf(view: View): CorpusProvenanceModel {
  const { bundle } = sourceOf(view);
  // In the production server the version's stored summary, unless the view is filtered by provenance (its statistics
  // read the whole provenance anyway): the same model without decoding the provenance or reading any text.
  const summary = view.query.provenance === 'all' ? provenanceSummaryOf(bundle) : null;
  if (summary) return corpusProvenanceFromSummary(summary, bundle.meta, view.query.outlets);
  return corpusProvenanceModel(bundle.provenance, bundle.corpus, bundle.live.analyses, view.query.outlets);
}

/** Most rows a lexicon preview lists (largest changes first); `total` says how many changed. */
export const MAX_PREVIEW_ROWS = 300;

/** How an edited lexicon would change a corpus's counts: the changed cells with their names and a sentence each. */
export interface LexiconPreview {
  corpus: string;
  version: string;
  articles: number;
  total: number;
  rows: (CountChange & { groupName: string; variantName: string | null; outletName: string; sentence: string })[];
}

/**
 * Compares the counts of a corpus's current version (its analyses, already made) with the counts under an edited
 * lexicon (analysed off the request thread, within the preview budget).
 */
export async function lexiconPreviewOf(corpusId: string, candidate: Lexicon): Promise<LexiconPreview> {
  const { bundle } = bundleFor(corpusId, null);
  const { corpus, live } = bundle;
  const before = countMentions(live.analyses);
  const after = await countOffThread(corpus.articles, candidate);
  const changes = countChanges(before, after, corpus.lexicon, candidate);
  const group = new Map<string, string>();
  const variant = new Map<string, string>();
  // The edited lexicon's names win: a renamed variant is shown as it will be called.
  for (const lex of [corpus.lexicon, candidate])
    for (const g of lex.groups) {
      group.set(g.id, g.short);
      for (const v of g.variants) variant.set(`${g.id}/${v.id}`, v.label);
    }
  const outlet = new Map(corpus.outlets.map((o) => [o.id, o.name]));
  const names = {
    group: (id: string) => group.get(id) ?? id,
    variant: (g: string, id: string) => variant.get(`${g}/${id}`) ?? id,
    outlet: (id: string) => outlet.get(id) ?? id,
  };
  return {
    corpus: corpusId,
    version: corpus.version,
    articles: corpus.articles.length,
    total: changes.length,
    rows: changes.slice(0, MAX_PREVIEW_ROWS).map((c) => ({
      ...c,
      groupName: names.group(c.group),
      variantName: c.variant === null ? null : names.variant(c.group, c.variant),
      outletName: c.outlet === '' ? 'All outlets' : names.outlet(c.outlet),
      sentence: changeSentence(c, names),
    })),
  };
}
// The text a view keeps, as the vocabulary reads it.
function textQueryOf(state: ViewState): TextQuery {
  return { voice: state.voice, scope: state.scope, provenance: state.provenance, subset: subsetOf(state) };
}

/** The sentences of a term or search in a view, one page, with the totals before and after the text filter. */
export interface TermKwic {
  rows: Paged<KwicRow>;
  unfiltered: number;
  counts: OccurrenceCount[];
}

/** A view's distinctive vocabulary: side a against b (another outlet or group, or the rest), and the term opened. */
export interface VocabularyModel {
  a: string;
  /** The other side's id, or "rest". */
  vs: string;
  /** The prior's corpus id (the view's own when no background corpus is chosen). */
  prior: string;
  minCount: number;
  minArticles: number;
  answer: VocabularyAnswer;
  kwic: TermKwic | null;
}

/**
 * The distinctive vocabulary of the view's first outlet (or group) against its second, or against the rest when only
 * one is named; null when none is named. Counted per view key and scored per comparison (both kept per bundle).
 */
export function vocabularyOf(view: View): VocabularyModel | null {
  const [a, b] = view.query.outlets;
  if (!a) return null;
  const { bundle } = sourceOf(view);
  const tq = textQueryOf(view.query);
  const table = readyOr(vocabularyTable(bundle, tq, sourceKey(view)), () => countedTable(bundle, tq));
  const { sideA, sideB } = sidesOf(view, bundle);
  const bg = view.query.bg;
  const o = { ...DEFAULT_SCORE, minCount: view.query.min ?? DEFAULT_SCORE.minCount };
  const answer = remembered(bundle, `v|${textKey(tq)}|${a}|${b ?? ''}|${bg ?? ''}|${o.minCount}`, () => {
    const background = priorOf(view);
    const prior = background
      ? readyOr(vocabularyTable(background.bundle, background.q, background.src), () =>
          countedTable(background.bundle, background.q),
        )
      : null;
    return vocabularyAnswer(bundle.meta.lexicon, table, sideA, sideB, o, prior);
  });
  const term = view.query.term;
  const kwic = term ? termKwic(view, bundle, tq, new Set([...sideA, ...sideB]), { kind: 'term', term }) : null;
  return {
    a,
    vs: b ?? 'rest',
    prior: bg ?? view.query.corpus,
    minCount: o.minCount,
    minArticles: o.minArticles,
    answer,
    kwic,
  };
}

// The outlets of each side of a vocabulary view: the first outlet or group, and the second or the rest.
function sidesOf(view: View, bundle: Bundle): { sideA: string[]; sideB: string[] } {
  const [a, b] = view.query.outlets;
  const sideA = membersOf(view.stats, a);
  const sideB = b
    ? membersOf(view.stats, b).filter((m) => !sideA.includes(m))
    : bundle.meta.outlets.map((o) => o.id).filter((m) => !sideA.includes(m));
  return { sideA, sideB };
}

// A background corpus for the prior is read as a whole, under the view's voice, scope and provenance.
function priorOf(view: View): { bundle: Bundle; q: TextQuery; src: Source } | null {
  const bg = view.query.bg;
  if (!bg || bg === view.query.corpus) return null;
  const q = { ...textQueryOf(view.query), subset: { from: null, to: null, shared: null } };
  return { bundle: bundleFor(bg, null).bundle, q, src: { corpus: bg, version: null } };
}

// Which corpus version a view's vocabulary and search answers read.
function sourceKey(view: View): Source {
  return { corpus: view.query.corpus, version: view.pinned ? view.query.version : null };
}

// An answer the proxy waited for; should it be gone by the time the page renders (evicted), it is made here.
function readyOr<T>(a: Answer<T>, here: () => T): T {
  return a.state === 'ready' ? a.value : here();
}

function termKwic(view: View, bundle: Bundle, tq: TextQuery, members: Set<string> | null, finder: Finder): TermKwic {
  const titles = () => titlesOf(bundle);
  const found = readyOr(occurrencesOf(bundle, tq, sourceKey(view), titles, members, finder), () =>
    occurrences(
      articleTexts(bundle, tq),
      bundle.meta.outlets.map((x) => x.id),
      titles(),
      members,
      finder,
    ),
  );
  const rows = filterKwic(found.rows, view.query.sort, view.query.q);
  return { rows: pageOf(rows, view.query.page), unfiltered: found.rows.length, counts: found.counts };
}

/** A search of the view's text: the pattern as read, counts per outlet, and one page of its sentences. */
export interface SearchModel {
  pattern: string;
  kwic: TermKwic;
}

// The outlets whose sentences a search lists: those the view names (all when none).
function searchMembers(view: View): Set<string> | null {
  return view.query.outlets.length ? new Set(view.query.outlets.flatMap((id) => membersOf(view.stats, id))) : null;
}

/**
 * The view's term search (`term`): counts per outlet over every outlet, sentences of the chosen outlets (all when
 * none); null when no term is given.
 */
export function searchOf(view: View): SearchModel | null {
  const parsed = view.query.term ? parseSearch(view.query.term) : null;
  if (!parsed || !parsed.ok) return null;
  const { bundle } = sourceOf(view);
  const tq = textQueryOf(view.query);
  // From the stored word index when there is one: only the articles holding matches are read, and no worker starts.
  const stored = searchIndexFor(bundle, tq);
  const fromIndex = stored && searchFromIndex(view, stored);
  if (fromIndex) return fromIndex;
  const kwic = termKwic(view, bundle, tq, searchMembers(view), { kind: 'search', pattern: parsed.pattern });
  return { pattern: parsed.pattern.source, kwic };
}

/**
 * The view's term search answered from a stored word index and mention postings (see lib/server/searchStored.ts):
 * the same model searchOf gives from the whole text. Null when no term is given or an article cannot be read alone;
 * throws an AnalysingError while a large set of matching articles is read in the background.
 */
export function searchFromIndex(view: View, stored: Parameters<typeof indexedOccurrences>[1]): SearchModel | null {
  const parsed = view.query.term ? parseSearch(view.query.term) : null;
  if (!parsed || !parsed.ok) return null;
  const { bundle } = sourceOf(view);
  const tq = textQueryOf(view.query);
  const titles = () => titlesOf(bundle);
  // The default order with no text query: one word's page reads only its own articles.
  const page =
    view.query.sort === 'position' && !view.query.q.trim()
      ? indexedPage(bundle, stored, tq, searchMembers(view), parsed.pattern, titles, view.query.page)
      : null;
  if (page) return { pattern: parsed.pattern.source, kwic: page };
  const found = indexedOccurrences(bundle, stored, tq, searchMembers(view), parsed.pattern, titles);
  if (!found) return null;
  const rows = filterKwic(found.rows, view.query.sort, view.query.q);
  const kwic = { rows: pageOf(rows, view.query.page), unfiltered: found.rows.length, counts: found.counts };
  return { pattern: parsed.pattern.source, kwic };
}

/** What a vocabulary or search view is waiting for: counting on a worker (ask again soon), or refused and why. */
export type Pending = { counting: true; message: string } | { counting: false; message: string };

/**
 * What a vocabulary or search URL waits for (see pendingOf), checked by the proxy before rendering; null at once, with
 * nothing opened, for a corpus whose answers are made on the request thread (the page makes them, once).
 */
export function pendingFor(pathname: string, params: Params): Pending | null {
  const { corpus, version, bg } = parseState(toSearchParams(params)).state;
  const here = answeredHere(bundleFor(corpus, version).bundle);
  if (here && (!bg || bg === corpus || answeredHere(bundleFor(bg, null).bundle))) return null;
  const opened = openView(pathname, params);
  return opened.ok ? pendingOf(opened.view) : null;
}

/**
 * Whether a vocabulary or search view (page or API) can be answered now; if not, starts the worker that makes what it
 * needs (the proxy then answers 503 with Retry-After) or says why it was refused. Null for other views and when ready.
 */
export function pendingOf(view: View): Pending | null {
  const id = view.route.route.id;
  const { bundle } = sourceOf(view);
  const tq = textQueryOf(view.query);
  const src = sourceKey(view);
  const titles = () => titlesOf(bundle);
  // Each answer the view needs, with what it is in words (for the page that says it is being made).
  const answers: [string, Bundle, () => Answer<unknown>][] = [];
  const text = filterCaption(view.query);
  if ((id === 'vocabulary' || id === 'vocabulary-api') && view.query.outlets[0]) {
    answers.push([
      `Counting the vocabulary of ${view.query.corpus} (${text})`,
      bundle,
      () => vocabularyTable(bundle, tq, src),
    ]);
    const background = priorOf(view);
    if (background)
      answers.push([
        `Counting the vocabulary of ${background.src.corpus}, the prior`,
        background.bundle,
        () => vocabularyTable(background.bundle, background.q, background.src),
      ]);
    const term = view.query.term;
    if (term && id === 'vocabulary') {
      const { sideA, sideB } = sidesOf(view, bundle);
      const members = new Set([...sideA, ...sideB]);
      answers.push([
        `Finding the sentences of "${term}" in ${view.query.corpus}`,
        bundle,
        () => occurrencesOf(bundle, tq, src, titles, members, { kind: 'term', term }),
      ]);
    }
  }
  if (id === 'search' && view.query.term) {
    const parsed = parseSearch(view.query.term);
    // A search the word index answers (searchOf) needs no worker.
    if (parsed.ok && !searchIndexFor(bundle, tq))
      answers.push([
        `Searching ${view.query.corpus} for "${parsed.pattern.source}" (${text})`,
        bundle,
        () => occurrencesOf(bundle, tq, src, titles, searchMembers(view), { kind: 'search', pattern: parsed.pattern }),
      ]);
  }
  for (const [what, b, answer] of answers) {
    // A small corpus's answer is made by the page, once: not here as well.
    if (answeredHere(b)) continue;
    const a = answer();
    if (a.state === 'counting')
      return {
        counting: true,
        message: `${what} on a worker thread (started ${Math.round((Date.now() - a.since) / 1000)} s ago).`,
      };
    if (a.state === 'failed') return { counting: false, message: a.message };
  }
  return null;
}

// A preparation that is running, or that failed (its error stays visible until a later one succeeds).
function analysisOf(corpus: string): { done: number; total: number; error: string | null } | null {
  const p = preparationOf(corpus);
  if (!p || (p.finished && !p.error)) return null;
  return { done: p.done, total: p.total, error: p.error };
}
