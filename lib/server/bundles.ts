import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_OPTIONS, compareTallies, viewTally, type Entity } from '../analysis/aggregate';
import type { AnalysisExport, DistinctiveRow } from '../analysis/exportTypes';
import { liveExport, liveOf, type LiveCorpus } from '../analysis/live';
import { analyzeArticle, compileEngine, type ArticleAnalysis } from '../analysis/article';
import { tallyOfOutlets } from '../analysis/tallies';
import { UNATTRIBUTED } from '../lexicon/parse';
import { corpusFingerprint } from '../corpus/fingerprint';
import {
  CORPUS_ROOT,
  folderFiles,
  lexiconPathFor,
  loadCorpusFrom,
  type CorpusFiles,
  type LoadedCorpus,
} from '../corpus/load';
import { backgroundOnly, currentStore } from '../store/current';
import { articleKey, lexiconKey, versionKey } from '../store/keys';
import type { StoreScope } from '../store/types';
import { restoreProvenance } from '../store/provenanceCodec';
import { hasProvenance, readProvenance } from '../store/derived';
import { AnalysingError, preparationOf, prepareInBackground, type Preparation } from '../store/prepare';
import { keepVersions, snapshotFiles, versionStatus } from '../corpus/snapshots';
import { corpusProvenance } from '../provenance/corpusProvenance';
import { withProvenance } from '../provenance/exportRows';
import { filteredLive } from '../provenance/filter';
import type { CorpusProvenance } from '../provenance/model';
import type { AnalysisOptions, Corpus, ProvenanceFilter } from '../types';
import { corpusOf } from '../url/route';
import { membersOf } from '../view/model';
import type { Catalog, Params } from '../url/state';
import { corpusStories, isWhole, sliceExport, sliceOf, subsetKey, withTimeFields } from '../analysis/slice';
import type { ArticleSubset, Slice } from '../analysis/slice';
import type { Story } from '../stories/cluster';
import { monthTallies, type MonthTallies } from '../analysis/monthTallies';

/** A loaded corpus with its per-article analyses and the exports computed so far, valid for one fingerprint. */
export interface Bundle {
  dir: string;
  /** The corpus as loaded; `warnings` names article files that could not be read and were skipped. */
  corpus: LoadedCorpus;
  /** The analyses and per-outlet tallies of this version. */
  live: LiveCorpus;
  exports: Map<string, AnalysisExport>;
  /** Serialised exports for the API, so a request sends cached bytes instead of re-serialising megabytes. */
  json: Map<string, string>;
  comparisons: Map<string, DistinctiveRow[]>;
  /** Every sentence's provenance (reuse across the corpus, credit lines), computed once per version. */
  provenance: CorpusProvenance;
  /** The analyses as each provenance option sees them (original text only, reused text only), made when first asked. */
  filtered: Map<ProvenanceFilter, LiveCorpus>;
  fingerprint: string;
  /** Where the store keeps this version's analyses and derived data (its scope and version key). */
  storeKey?: { scope: StoreScope; version: string };
  /**
   * The catalog last built for this bundle, with the corpus list it was built with (every request checks URLs against
   * it).
   */
  catalog?: { corpora: string; catalog: Catalog };
}

const bundles = new Map<string, Bundle>();

/** Ids of the corpus folders under corpus/ (those with a corpus.json). */
export function listCorpora(): string[] {
  return readdirSync(CORPUS_ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(CORPUS_ROOT, d.name, 'corpus.json')))
    .map((d) => d.name)
    .sort();
}

/** How often the per-file fingerprint of a corpus folder is taken again (an edit in place shows within this). */
export const RESCAN_MS = 2000;
const scans = new Map<string, { at: number; value: string }>();

/**
 * What a corpus folder's data version is read from. Writes are atomic renames, which change a folder's mtime, so
 * three stats on every request see any write at once; an article edited in place by hand changes no folder, so the
 * size and times of every file are read too, at most once every RESCAN_MS (the one rule that decides staleness).
 */
