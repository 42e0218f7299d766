/**
 * The one list of routes. The proxy's URL check, the front server's answer cache, the embed list and the page
 * titles all read it, so a route added here is checked and cached everywhere, and one left out is neither.
 */

/** What the path segment of a route names, checked against the corpus catalog. */
export type PathParam = 'outlet' | 'group' | 'article' | 'embed';

/** One route: its path template, how its URL is checked, and whether plain loads of it may be cached. */
export interface RouteDef {
  id: string;
  /** Path template; `:id` is the one dynamic segment. */
  path: string;
  /** What `:id` names. */
  param?: PathParam;
  /** Its query is the view state, checked before rendering (400 for malformed, 404 for unknown ids). */
  checked: boolean;
  /** A plain GET answer depends only on the canonical URL and the data version, so it may be cached. */
  cached: boolean;
  /** Errors are answered as JSON rather than as a page. */
  api: boolean;
  /** Most outlets its URL may name (a comparison of one side against another); unset: any number. */
  maxOutlets?: number;
  /** Reads the version's provenance whatever its query (the provenance pages; the export with its provenance rows). */
  provenance?: boolean;
  /**
   * Reads article text or per-article analyses whatever its query (article pages, lists of articles, time series,
   * stories, exports with their rows, vocabulary and search answered in the process).
   */
  text?: boolean;
  /** Reads the version's stories whatever its query (the stories page; the export, whose JSON lists them). */
  stories?: boolean;
  /** Reads the time series, summed from the version's stored time cells when the store holds them (needsSeries). */
  series?: boolean;
}

const route = (id: string, path: string, o: Partial<Omit<RouteDef, 'id' | 'path'>> = {}): RouteDef => ({
  id,
  path,
  checked: true,
  cached: true,
  api: path.startsWith('/api/'),
  ...o,
});

/** Every route of the app, pages and API alike. */
export const ROUTES: readonly RouteDef[] = [
  route('overview', '/'),
  route('compare', '/compare'),
  route('outlet', '/outlet/:id', { param: 'outlet', text: true }),
  route('group', '/group/:id', { param: 'group' }),
  // An article page reads its one article alone when it can (lib/server/dataset.ts textOf).
  route('article', '/article/:id', { param: 'article', text: true }),
  route('article-raw', '/article/:id/raw', { param: 'article', cached: false }),
  route('provenance', '/provenance', { provenance: true }),
  route('article-provenance', '/provenance/:id', { param: 'article', provenance: true }),
  route('embed', '/embed/:id', { param: 'embed' }),
  route('time', '/time', { series: true }),
  route('stories', '/stories', { text: true, stories: true }),
  // Distinctive n-grams of an outlet against the rest or another, and a corpus-wide term search with its sentences.
  route('vocabulary', '/vocabulary', { maxOutlets: 2, text: true }),
  route('search', '/search', { text: true }),
  // Versions, forms and the admin state change without the corpus changing: never cached.
  route('manage', '/manage', { cached: false }),
  // The lexicon and rules of the corpus named, with the statistics' formulas.
  route('methods', '/methods'),
  route('analysis', '/api/analysis', { provenance: true, stories: true }),
  // "Download all data": a view's tables, JSON export, README, citation and methods as one ZIP.
  route('download', '/api/download', { provenance: true, stories: true }),
  route('og', '/api/og'),
  route('timeseries', '/api/timeseries', { series: true }),
  route('vocabulary-api', '/api/vocabulary', { maxOutlets: 2, text: true }),
  // Writes check their own bodies and tokens.
  route('upload', '/api/upload', { checked: false, cached: false }),
  route('lexicon', '/api/lexicon', { checked: false, cached: false }),
  route('lexicon-preview', '/api/lexicon/preview', { checked: false, cached: false }),
  route('session', '/api/session', { checked: false, cached: false }),
];

/**
 * Whether a request of a route reads the corpus version's provenance: the routes that always do, and any view filtered
 * by provenance (`provenance=original|reused`). Until a version's provenance is stored these wait; the rest serve.
 */