function fingerprint(dir: string, now = Date.now()): string {
  const m = (p: string) => (existsSync(p) ? statSync(p).mtimeMs : 0);
  const quick = [m(path.join(dir, 'corpus.json')), m(lexiconPathFor(dir)), m(path.join(dir, 'articles'))].join(':');
  let scan = scans.get(dir);
  if (!scan || now - scan.at >= RESCAN_MS) scans.set(dir, (scan = { at: now, value: corpusFingerprint(dir) }));
  return `${quick}:${scan.value}`;
}

/**
 * A bundle of one corpus version built from the store: the analyses and provenance stored for it, and, where the store
 * lacks some, what `fill` makes (null: the store is missing something and nothing may be analysed here).
 */
function fromStore(
  corpusId: string,
  files: CorpusFiles,
  dir: string,
  fp: string,
  fill: ((corpus: LoadedCorpus, missing: number[], analyses: (ArticleAnalysis | null)[]) => void) | null,
): Bundle | { missing: number; total: number } {
  const corpus = loadCorpusFrom(files);
  const store = currentStore();
  const scope = { corpus: corpusId, lexicon: lexiconKey(corpus.lexicon) };
  const keys = corpus.articles.map(articleKey);
  const analyses = store.read(scope, corpus.articles, keys);
  const missing: number[] = [];
  analyses.forEach((a, i) => a === null && missing.push(i));
  const version = versionKey(keys, scope.lexicon);
  const stored = missing.length === 0 && hasProvenance(store, scope, version);
  if (!fill && (missing.length || !stored)) return { missing: missing.length, total: keys.length };
  if (missing.length) fill!(corpus, missing, analyses);
  const live = liveOf(corpus, analyses as ArticleAnalysis[]);
  let provenance: CorpusProvenance | null = stored ? null : corpusProvenance(corpus, live.analyses);
  return {
    dir,
    corpus,
    live,
    exports: new Map(),
    json: new Map(),
    comparisons: new Map(),
    // Decoded when a view first needs it (a provenance filter, page or the export's rows), not before the first view.
    get provenance() {
      if (!provenance) {
        const dates = new Map(corpus.articles.map((a) => [a.id, a.date]));
        const kept = readProvenance(store, scope, version);
        // A provenance file that became unreadable since (another Node's serializer) is made again here, once.
        provenance = kept ? restoreProvenance(kept, live.analyses, dates) : corpusProvenance(corpus, live.analyses);
      }
      return provenance;
    },
    filtered: new Map(),
    fingerprint: fp,
    storeKey: { scope, version },
  };
}

/** Fills missing analyses on this thread: from a previous bundle where the article is unchanged, else by analysing. */
function fillHere(previous: Bundle | undefined) {
  return (corpus: LoadedCorpus, missing: number[], analyses: (ArticleAnalysis | null)[]) => {
    const same = previous && lexiconKey(previous.corpus.lexicon) === lexiconKey(corpus.lexicon);
    const before = new Map(
      same ? previous.live.analyses.map((a, i) => [articleKey(previous.corpus.articles[i]), a]) : [],
    );
    const engine = compileEngine(corpus.lexicon);
    for (const i of missing)
      analyses[i] = before.get(articleKey(corpus.articles[i])) ?? analyzeArticle(corpus.articles[i], engine);
  };
}

/**
 * The corpus with its analyses, read from the store once per corpus change. In the production server nothing is
 * analysed here: a version the store lacks analyses for is analysed by workers in the background while the previous
 * version keeps serving (with none, an AnalysingError says how far it is). Elsewhere (tests, `next dev`) the missing
 * analyses are made here, in memory. Reading never writes: versions and analyses are kept by the writers.
 */
export function getBundle(corpusId: string): Bundle {
  const dir = path.join(CORPUS_ROOT, corpusId);
  const fp = fingerprint(dir);
  const cached = bundles.get(corpusId);
  if (cached && cached.fingerprint === fp) return cached;
  const background = backgroundOnly();
  const prep = preparationOf(corpusId);
  if (background && prep && !prep.finished) {
    if (cached) return cached;
    throw new AnalysingError(prep);
  }
  const built = fromStore(corpusId, folderFiles(dir), dir, fp, background ? null : fillHere(cached));
  if ('fingerprint' in built) {
    bundles.set(corpusId, built);
    return built;
  }
  // A failed preparation of this same version is not retried on every request: its error is the answer.
  if (prep?.finished && prep.error && prep.version === fp) {
    if (cached) return cached;
    throw new Error(`corpus "${corpusId}" could not be analysed: ${prep.error}`);
  }
  const started = prepareInBackground(dir, fp);
  if (cached) return cached;
  throw new AnalysingError({ corpus: corpusId, done: started.done || built.total - built.missing, total: built.total });
}

/**
 * Starts the background analysis of a corpus whose current version the store lacks analyses or provenance for (the
 * server's start-up calls it for every corpus); null when everything is stored. Reads the corpus, never analyses it.
 */
export function analyseMissingInBackground(corpusId: string): Preparation | null {
  const dir = path.join(CORPUS_ROOT, corpusId);
  const corpus = loadCorpusFrom(folderFiles(dir));
  const store = currentStore();
  const scope = { corpus: corpusId, lexicon: lexiconKey(corpus.lexicon) };
  const keys = corpus.articles.map(articleKey);
  const stored = store.stored(scope, keys).size;
  if (stored === new Set(keys).size && hasProvenance(store, scope, versionKey(keys, scope.lexicon))) return null;
  const p = prepareInBackground(dir, fingerprint(dir));
  p.total = keys.length;
  p.done = stored;
  return p;
}

const old = new Map<string, Bundle>();
const MAX_OLD_VERSIONS = 4;

/**
 * The bundle a URL asks for: the current version, or a kept older version when the URL pins one (`pinned` is then
 * true). A pinned version that was never kept falls back to the current one.
 */
export function bundleFor(corpusId: string, version: string | null): { bundle: Bundle; pinned: boolean } {
  const current = getBundle(corpusId);
  if (!version || version === current.corpus.version) return { bundle: current, pinned: false };
  const key = `${corpusId}@${version}`;
  const hit = old.get(key);
  if (hit) return { bundle: hit, pinned: true };
  const files = snapshotFiles(corpusId, version);
  if (!files) return { bundle: current, pinned: false };
  // A kept version's analyses are in the store when it was once current under the same lexicon; one kept before the
  // store existed is analysed here, once (kept versions are few and small next to the current one).
  const bundle = fromStore(corpusId, files, current.dir, key, fillHere(current)) as Bundle;
  if (old.size >= MAX_OLD_VERSIONS) old.delete(old.keys().next().value!);
  old.set(key, bundle);
  return { bundle, pinned: true };
}

// Per-bundle caches of the time and story work, kept beside the bundle so its shape stays as the other code knows it.
const storyCache = new WeakMap<Bundle, Story[]>();
const sliceCache = new WeakMap<Bundle, Map<string, Slice>>();
const MAX_SLICES = 64;

/** The stories of a bundle's corpus version, clustered once. */
export function storiesOf(b: Bundle): Story[] {
  let s = storyCache.get(b);
  if (!s) storyCache.set(b, (s = corpusStories(b.corpus, b.live.analyses)));
  return s;
}

/**
 * The text of a bundle that a subset (date range, same stories) and a provenance option keep, with its tallies:
 * the provenance option first picks the sentences, the subset then the articles. Computed once per pair (recent ones kept).
 */
export function sliceFor(b: Bundle, subset: ArticleSubset, provenance: ProvenanceFilter = 'all'): Slice {
  let m = sliceCache.get(b);
  if (!m) sliceCache.set(b, (m = new Map()));
  const key = `${provenance}/${subsetKey(subset)}`;
  let s = m.get(key);
  if (!s) {
    const live = liveFor(b, provenance);
    s = isWhole(subset)
      ? { analyses: live.analyses, byOutlet: live.byOutlet, dates: dateCountsOf(b), shared: null }
      : sliceOf(b.corpus, live.analyses, subset, () => storiesOf(b), monthsOf(b, live));
    if (m.size >= MAX_SLICES) m.delete(m.keys().next().value!);
    m.set(key, s);
  }
  return s;
}