export function needsProvenance(route: RouteDef, params: URLSearchParams): boolean {
  const p = params.get('provenance');
  return route.provenance === true || (p !== null && p !== 'all');
}

/**
 * Whether a request of a route reads the version's stories: the routes that always do, and any view compared on the
 * stories every side covered (`stories=shared`). In the production server a large version's stories the store lacks
 * are clustered on a worker, and these wait.
 */
export function needsStories(route: RouteDef, params: URLSearchParams): boolean {
  return route.stories === true || params.get('stories') === 'shared';
}

/**
 * Whether a request of a route reads article text or per-article analyses whatever the corpus's tallies hold: the
 * routes that always do, those that read provenance (decoded against the analyses) and a drill-down (`sel=`). Other
 * views are answered from the stored tallies (and a time series from the stored time cells) unless their filters cut
 * into months or stories or the store lacks the cells (the proxy finds those by opening the view).
 */
export function needsText(route: RouteDef, params: URLSearchParams): boolean {
  return route.text === true || needsProvenance(route, params) || params.has('sel');
}

/**
 * Whether a request of a route reads the naming-over-time series: /time, its API and the time chart's preview image.
 * The series is summed from the version's stored time cells; without them (or under a filter they do not answer) it
 * reads every article's analysis, so the proxy then treats the view as one that reads text.
 */
export function needsSeries(route: RouteDef, params: URLSearchParams): boolean {
  return route.series === true || (route.id === 'og' && params.get('chart') === 'time');
}

/** What an embeddable chart needs in its URL besides the common state. */
export interface EmbedDef {
  id: string;
  title: string;
  needsGroup: boolean;
  /** How many outlets the URL must name: [min, max]; null when any number (none meaning all) will do. */
  outlets: [number, number] | null;
  outletsMessage?: string;
}

/** Every chart that has an embed route. */
export const EMBEDS: readonly EmbedDef[] = [
  { id: 'shares', title: 'Term shares', needsGroup: true, outlets: null },
  { id: 'stance', title: 'Stance index', needsGroup: true, outlets: null },
  { id: 'sentiment', title: 'Sentiment', needsGroup: false, outlets: null },
  {
    id: 'distinctive',
    title: 'Distinctive terms',
    needsGroup: true,
    outlets: [1, 2],
    outletsMessage: 'must name one outlet (vs the rest) or two (vs each other)',
  },
  {
    id: 'actors',
    title: 'Who gets which label',
    needsGroup: true,
    outlets: [1, 1],
    outletsMessage: 'must name exactly one outlet for an actor heatmap',
  },
  { id: 'actor-tone', title: 'Tone toward actors', needsGroup: false, outlets: null },
];

/** Chart kinds that have an embed route. */
export const EMBED_CHARTS: readonly string[] = EMBEDS.map((e) => e.id);

/** A path matched to its route, with the decoded dynamic segment (null when it is not valid percent-encoding). */
export interface RouteMatch {
  route: RouteDef;
  /** The raw dynamic segment, as it appears in the path. */
  raw: string | null;
  id: string | null;
}

const PATTERNS = ROUTES.map((r) => ({ r, re: new RegExp(`^${r.path.replace(':id', '([^/]+)')}$`) }));

/** The route a path belongs to, or null for paths the app does not own (static files, unknown paths). */
export function matchRoute(pathname: string): RouteMatch | null {
  for (const { r, re } of PATTERNS) {
    const m = re.exec(pathname);
    if (!m) continue;
    if (m[1] === undefined) return { route: r, raw: null, id: null };
    let id: string | null;
    try {
      id = decodeURIComponent(m[1]);
    } catch {
      id = null;
    }
    return { route: r, raw: m[1], id };
  }
  return null;
}

/** The path of a route for a dynamic segment (encoded). */
export function pathOf(routeId: string, id?: string): string {
  const r = ROUTES.find((x) => x.id === routeId);
  if (!r) throw new Error(`unknown route "${routeId}"`);
  return id === undefined ? r.path : r.path.replace(':id', encodeURIComponent(id));
}