// Per-month outlet tallies of each text a provenance option keeps, so a date range sums months instead of articles.
const monthCache = new WeakMap<LiveCorpus, MonthTallies>();
function monthsOf(b: Bundle, live: LiveCorpus): MonthTallies {
  let m = monthCache.get(live);
  if (!m) monthCache.set(live, (m = monthTallies(b.corpus, live.analyses)));
  return m;
}

function dateCountsOf(b: Bundle): Slice['dates'] {
  return { kept: b.corpus.articles.length, outside: 0, undated: b.corpus.articles.filter((a) => !a.date).length };
}

/** The bundle's analyses as a provenance option sees them (all text: the bundle's own), made once per option. */
export function liveFor(b: Bundle, provenance: ProvenanceFilter = 'all'): LiveCorpus {
  if (provenance === 'all') return b.live;
  let live = b.filtered.get(provenance);
  if (!live)
    b.filtered.set(provenance, (live = filteredLive(b.live, b.provenance, { ...DEFAULT_OPTIONS, provenance })));
  return live;
}

// What an export is cached under: the options, then the subset when it is not the whole corpus.
const viewKey = (voice: string, scope: string, provenance: ProvenanceFilter, subset: ArticleSubset) =>
  `${exportKey(voice, scope, provenance)}${isWhole(subset) ? '' : `/${subsetKey(subset)}`}`;

// Any date range can be asked for, so the exports of filtered views are kept for the most recent ranges only.
function remember<T>(cache: Map<string, T>, key: string, value: T, subset: ArticleSubset): void {
  if (!isWhole(subset) && cache.size >= MAX_SLICES) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

const exportKey = (voice: string, scope: string, provenance: ProvenanceFilter) =>
  provenance === 'all' ? `${voice}/${scope}` : `${voice}/${scope}/${provenance}`;

/** What an export is asked for with: a corpus version and the options that pick its text and articles. */
export interface ExportQuery {
  corpus: string;
  version: string | null;
  voice: AnalysisOptions['voice'];
  scope: AnalysisOptions['scope'];
  provenance: ProvenanceFilter;
  subset: ArticleSubset;
}

/**
 * The export of a corpus version under the given voice and scope, for the text a subset (date range, same stories)
 * and a provenance option keep, computed once and cached.
 */
export function getExport(q: ExportQuery): AnalysisExport {
  const b = bundleFor(q.corpus, q.version).bundle;
  const key = viewKey(q.voice, q.scope, q.provenance, q.subset);
  let ex = b.exports.get(key);
  if (!ex) {
    const o = { ...DEFAULT_OPTIONS, voice: q.voice, scope: q.scope };
    const slice = sliceFor(b, q.subset, q.provenance);
    const base = isWhole(q.subset) ? liveExport(liveFor(b, q.provenance), o) : sliceExport(b.corpus, slice, o);
    ex = withProvenance(
      withTimeFields(base, q.subset, slice.dates, () => storiesOf(b)),
      () => b.provenance,
      q.provenance,
    );
    remember(b.exports, key, ex, q.subset);
  }
  return ex;
}

/** The export as JSON text, serialised once per export query. */
export function getExportJson(q: ExportQuery): string {
  const b = bundleFor(q.corpus, q.version).bundle;
  const key = viewKey(q.voice, q.scope, q.provenance, q.subset);
  let text = b.json.get(key);
  if (text === undefined) {
    text = JSON.stringify(getExport(q));
    remember(b.json, key, text, q.subset);
  }
  return text;
}

/** What URLs may name for one corpus version: corpora, outlets and outlet groups, term groups and their variants. */
export function catalogFor(corpusId: string, version: string | null = null): Catalog {
  const corpora = listCorpora();
  if (!corpora.includes(corpusId)) return { corpora, outlets: [], groups: [], variants: {}, articles: [], actors: [] };
  const { bundle } = bundleFor(corpusId, version);
  const withVersion = (catalog: Catalog): Catalog => {
    if (!version) return catalog;
    const current = getBundle(corpusId).corpus.version;
    return {
      ...catalog,
      version: { status: versionStatus(corpusId, version, current), current, keep: keepVersions() },
    };
  };
  if (bundle.catalog?.corpora === corpora.join(',')) return withVersion(bundle.catalog.catalog);
  const c = bundle.corpus;
  const catalog: Catalog = {
    corpora,
    outlets: [...c.outlets.map((o) => o.id), ...c.outletGroups.map((g) => g.id)],
    groups: c.lexicon.groups.map((g) => g.id),
    variants: Object.fromEntries(c.lexicon.groups.map((g) => [g.id, g.variants.map((v) => v.id)])),
    articles: c.articles.map((a) => a.id),
    actors: [...c.lexicon.actors.map((a) => a.id), UNATTRIBUTED],
  };
  bundle.catalog = { corpora: corpora.join(','), catalog };
  return withVersion(catalog);
}

function entity(c: Corpus, id: string): Entity {
  return { id, members: new Set(membersOf(c, id)) };
}

/**
 * Log-odds z-scores among chosen outlets or groups: for two, one against the other; for more, each
 * against the others combined. The prior comes from the whole corpus, as in the export. Cached per corpus version.
 */
export function compareEntities(q: ExportQuery, ids: string[]): DistinctiveRow[] {
  const b = bundleFor(q.corpus, q.version).bundle;
  const key = `${viewKey(q.voice, q.scope, q.provenance, q.subset)}/${ids.join(',')}`;
  const cached = b.comparisons.get(key);
  if (cached) return cached;
  const rows = computeComparison(b, ids, q, sliceFor(b, q.subset, q.provenance).byOutlet);
  // Any outlet set can be asked for, so keep the most recent comparisons only.
  if (b.comparisons.size >= MAX_COMPARISONS) b.comparisons.delete(b.comparisons.keys().next().value!);
  b.comparisons.set(key, rows);
  return rows;
}

const MAX_COMPARISONS = 256;

function computeComparison(
  b: Bundle,
  ids: string[],
  o: Pick<AnalysisOptions, 'voice' | 'scope' | 'provenance'>,
  byOutlet: Bundle['live']['byOutlet'],
): DistinctiveRow[] {
  const opts = { ...DEFAULT_OPTIONS, voice: o.voice, scope: o.scope };
  const tallyOf = (members: Iterable<string>) => viewTally(tallyOfOutlets(byOutlet, members), opts);
  const whole = tallyOf(b.corpus.outlets.map((x) => x.id));
  const pairs: [string, string[]][] =
    ids.length === 2 ? [[ids[0], [ids[1]]]] : ids.map((id) => [id, ids.filter((x) => x !== id)]);
  return pairs.flatMap(([a, others]) => {
    const ea = entity(b.corpus, a);
    const members = new Set(others.flatMap((x) => [...entity(b.corpus, x).members]).filter((m) => !ea.members.has(m)));
    const vs = others.length === 1 ? others[0] : 'others';
    return compareTallies(b.corpus, tallyOf(ea.members), tallyOf(members), whole, a, vs, opts.alpha0);
  });
}

/**
 * What a rendered view of this URL depends on besides the URL itself: the corpus list (the switcher) and the
 * files of the corpus it shows (a pinned version is a snapshot, but may fall back to the current files). A change
 * to either changes this string, so cached answers never go stale. Read off the files alone, without loading the
 * corpus, so a cached answer costs a directory listing and a few stats.
 */
export function dataVersionOf(params: Params): string {
  const { corpus, version } = corpusOf(params);
  const corpora = listCorpora();
  if (!corpora.includes(corpus)) return `${corpora.join(',')}|-`;
  // The store's stamp too: a version analysed in the background replaces the previous one without a file changing.
  const files = fingerprint(path.join(CORPUS_ROOT, corpus));
  // While a background preparation runs the previous version serves: those answers must not be kept for after it,
  // which may end without storing anything (another server of a shared database stored the same data first).
  const prep = preparationOf(corpus);
  const preparing = prep && !prep.finished ? `|preparing ${prep.version}` : '';
  return `${corpora.join(',')}|${corpus}|${version ?? ''}|${files}|${currentStore().stamp(corpus)}${preparing}`;
}

/** The catalog for the corpus and version a URL names. */
export function catalogOf(params: Params): Catalog {
  const { corpus, version } = corpusOf(params);
  return catalogFor(corpus, version);
}
