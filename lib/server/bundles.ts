import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_OPTIONS,
  assembleExport,
  compareTallies,
  exportRows,
  exportStats,
  viewTally,
  type Entity,
  type StatsCorpus,
} from '../analysis/aggregate';
import type { AnalysisExport, DistinctiveRow } from '../analysis/exportTypes';
import { liveExport, liveOf, type LiveCorpus } from '../analysis/live';
import { analyzeArticle, compileEngine, type ArticleAnalysis } from '../analysis/article';
import { tallyOfOutlets, type OutletTally } from '../analysis/tallies';
import { UNATTRIBUTED, parseLexicon } from '../lexicon/parse';
import { corpusFingerprint, corpusFingerprintAsync } from '../corpus/fingerprint';
import {
  CORPUS_ROOT,
  folderFiles,
  lexiconPathFor,
  loadCorpusFrom,
  loadCorpusSteps,
  loadCorpusYielding,
  LOAD_STEP,
  readArticleSource,
  type CorpusFiles,
  type LoadedCorpus,
} from '../corpus/load';
import { backgroundOnly, currentStore } from '../store/current';
import { articleKey, lexiconKey, versionKey } from '../store/keys';
import type { AnalysisStore, StoreScope } from '../store/types';
import { createPacker } from '../store/codec';
import { provenanceOnWorker, storiesOnWorker } from './pinnedProvenance';
import { cutMonthTallies } from './cutMonths';
import { warmBuilt } from './backgroundSteps';
import { readStories, storiesKey } from '../store/storiesJob';
import { restoreProvenance, type StoredProvenance } from '../store/provenanceCodec';
import { hasProvenance, readProvenance, readProvenanceSteps } from '../store/derived';
import { AnalysingError, isAnalysing, preparationOf, prepareInBackground, type Preparation } from '../store/prepare';
import { keepVersions, snapshotFiles, versionStatus } from '../corpus/snapshots';
import { corpusProvenance } from '../provenance/corpusProvenance';
import { withProvenance } from '../provenance/exportRows';
import { filteredLive } from '../provenance/filter';
import type { CorpusProvenance } from '../provenance/model';
import type { AnalysisOptions, Article, ProvenanceFilter } from '../types';
import { corpusOf } from '../url/route';
import { membersOf } from '../view/model';
import type { Catalog, Params } from '../url/state';
import { corpusStories, isWhole, lazyRows, sliceExport, sliceOf, subsetKey, withTimeFields } from '../analysis/slice';
import type { ArticleSubset, Slice } from '../analysis/slice';
import type { Story } from '../stories/cluster';
import { monthTallies, rangeTallies, type MonthTallies } from '../analysis/monthTallies';
import { dateCounts, dateKept, type DateRange } from '../analysis/filters';
import { hasCorpusIndex, metaOf, positionOf, readCorpusIndex, type CorpusMeta } from '../store/corpusIndex';
import { readTallies, talliesKey, talliesKeyOf } from '../store/tallies';
import { hasMentionPostings, type MentionPostings } from '../store/mentionPostings';
import { openMentionPostings } from '../store/mentionPostingsRanges';
import { openSentenceKinds, type StoredSentenceKinds } from '../store/sentenceKindsRanges';
import { readTimeCells } from '../store/timeCells';
import type { TimeCells } from '../time/cells';
import { readProvenanceSummary } from '../store/provenanceSummary';
import { hasProvenancePages, readArticlePage } from '../store/provenancePages';
import type { ArticlePageRecord } from '../provenance/pages';
import type { ProvenanceSummary } from '../provenance/summary';
import { versionStored } from '../store/versionStored';
import { analyseToMemory, missingArticles } from '../store/analyse';
import type { Progress } from '../store/progress';

/** A loaded corpus with its per-article analyses and the exports computed so far, valid for one fingerprint. */
export interface Bundle {
  dir: string;
  /**
   * The corpus without its articles' text (manifest, lexicon, version, warnings, each article's metadata): what
   * catalogs, counts, dates and the statistics read. After a restart it comes from the store's index of the folder,
   * so a view that needs no text reads no article file.
   */
  meta: CorpusMeta;
  /** The per-outlet tallies of the whole text (the store's, when stored). */
  byOutlet: Map<string, OutletTally>;
  /**
   * The corpus as loaded; `warnings` names article files that could not be read and were skipped. Read from the
   * article files when a view first needs their text.
   */
  readonly corpus: LoadedCorpus;
  /** The analyses and per-outlet tallies of this version, read from the store when a view first needs them. */
  readonly live: LiveCorpus;
  exports: Map<string, AnalysisExport>;
  /** Serialised exports for the API, so a request sends cached bytes instead of re-serialising megabytes. */
  json: Map<string, string>;
  comparisons: Map<string, DistinctiveRow[]>;
  /** Every sentence's provenance (reuse across the corpus, credit lines), computed once per version. */
  provenance: CorpusProvenance;
  /** The analyses as each provenance option sees them (original text only, reused text only), made when first asked. */
  filtered: Map<ProvenanceFilter, LiveCorpus>;
  fingerprint: string;
  /**
   * The length of all articles' analysed text together when the store's index of the folder says it (no text read);
   * otherwise it is counted from the analyses.
   */
  textChars?: number;
  /** Where the store keeps this version's analyses and derived data (its scope and version key). */
  storeKey?: { scope: StoreScope; version: string };
  /**
   * The catalog last built for this bundle, with the corpus list it was built with (every request checks URLs against
   * it).
   */
  catalog?: { corpora: string; catalog: Catalog };
}

// Kept on globalThis: Next bundles the proxy apart from the pages and routes, so one process holds two copies of this
// module. Both must read the same bundles (a text or provenance read the proxy started is the one the page then finds
// done) and the same per-bundle caches, keyed by those bundles.
const STATE = Symbol.for('framescope.bundles');
const state = ((globalThis as Record<symbol, unknown>)[STATE] ??= {
  bundles: new Map(),
  old: new Map(),
  pinnedJobs: new Map(),
  pinnedLoads: new Map(),
  monthCache: new WeakMap(),
  storedMonths: new WeakMap(),
  textLoads: new WeakMap(),
  storyCache: new WeakMap(),
  storyJobs: new WeakMap(),
  sliceCache: new WeakMap(),
  probe: { on: false },
  writing: new Map(),
  decoded: new WeakMap(),
  postings: new WeakMap(),
  sentenceKinds: new WeakMap(),
  summaries: new WeakMap(),
}) as {
  bundles: Map<string, Bundle>;
  old: Map<string, Bundle>;
  pinnedJobs: Map<string, PinnedJob>;
  pinnedLoads: Map<string, PinnedLoad>;
  monthCache: WeakMap<LiveCorpus, MonthTallies>;
  storedMonths: WeakMap<Bundle, () => MonthTallies>;
  textLoads: WeakMap<Bundle, TextLoad>;
  storyCache: WeakMap<Bundle, Story[]>;
  /** Stories being clustered on a worker for a large version the store has none for, and how that ended. */
  storyJobs: WeakMap<Bundle, { error: Error | null }>;
  sliceCache: WeakMap<Bundle, Map<string, Slice>>;
  probe: { on: boolean };
  writing: Map<string, number>;
  /** Each bundle's provenance if decoded (read without starting a decode). */
  decoded: WeakMap<Bundle, () => CorpusProvenance | null>;
  postings: WeakMap<Bundle, MentionPostings>;
  sentenceKinds: WeakMap<Bundle, StoredSentenceKinds>;
  summaries: WeakMap<Bundle, ProvenanceSummary>;
};
const bundles = state.bundles;
// Per-month outlet tallies of each text a provenance option keeps, so a date range sums months instead of articles
// (the whole text's are read from the store with the version's other tallies).
const monthCache = state.monthCache;

/** Ids of the corpus folders under corpus/ (those with a corpus.json). */
export function listCorpora(): string[] {
  return readdirSync(CORPUS_ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(CORPUS_ROOT, d.name, 'corpus.json')))
    .map((d) => d.name)
    .sort();
}

/** How often the per-file fingerprint of a corpus folder is taken again (an edit in place shows within this). */
export const RESCAN_MS = 2000;

// Kept on globalThis: the production server's own modules (its watcher, its cache keys) and Next's bundled copy of this
// file share one process and must read the same scans.
const SHARED = Symbol.for('framescope.fingerprints');
const shared = ((globalThis as Record<symbol, unknown>)[SHARED] ??= {
  scans: new Map(),
  watched: false,
}) as { scans: Map<string, { at: number; value: string }>; watched: boolean };
const scans = shared.scans;

/**
 * What a corpus folder's data version is read from. Writes are atomic renames, which change a folder's mtime, so
 * three stats on every request see any write at once; an article edited in place by hand changes no folder, so the
 * size and times of every file are read too: by the server's watcher every RESCAN_MS, off the request (with no
 * watcher, here, at most once every RESCAN_MS). The one rule that decides staleness.
 */
function fingerprint(dir: string, now = Date.now()): string {
  const m = (p: string) => (existsSync(p) ? statSync(p).mtimeMs : 0);
  const quick = [m(path.join(dir, 'corpus.json')), m(lexiconPathFor(dir)), m(path.join(dir, 'articles'))].join(':');
  let scan = scans.get(dir);
  if (!scan || (!shared.watched && now - scan.at >= RESCAN_MS))
    scans.set(dir, (scan = { at: now, value: corpusFingerprint(dir) }));
  return `${quick}:${scan.value}`;
}

/**
 * A bundle of one corpus version built from the store: the analyses and tallies stored for it (its provenance is read
 * when a view first needs it), and, where the store lacks analyses or tallies, what `fill` makes (null: the store is
 * missing something and nothing may be made here, so the caller says how far the background preparation is).
 */
function fromStore(
  corpusId: string,
  files: CorpusFiles,
  dir: string,
  fp: string,
  fill: Fill | null,
  needTallies = true,
  snapshot: string | null = null,
): Bundle | { missing: number; total: number } {
  return assemble(drain(storedSteps(corpusId, files, { done: 0 })), dir, fp, fill, needTallies, snapshot);
}

/** One corpus version's text and the analyses the store holds for it (null where it lacks one). */
interface StoredRead {
  corpus: LoadedCorpus;
  scope: StoreScope;
  keys: string[];
  analyses: (ArticleAnalysis | null)[];
}

// Reads a version's article files, then its stored analyses, in steps of LOAD_STEP (counting each in `progress.done`,
// half a unit per file and per analysis), so the server can read a large one in the background.
function* storedSteps(
  corpusId: string,
  files: CorpusFiles,
  progress: { done: number },
): Generator<void, StoredRead, void> {
  const corpus = yield* counted(loadCorpusSteps(files), (n) => (progress.done = Math.floor(n / 2)));
  const store = currentStore();
  const scope = { corpus: corpusId, lexicon: lexiconKey(corpus.lexicon) };
  const keys = corpus.articles.map(articleKey);
  const analyses: (ArticleAnalysis | null)[] = [];
  for (let i = 0; i < keys.length; i += LOAD_STEP) {
    yield;
    const end = Math.min(i + LOAD_STEP, keys.length);
    for (const a of store.read(scope, corpus.articles.slice(i, end), keys.slice(i, end))) analyses.push(a);
    progress.done = Math.floor((keys.length + end) / 2);
  }
  return { corpus, scope, keys, analyses };
}

// The bundle of what storedSteps read, with what `fill` makes where the store lacks analyses (see fromStore);
// `snapshot`: the kept version it was read from, for a pinned one.
function assemble(
  read: StoredRead,
  dir: string,
  fp: string,
  fill: Fill | null,
  needTallies: boolean,
  snapshot: string | null = null,
): Bundle | { missing: number; total: number } {
  const { corpus, scope, keys, analyses } = read;
  const store = currentStore();
  const missing: number[] = [];
  analyses.forEach((a, i) => a === null && missing.push(i));
  const version = versionKey(keys, scope.lexicon);
  // Stored tallies spare the first view summing every article, and every date range tallying its years and months.
  const tallies = missing.length === 0 ? readTallies(store, scope, talliesKeyOf(corpus, version)) : null;
  if (!fill && (missing.length || (needTallies && !tallies))) return { missing: missing.length, total: keys.length };
  if (missing.length) fill!(corpus, missing, analyses);
  const live = liveOf(corpus, analyses as ArticleAnalysis[], undefined, tallies?.byOutlet);
  if (tallies) monthCache.set(live, tallies.months);
  const made = { dir, fp, scope, version, meta: metaOf(corpus), byOutlet: live.byOutlet, fill, snapshot };
  return makeBundle(made, () => live, {
    corpus,
    months: tallies ? () => tallies.months : null,
  });
}

/**
 * A bundle of the current version read from the store's index of the folder (the restart's path): the corpus without
 * its text and the stored tallies, nothing else. The articles and analyses are read when a view first needs them.
 * Null when the store has no index for the folder as it is now, or no tallies for it.
 */
function fromIndex(corpusId: string, dir: string, fp: string, fill: Fill | null): Bundle | null {
  const scan = scans.get(dir)?.value;
  const scope = scopeOfFolder(corpusId, dir);
  if (!scan || !scope) return null;
  const store = currentStore();
  const index = readCorpusIndex(store, scope, scan);
  const tallies = index && readTallies(store, scope, index.tallies);
  if (!index || !tallies) return null;
  let corpus: LoadedCorpus | null = null;
  let live: LiveCorpus | null = null;
  const total = index.meta.articles.length;
  // One pass of reading: the article files (in steps of LOAD_STEP files), then their analyses (in steps as large). The
  // server runs it in the background, yielding between steps; elsewhere, and as the last resort, it is run through here.
  function* textSteps(progress: { read: number }): Generator<void, LoadedCorpus, void> {
    if (!corpus) {
      let c = yield* counted(loadCorpusSteps(folderFiles(dir)), (n) => (progress.read = n));
      // The folder changed since this version was indexed (the new one is being prepared): its text is read from the
      // version's snapshot; with none kept, the views that need text wait for the new version.
      if (c.version !== index!.meta.version) {
        const kept = snapshotFiles(corpusId, index!.meta.version);
        const old = kept && (yield* counted(loadCorpusSteps(kept), (n) => (progress.read = n)));
        if (!old || old.version !== index!.meta.version) {
          const p = preparationOf(corpusId);
          throw new AnalysingError({ corpus: corpusId, done: p && !p.finished ? p.done : 0, total: c.articles.length });
        }
        c = old;
      }
      // A load that ran through here meanwhile wins: one corpus object per bundle.
      corpus ??= c;
    }
    progress.read = total;
    return corpus;
  }
  function* steps(progress: { read: number; decoded: number }): Generator<void, LiveCorpus, void> {
    const c = yield* textSteps(progress);
    if (live) return live;
    const analyses: (ArticleAnalysis | null)[] = [];
    for (let i = 0; i < c.articles.length; i += LOAD_STEP) {
      if (i > 0) yield;
      const end = Math.min(i + LOAD_STEP, c.articles.length);
      for (const a of store.read(scope!, c.articles.slice(i, end), index!.keys.slice(i, end))) analyses.push(a);
      progress.decoded = end;
    }
    if (live) return live;
    const missing: number[] = [];
    analyses.forEach((a, i) => a === null && missing.push(i));
    if (missing.length && !fill) throw new AnalysingError({ corpus: corpusId, done: 0, total: analyses.length });
    if (missing.length) fill!(c, missing, analyses);
    live = liveOf(c, analyses as ArticleAnalysis[], undefined, tallies!.byOutlet);
    monthCache.set(live, tallies!.months);
    return live;
  }
  // Articles read alone (the article page's), the most recent kept: the proxy's check and the page read the same one.
  const alone = new Map<string, ArticleAlone>();
  const outletIds = new Set(index.meta.outlets.map((o) => o.id));
  // The file of the version's i-th article, read alone; undefined when it cannot be read or was edited since the version
  // was indexed (only the whole, snapshot, read then gives this version's text).
  const fileAt = (i: number): Article | undefined => {
    const id = index.meta.articles[i]?.id;
    // The loader insists on id = file name; an id that could leave the folder is never a file name.
    if (id === undefined || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) return undefined;
    const name = `${id}.txt`;
    let article: Article;
    try {
      const source = readFileSync(path.join(dir, 'articles', name), 'utf8');
      article = readArticleSource(source, name, `articles/${name}`, outletIds);
    } catch {
      return undefined;
    }
    return articleKey(article) === index.keys[i] ? article : undefined;
  };
  // Some of the version's articles (positions, ascending) with their stored analyses, LOAD_STEP at a time; null when
  // one cannot be read alone.
  function* someSteps(at: readonly number[], progress: { done: number }): Generator<void, ArticleAlone[] | null, void> {
    const out: ArticleAlone[] = [];
    for (let s = 0; s < at.length; s += LOAD_STEP) {
      if (s > 0) yield;
      const part = at.slice(s, s + LOAD_STEP);
      const files: Article[] = [];
      for (const i of part) {
        const a = fileAt(i);
        if (!a) return null;
        files.push(a);
      }
      const analyses = store.read(
        scope!,
        files,
        part.map((i) => index!.keys[i]),
      );
      for (let k = 0; k < part.length; k++) {
        const analysis = analyses[k];
        if (!analysis) return null;
        out.push({ article: files[k], analysis });
      }
      progress.done = s + part.length;
    }
    return out;
  }
  const readAlone = (id: string): ArticleAlone | undefined => {
    const hit = alone.get(id);
    if (hit) return hit;
    const i = positionOf(index.meta, id);
    const article = i < 0 ? undefined : fileAt(i);
    if (!article) return undefined;
    const [analysis] = store.read(scope, [article], [index.keys[i]]);
    if (!analysis) return undefined;
    if (alone.size >= MAX_ALONE) alone.delete(alone.keys().next().value!);
    alone.set(id, { article, analysis });
    return { article, analysis };
  };
  let loading: { progress: { read: number; decoded: number }; error: Error | null; done: Promise<void> } | null = null;
  const textLoad: TextLoad = {
    ready: () => live !== null,
    start() {
      if (live) return null;
      if (!loading) {
        const progress = { read: 0, decoded: 0 };
        const run = steps(progress);
        loading = { progress, error: null, done: Promise.resolve() };
        const job = loading;
        job.done = (async () => {
          try {
            // setImmediate: the request that asked is answered (with the loading page) before the first step runs.
            for (let r = (await yieldToLoop(), run.next()); !r.done; r = run.next()) await yieldToLoop();
          } catch (e) {
            job.error = e as Error;
            console.error(`corpus ${corpusId}: reading its text and analyses failed: ${job.error.message}`);
          }
        })();
      }
      // A failed load is tried again by the next view that asks (the folder may have been mended meanwhile).
      if (loading.error) {
        const e = loading.error;
        loading = null;
        throw e;
      }
      const { read, decoded } = loading.progress;
      return { corpus: corpusId, done: Math.floor((read + decoded) / 2), total, stage: 'loading' };
    },
    whenReady: () => loading?.done ?? Promise.resolve(),
    alone: readAlone,
    some: someSteps,
  };
  // Here (tests, `next dev`, and a production view the proxy did not foresee reading text) the pass runs at once.
  const small = () => total <= textHereArticles();
  const runHere = () => {
    if (backgroundOnly() && !live && !probe.on && !small())
      console.warn(`corpus ${corpusId}: a view read every article's text and analyses on the request thread`);
    if (probe.on && !live && !small()) throw new AnalysingError(textLoad.start()!);
    return drain(steps({ read: 0, decoded: 0 }));
  };
  const bundle = makeBundle(
    { dir, fp, scope, version: index.version, meta: index.meta, byOutlet: tallies.byOutlet, fill },
    () => live ?? runHere(),
    {
      corpus: null,
      months: () => tallies.months,
      loadText: () => {
        if (corpus) return corpus;
        if (probe.on && !small()) throw new AnalysingError(textLoad.start()!);
        if (backgroundOnly() && !small())
          console.warn(`corpus ${corpusId}: a view read every article's text on the request thread`);
        return drain(textSteps({ read: 0 }));
      },
    },
  );
  textLoads.set(bundle, textLoad);
  if (index.chars !== undefined) bundle.textChars = index.chars;
  // What the store holds is learned now, between requests: the first view that reads an analysis (a search's page, a
  // drill-down, an article's provenance page) would otherwise read every segment header first (150 ms at 100,000).
  if (backgroundOnly()) void warmInBackground(store, scope, corpusId).then(() => warmBuilt(bundle));
  return bundle;
}

// A store's warm-up in steps, the event loop given back between them; a failure is the next read's to report.
async function warmInBackground(store: AnalysisStore, scope: StoreScope, corpusId: string): Promise<void> {
  try {
    const steps = store.warm(scope);
    for (let r = (await yieldToLoop(), steps.next()); !r.done; r = steps.next()) await yieldToLoop();
  } catch (e) {
    console.warn(`corpus ${corpusId}: learning what the store holds failed: ${(e as Error).message}`);
  }
}

/** A bundle's background read of its article text and analyses (bundles read from the folder's index only). */
interface TextLoad {
  ready(): boolean;
  /** Starts the read unless it runs or is done; its progress while it runs, null once done. Throws if it failed. */
  start(): Progress | null;
  /** Settles when the running read has (at once when none runs). */
  whenReady(): Promise<void>;
  /** One article's text and stored analysis, read alone; undefined when it cannot be (then the whole read is needed). */
  alone(id: string): ArticleAlone | undefined;
  /** Some articles (positions in the version's order) read alone in steps; null when one cannot be. */
  some(at: readonly number[], progress: { done: number }): Generator<void, ArticleAlone[] | null, void>;
}

/** One article's text and its analysis. */
export interface ArticleAlone {
  article: Article;
  analysis: ArticleAnalysis;
}
const MAX_ALONE = 32;

/**
 * One article of a bundle whose text is not in memory, read alone: its file and its stored analysis (what the article
 * page shows, so it neither waits for nor holds the whole corpus). Undefined when the text is in memory or can be read
 * where it is needed, or the article cannot be read alone (then the whole text is read).
 */
export function articleAlone(b: Bundle, id: string): ArticleAlone | undefined {
  return textReady(b) ? undefined : textLoads.get(b)?.alone(id);
}

/**
 * Reads some articles of a bundle read from the folder's index (positions in its version's article order): each
 * article file and its stored analysis, LOAD_STEP at a time (a step per yield, `progress.done` counting articles), so
 * a drill-down reads only the articles it shows. Null for a bundle that cannot read articles alone; the generator
 * returns null when one of them cannot be (edited since the version was indexed, analysis not stored).
 */
export function articlesAt(
  b: Bundle,
  at: readonly number[],
  progress: { done: number },
): Generator<void, ArticleAlone[] | null, void> | null {
  return textLoads.get(b)?.some(at, progress) ?? null;
}

/**
 * The bundle's provenance when it is already in memory, else null: never starts its decoding, which waits for the
 * whole text (a drill-down read from the postings marks its rows only when provenance is at hand).
 */
export function provenanceIfDecoded(b: Bundle): CorpusProvenance | null {
  return state.decoded.get(b)?.() ?? null;
}

/**
 * The bundle's version's sentence kinds (lib/store/sentenceKinds.ts; their offsets read, each article's spans when it
 * is marked: lib/store/sentenceKindsRanges.ts): what a drill-down read from the postings marks its rows with; null for
 * a pinned version or while none are stored.
 */
export function sentenceKindsOf(b: Bundle): StoredSentenceKinds | null {
  const hit = state.sentenceKinds.get(b);
  if (hit) return hit;
  if (!b.storeKey) return null;
  const { scope, version } = b.storeKey;
  // Not remembered while missing: the provenance job stores them after the version's provenance.
  // The stored ids are the version's articles in its order: looked up through its own map, not a second one.
  const ids = b.meta.articles.map((a) => a.id);
  const k = openSentenceKinds(currentStore(), scope, version, { ids, position: (id) => positionOf(b.meta, id) });
  if (k) state.sentenceKinds.set(b, k);
  return k;
}

/**
 * The bundle's version's provenance summary (lib/provenance/summary.ts): what the corpus provenance page reads in the
 * production server instead of the whole provenance; null for a pinned version, outside that server or while none is
 * stored (the page then reads the whole provenance, as before).
 */
export function provenanceSummaryOf(b: Bundle): ProvenanceSummary | null {
  if (!backgroundOnly()) return null;
  const hit = state.summaries.get(b);
  if (hit) return hit;
  if (!b.storeKey) return null;
  const { scope, version } = b.storeKey;
  // Not remembered while missing: the provenance job stores it with the version's provenance.
  const s = readProvenanceSummary(currentStore(), scope, version);
  if (s) state.summaries.set(b, s);
  return s;
}

/**
 * The stored provenance page record of one article of the bundle's version (lib/store/provenancePages.ts, one part
 * read): what its provenance page reads in the production server instead of the whole provenance; null for a pinned
 * version, outside that server, for an article not in the version or while the pages are not stored.
 */
export function articlePageOf(b: Bundle, id: string): ArticlePageRecord | null {
  if (!backgroundOnly() || !b.storeKey) return null;
  const { scope, version } = b.storeKey;
  const i = positionOf(b.meta, id);
  return i < 0 ? null : readArticlePage(currentStore(), scope, version, i, id);
}

/** Whether the bundle's version's article provenance pages are stored (and will be read in the production server). */
export function hasArticlePages(b: Bundle): boolean {
  return backgroundOnly() && !!b.storeKey && hasProvenancePages(currentStore(), b.storeKey.scope, b.storeKey.version);
}

/**
 * The bundle's version's mention postings (lib/store/mentionPostings.ts; their summary read, each list when a drill-down
 * gets it: lib/store/mentionPostingsRanges.ts), or null when none are stored.
 */
export function postingsOf(b: Bundle): MentionPostings | null {
  const hit = state.postings.get(b);
  if (hit) return hit;
  if (!b.storeKey) return null;
  const store = currentStore();
  const { scope, version } = b.storeKey;
  // Not remembered while missing: the watcher's preparation stores them for a version made before they existed.
  const p = hasMentionPostings(store, scope, version) ? openMentionPostings(store, scope, version) : null;
  if (p) state.postings.set(b, p);
  return p;
}
const textLoads = state.textLoads;

// Set while the proxy opens a view to see whether it reads text: a read then starts in the background and throws.
const probe = state.probe;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

// Runs a generator's steps to its end, giving the event loop back between steps.
async function inSteps<T>(g: Generator<void, T, void>): Promise<T> {
  let r = g.next();
  for (; !r.done; r = g.next()) await yieldToLoop();
  return r.value;
}

// Encoded provenance a worker sent, read as the store's derived data is (readProvenanceSteps reads only readDerived).
const holding = (bytes: Uint8Array) =>
  ({ readDerived: () => bytes }) as Pick<AnalysisStore, 'readDerived'> as AnalysisStore;

// Runs a generator's steps to its end on this thread.
function drain<T>(g: Generator<unknown, T, void>): T {
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}

// Passes a step generator's yields on (as steps of the caller) and reports what each step counted.
function* counted<T>(g: Generator<number, T, void>, report: (n: number) => void): Generator<void, T, void> {
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
    report(r.value);
    yield;
  }
}

/**
 * In the production server, whether a view of this bundle must wait for its article text and analyses: null when
 * they are in memory (or the bundle holds them from the start), else how far their background read is (started now
 * if it is not running). Elsewhere always null: a view reads them when it needs them.
 */
export function textPending(b: Bundle): Progress | null {
  if (textReady(b)) return null;
  return textLoads.get(b)!.start();
}

/**
 * Up to how many articles a corpus's text and analyses are read on the request that first needs them, in the
 * production server too (FRAMESCOPE_TEXT_HERE_ARTICLES; default 1,000: the bundled corpora, read in well under a
 * second); larger corpora are read in the background.
 */
export function textHereArticles(): number {
  const raw = process.env.FRAMESCOPE_TEXT_HERE_ARTICLES;
  const v = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(v) && v >= 0 ? v : 1000;
}

/** Whether the bundle's text and analyses can be read without waiting (always, outside the production server). */
export function textReady(b: Bundle): boolean {
  const load = textLoads.get(b);
  return !backgroundOnly() || !load || load.ready() || b.meta.articles.length <= textHereArticles();
}

/** Settles when the bundle's background read of its text and analyses has (at once when none runs). */
export function textLoaded(b: Bundle): Promise<void> {
  return textLoads.get(b)?.whenReady() ?? Promise.resolve();
}

/**
 * Runs `open` (the proxy opening a view) so that, in the production server, reading a bundle's text or analyses that
 * are not in memory yet starts their background read and throws an AnalysingError at the loading stage, rather than
 * reading every article here.
 */
export function probeText<T>(open: () => T): T {
  if (!backgroundOnly()) return open();
  probe.on = true;
  try {
    return open();
  } finally {
    probe.on = false;
  }
}

type Fill = (corpus: LoadedCorpus, missing: number[], analyses: (ArticleAnalysis | null)[]) => void;

// The stored year and month tallies of a bundle's whole text, for date ranges that need no analysis (decoded when a
// range first asks).
const storedMonths = state.storedMonths;

function makeBundle(
  b: {
    dir: string;
    fp: string;
    scope: { corpus: string; lexicon: string };
    version: string;
    meta: CorpusMeta;
    byOutlet: Map<string, OutletTally>;
    fill: Fill | null;
    /** The kept version a pinned bundle was read from (its snapshot): its provenance, when not stored, is made. */
    snapshot?: string | null;
  },
  loadLive: () => LiveCorpus,
  text: { corpus: LoadedCorpus | null; months: (() => MonthTallies) | null; loadText?: () => LoadedCorpus },
): Bundle {
  const store = currentStore();
  let provenance: CorpusProvenance | null = null;
  // The stored provenance rebuilt against the analyses; a version with none stored (a pinned old one, or a file that
  // became unreadable since: another Node's serializer) is made from them, once.
  const provenanceFrom = (kept: StoredProvenance | null): CorpusProvenance => {
    const live = loadLive();
    const dates = new Map(b.meta.articles.map((a) => [a.id, a.date]));
    return kept ? restoreProvenance(kept, live.analyses, dates) : corpusProvenance(bundle.corpus, live.analyses);
  };
  // The production server's making of a pinned version's provenance: on a worker (reuse detection reads the whole
  // corpus), from the analyses packed here in steps; its answer is decoded in steps as a stored one is.
  const madeOnWorker = async (snapshot: string): Promise<CorpusProvenance> => {
    const live = loadLive();
    const packer = createPacker();
    for (let i = 0; i < live.analyses.length; i += LOAD_STEP) {
      await yieldToLoop();
      for (const a of live.analyses.slice(i, i + LOAD_STEP)) packer.add(a);
    }
    const where = `version ${snapshot} of corpus "${b.scope.corpus}"`;
    const bytes = await provenanceOnWorker(
      { corpus: b.scope.corpus, version: snapshot, packed: packer.finish() },
      where,
    );
    const kept = await inSteps(readProvenanceSteps(holding(bytes), b.scope, b.version));
    if (!kept) throw new Error(`${where}: the provenance its worker made could not be decoded`);
    await yieldToLoop();
    return provenanceFrom(kept);
  };
  let decoding: { error: Error | null } | null = null;
  // The production server's decode: waits for the background read of the text and analyses, then reads and rebuilds
  // the provenance after giving the loop back, so the request that asked is answered (with the waiting page) first.
  const decodeInBackground = () => {
    const job: { error: Error | null } = { error: null };
    void (async () => {
      try {
        await yieldToLoop();
        while (textPending(bundle)) await textLoaded(bundle);
        // Decoded part by part (lib/store/derived.ts), the loop given back between parts.
        const kept = await inSteps(readProvenanceSteps(store, b.scope, b.version));
        await yieldToLoop();
        // A pinned version whose provenance was never stored, or any version whose stored file is unreadable (cut
        // short, another Node's serializer; the watcher sees it stored and would never make it again): made on a
        // worker from the version's snapshot, never here.
        const from = kept ? null : (b.snapshot ?? (hasProvenance(store, b.scope, b.version) ? b.meta.version : null));
        if (kept) provenance ??= provenanceFrom(kept);
        else if (from) {
          const made = await madeOnWorker(from);
          provenance ??= made;
        }
        // Removed meanwhile (a pruned version): the next view that asks waits for the worker that makes it again.
        else if (decoding === job) decoding = null;
      } catch (e) {
        job.error = e as Error;
        if (!isAnalysing(e))
          console.error(`corpus ${b.scope.corpus}: its provenance was not read: ${job.error.message}`);
      }
    })();
    return job;
  };
  const bundle: Bundle = {
    dir: b.dir,
    meta: b.meta,
    byOutlet: b.byOutlet,
    get corpus() {
      return text.corpus ?? text.loadText!();
    },
    get live() {
      return loadLive();
    },
    exports: new Map(),
    json: new Map(),
    comparisons: new Map(),
    // Decoded when a view first needs it (a provenance filter, page or the export's rows), not before the first view;
    // in the production server in the background, after the analyses it is decoded against are read.
    get provenance() {
      if (provenance) return provenance;
      // A corpus small enough to read where first needed (textHereArticles) decodes its provenance there too; outside
      // the production server one with none stored is made here, in it a pinned one on a worker (below).
      const background = backgroundOnly();
      if (!decoding && (!background || b.meta.articles.length <= textHereArticles())) {
        const kept = readProvenance(store, b.scope, b.version);
        if (kept) return (provenance = provenanceFrom(kept));
        if (!background && b.fill) return (provenance = provenanceFrom(null));
        if (!background || (!b.snapshot && !hasProvenance(store, b.scope, b.version)))
          throw provenancePending(b.scope.corpus, b.meta.articles.length);
      }
      // Views that need provenance wait for the worker that makes it; the others serve meanwhile.
      if (!decoding && !b.snapshot && !hasProvenance(store, b.scope, b.version))
        throw provenancePending(b.scope.corpus, b.meta.articles.length);
      decoding ??= decodeInBackground();
      if (decoding.error) {
        const e = decoding.error;
        decoding = null;
        throw e;
      }
      // While the analyses are still being read, the page says so; then that the provenance is being decoded.
      const text = textPending(bundle);
      throw text ? new AnalysingError(text) : provenancePending(b.scope.corpus, b.meta.articles.length);
    },
    filtered: new Map(),
    fingerprint: b.fp,
    storeKey: { scope: b.scope, version: b.version },
  };
  if (text.months) storedMonths.set(bundle, text.months);
  state.decoded.set(bundle, () => provenance);
  return bundle;
}

// A view that needs a version's provenance before its worker has stored it: the analysing page, at its last stage.
function provenancePending(corpusId: string, total: number): AnalysingError {
  return new AnalysingError({ corpus: corpusId, done: total, total, stage: 'provenance' });
}

/**
 * The bundle's provenance, or null while its worker is still making it (in the production server): for views that
 * only decorate with it (drill-down marks), which serve without it rather than wait.
 */
export function provenanceIfReady(b: Bundle): CorpusProvenance | null {
  try {
    return b.provenance;
  } catch (e) {
    if (isAnalysing(e)) return null;
    throw e;
  }
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
 * analysed or written here: a version the store lacks analyses or tallies for is prepared by workers in the background
 * (started by the server's watcher, `watchCorpora`, never by a view) while the previous version keeps serving (with
 * none, an AnalysingError says how far it is); a version whose provenance is still being made serves every view that
 * does not read provenance. Elsewhere (tests, `next dev`) what is missing is made here, in memory. Reading never writes.
 */
export function getBundle(corpusId: string): Bundle {
  const dir = path.join(CORPUS_ROOT, corpusId);
  const earlier = scans.get(dir);
  let fp = fingerprint(dir);
  const cached = bundles.get(corpusId);
  if (cached && cached.fingerprint === fp) return cached;
  const background = backgroundOnly();
  const prep = preparationOf(corpusId);
  // Until its analyses and tallies are stored, a running preparation's version cannot be read from the store.
  if (background && prep && !prep.finished && prep.stage !== 'provenance') {
    if (cached) return cached;
    throw new AnalysingError(prep);
  }
  // A version is about to be read: its per-file scan is taken now, not up to RESCAN_MS ago, since the folder's index
  // (what a restart reads) is found by it and must describe the files as they are. (A scan fingerprint() just took,
  // at a restart, is not taken twice.)
  const scan = scans.get(dir);
  if (earlier && scan && Date.now() - scan.at > 0) {
    scans.set(dir, { at: Date.now(), value: corpusFingerprint(dir) });
    fp = fingerprint(dir);
    if (cached && cached.fingerprint === fp) return cached;
  }
  const fill = background ? null : fillHere(cached);
  // A restart reads the store's index of the folder and the stored tallies. The full read is for a folder not indexed:
  // in the server only when nothing else can serve (the watcher's preparation makes the index meanwhile).
  const built =
    fromIndex(corpusId, dir, fp, fill) ??
    (background && cached ? null : fromStore(corpusId, folderFiles(dir), dir, fp, fill));
  if (built && 'fingerprint' in built) {
    bundles.set(corpusId, built);
    return built;
  }
  // A failed preparation of this same version is not retried on every request: its error is the answer.
  if (prep?.finished && prep.error && prep.version === fp) {
    if (cached) return cached;
    throw new Error(`corpus "${corpusId}" could not be analysed: ${prep.error}`);
  }
  if (cached) return cached;
  // The full read is skipped only when a cached version serves, so here it answered what is missing.
  const counts = built!;
  const running = prep && !prep.finished;
  throw new AnalysingError({
    corpus: corpusId,
    done: running ? prep.done : counts.total - counts.missing,
    total: counts.total,
  });
}

/**
 * Starts the background preparation of a corpus whose current version the store lacks analyses, tallies, stories,
 * mention postings or provenance for (the server's start-up and its watcher call it); null when everything is stored.
 * Reads the corpus in steps, giving the event loop back between them (loadCorpusYielding), and never analyses it here.
 */
export async function analyseMissingInBackground(corpusId: string): Promise<Preparation | null> {
  // A write in this server stores what its version needs; the replica hears the write's own rows before it ends.
  if (state.writing.has(corpusId)) return null;
  const dir = path.join(CORPUS_ROOT, corpusId);
  const corpus = await loadCorpusYielding(dir);
  // A write may have begun while the folder was read.
  if (state.writing.has(corpusId)) return null;
  const store = currentStore();
  const scope = { corpus: corpusId, lexicon: lexiconKey(corpus.lexicon) };
  const keys = corpus.articles.map(articleKey);
  const stored = store.stored(scope, keys).size;
  const version = versionKey(keys, scope.lexicon);
  if (
    stored === new Set(keys).size &&
    versionStored(store, scope, version, talliesKeyOf(corpus, version)) &&
    // The folder's own index too: never shared through PostgreSQL (keyed by this folder's file times), so a replica
    // that pulled every other kind from the writer still makes it here.
    hasCorpusIndex(store, scope, await corpusFingerprintAsync(dir))
  )
    return null;
  const p = prepareInBackground(dir, fingerprint(dir));
  p.total = keys.length;
  p.done = stored;
  return p;
}

// The fingerprint each corpus had when the watcher last made sure its version was prepared.
const noticed = new Map<string, string>();

/**
 * Takes a corpus folder's per-file scan again now, off the request: a writer in this server awaits it once its write
 * is stored, so the next view reads the new version at once rather than at the watcher's next look (until then the
 * scan the version's index is keyed by would be the one from before the write, and the previous version would serve).
 */
export async function rescanAfterWrite(corpusId: string): Promise<void> {
  const dir = path.join(CORPUS_ROOT, corpusId);
  scans.set(dir, { at: Date.now(), value: await corpusFingerprintAsync(dir) });
}

/**
 * Runs a write to a corpus (an upload or a lexicon save, which analyse and store what the new version needs
 * themselves), keeping the server's watcher from starting a preparation of the half-written version meanwhile (the
 * views would keep serving the previous version until that preparation finished); rescans the folder once it is done.
 */
export async function whileWriting<T>(corpusId: string, write: () => Promise<T>): Promise<T> {
  state.writing.set(corpusId, (state.writing.get(corpusId) ?? 0) + 1);
  try {
    return await write();
  } finally {
    await rescanAfterWrite(corpusId);
    const n = (state.writing.get(corpusId) ?? 1) - 1;
    if (n > 0) state.writing.set(corpusId, n);
    else state.writing.delete(corpusId);
  }
}

/**
 * One look of the server's watcher: rescans every corpus folder (asynchronously, a few stats at a time) and, for each
 * whose fingerprint changed since the last look (every corpus at the first), starts the background preparation of
 * what the store lacks for its current version: a hand edit is noticed here, never by a view. Resolves with the
 * preparations it started.
 */
export async function noticeChanges(): Promise<Preparation[]> {
  const started: Preparation[] = [];
  for (const corpus of listCorpora()) {
    const dir = path.join(CORPUS_ROOT, corpus);
    scans.set(dir, { at: Date.now(), value: await corpusFingerprintAsync(dir) });
    const fp = fingerprint(dir);
    if (noticed.get(corpus) === fp) continue;
    // A writer in this server prepares what its version needs; the look after it ends checks that it did.
    if (state.writing.has(corpus)) continue;
    // A running preparation is left alone; the next look sees whether the folder changed again meanwhile.
    const running = preparationOf(corpus);
    if (running && !running.finished) continue;
    noticed.set(corpus, fp);
    try {
      // The usual case (a restart, or a write whose writer prepared everything): a few small reads, no article file.
      if (isPrepared(corpus)) continue;
      const p = await analyseMissingInBackground(corpus);
      if (p) {
        started.push(p);
        console.log(`corpus ${corpus} is prepared in the background (${p.total - p.done} articles to analyse)`);
      }
    } catch (e) {
      // A folder that does not load (a broken corpus.json) is reported by its views; looked at again when it changes.
      console.error(`corpus ${corpus}: not prepared (${(e as Error).message})`);
    }
  }
  return started;
}

/**
 * Whether the store holds everything the current state of a corpus folder needs, found without reading an article
 * file: the folder's index under its fingerprint (scanned now unless the watcher's scan is fresh), the version's
 * tallies and its provenance. Every path that stores an index has recorded the version first, so a prepared folder's
 * version is kept too.
 */
export function isPrepared(corpusId: string): boolean {
  const dir = path.join(CORPUS_ROOT, corpusId);
  let scan = scans.get(dir);
  if (!scan || Date.now() - scan.at >= RESCAN_MS)
    scans.set(dir, (scan = { at: Date.now(), value: corpusFingerprint(dir) }));
  return preparedAt(corpusId, dir, scan.value);
}

/**
 * isPrepared with the folder's per-file scan taken asynchronously, a few stats at a time (the server's start: it
 * listens at once and checks its corpora meanwhile).
 */
export async function isPreparedAsync(corpusId: string): Promise<boolean> {
  const dir = path.join(CORPUS_ROOT, corpusId);
  let scan = scans.get(dir);
  if (!scan || Date.now() - scan.at >= RESCAN_MS)
    scans.set(dir, (scan = { at: Date.now(), value: await corpusFingerprintAsync(dir) }));
  return preparedAt(corpusId, dir, scan.value);
}

// Whether the store holds the index of a folder scan and everything the version it names is served from.
function preparedAt(corpusId: string, dir: string, scan: string): boolean {
  const scope = scopeOfFolder(corpusId, dir);
  if (!scope) return false;
  const store = currentStore();
  const index = readCorpusIndex(store, scope, scan);
  return index !== null && versionStored(store, scope, index.version, index.tallies);
}

// The store scope of a corpus folder's current lexicon (null when it does not parse: the full load reports why).
function scopeOfFolder(corpusId: string, dir: string): { corpus: string; lexicon: string } | null {
  try {
    const file = lexiconPathFor(dir);
    return {
      corpus: corpusId,
      lexicon: lexiconKey(parseLexicon(JSON.parse(readFileSync(file, 'utf8')), path.basename(file))),
    };
  } catch {
    return null;
  }
}

/**
 * Starts the server's watcher (scripts/serve.ts): a look every `everyMs`, one at a time, and from then on requests read
 * the folder scans it keeps instead of scanning. Returns a function that stops it.
 */
export function watchCorpora(everyMs = RESCAN_MS): () => void {
  shared.watched = true;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const look = async () => {
    try {
      await noticeChanges();
    } catch (e) {
      console.error(`watcher: ${(e as Error).message}`);
    }
    if (!stopped) (timer = setTimeout(look, everyMs)).unref();
  };
  void look();
  return () => {
    stopped = true;
    shared.watched = false;
    clearTimeout(timer);
  };
}

const old = state.old;
const MAX_OLD_VERSIONS = 4;

/** A pinned old version whose missing analyses workers are making in memory (the production server only). */
interface PinnedJob {
  progress: { corpus: string; done: number; total: number };
  analyses: Map<string, ArticleAnalysis> | null;
  error: string | null;
}
const pinnedJobs = state.pinnedJobs;

/**
 * The bundle a URL asks for: the current version, or a kept older version when the URL pins one (`pinned` is then
 * true). A pinned version that was never kept falls back to the current one.
 */
export function bundleFor(corpusId: string, version: string | null): { bundle: Bundle; pinned: boolean } {
  const current = getBundle(corpusId);
  if (!version || version === current.meta.version) return { bundle: current, pinned: false };
  const key = `${corpusId}@${version}`;
  const hit = old.get(key);
  if (hit) return { bundle: hit, pinned: true };
  const files = snapshotFiles(corpusId, version);
  if (!files) return { bundle: current, pinned: false };
  // A large one is read (and what the store lacks analysed) in the background in the production server.
  if (backgroundOnly() && files.articleFiles().length > textHereArticles())
    return { bundle: pinnedInBackground(key, corpusId, version, files, current.dir), pinned: true };
  // A kept version's analyses are in the store when it was once current under the same lexicon. One kept before the
  // store existed (or under an older engine) is analysed: in the production server by workers in the background, in
  // memory (a read never writes), with the analysing page meanwhile; elsewhere here, once.
  const background = backgroundOnly();
  const job = pinnedJobs.get(key);
  if (background && job && !job.analyses) {
    if (job.error) throw new Error(`version ${version} of corpus "${corpusId}" could not be analysed: ${job.error}`);
    throw new AnalysingError(job.progress);
  }
  const fill = !background ? fillHere(current) : job?.analyses ? fillFrom(job.analyses) : null;
  const built = fromStore(corpusId, files, current.dir, key, fill, false, version);
  if (!('fingerprint' in built)) {
    startPinned(key, corpusId, files, built);
    throw new AnalysingError(pinnedJobs.get(key)!.progress);
  }
  pinnedJobs.delete(key);
  if (old.size >= MAX_OLD_VERSIONS) old.delete(old.keys().next().value!);
  old.set(key, built);
  return { bundle: built, pinned: true };
}

/** A large pinned version being read in the background (the production server). */
interface PinnedLoad {
  progress: Progress;
  bundle: Bundle | null;
  error: Error | null;
}

// The bundle of a large pinned version once its background read is done; until then an AnalysingError says how far
// it is (reading its text and analyses, then analysing what the store lacks, on workers, in memory).
function pinnedInBackground(key: string, corpusId: string, version: string, files: CorpusFiles, dir: string): Bundle {
  let load = state.pinnedLoads.get(key);
  if (!load) state.pinnedLoads.set(key, (load = startPinnedLoad(key, corpusId, version, files, dir)));
  if (load.error) {
    // Asked again, it is tried again (the snapshot or the workers may be back).
    state.pinnedLoads.delete(key);
    throw load.error;
  }
  if (!load.bundle) throw new AnalysingError(load.progress);
  state.pinnedLoads.delete(key);
  if (old.size >= MAX_OLD_VERSIONS) old.delete(old.keys().next().value!);
  old.set(key, load.bundle);
  return load.bundle;
}

function startPinnedLoad(key: string, corpusId: string, version: string, files: CorpusFiles, dir: string): PinnedLoad {
  const total = files.articleFiles().length;
  const load: PinnedLoad = {
    progress: { corpus: corpusId, done: 0, total, stage: 'loading' },
    bundle: null,
    error: null,
  };
  void (async () => {
    try {
      // The request that asked is answered (with the loading page) before the first step runs.
      await yieldToLoop();
      const steps = storedSteps(corpusId, files, load.progress);
      let r = steps.next();
      for (; !r.done; r = steps.next()) await yieldToLoop();
      const read = r.value;
      const todo = read.analyses.flatMap((a, i) => (a === null ? [read.corpus.articles[i]] : []));
      let fill: Fill | null = null;
      if (todo.length) {
        const before = read.keys.length - todo.length;
        load.progress = { corpus: corpusId, done: before, total: read.keys.length, stage: 'analyses' };
        const made = await analyseToMemory(todo, read.corpus.lexicon, (done) => (load.progress.done = before + done));
        fill = fillFrom(made);
      }
      await yieldToLoop();
      const built = assemble(read, dir, key, fill, false, version);
      if (!('fingerprint' in built)) throw new Error(`${built.missing} of its articles have no analysis`);
      load.bundle = built;
    } catch (e) {
      const why = isAnalysing(e) ? (e as Error).message : `could not be read: ${(e as Error).message}`;
      load.error = isAnalysing(e) ? (e as Error) : new Error(`version ${key} of corpus "${corpusId}" ${why}`);
      console.error(`corpus ${corpusId}: pinned version ${key}: ${why}`);
    }
  })();
  return load;
}

// Fills missing analyses from a pinned job's results (keyed by article key).
function fillFrom(made: Map<string, ArticleAnalysis>) {
  return (corpus: LoadedCorpus, missing: number[], analyses: (ArticleAnalysis | null)[]) => {
    for (const i of missing) {
      const a = made.get(articleKey(corpus.articles[i]));
      if (!a)
        throw new Error(`article ${corpus.articles[i].id} of ${corpus.id} was not analysed by its background job`);
      analyses[i] = a;
    }
  };
}

function startPinned(key: string, corpusId: string, files: CorpusFiles, built: { missing: number; total: number }) {
  const job: PinnedJob = {
    progress: { corpus: corpusId, done: built.total - built.missing, total: built.total },
    analyses: null,
    error: null,
  };
  pinnedJobs.set(key, job);
  // setImmediate: the request that asked is answered (with the analysing page) before the version is read again.
  setImmediate(() => {
    void (async () => {
      try {
        const corpus = loadCorpusFrom(files);
        const scope = { corpus: corpusId, lexicon: lexiconKey(corpus.lexicon) };
        const todo = missingArticles(currentStore(), scope, corpus.articles);
        const before = job.progress.done;
        job.analyses = await analyseToMemory(todo, corpus.lexicon, (done) => {
          job.progress.done = before + done;
        });
      } catch (e) {
        job.error = (e as Error).message;
        console.error(`corpus ${corpusId}: pinned version ${key} could not be analysed: ${job.error}`);
      }
    })();
  });
}

// Per-bundle caches of the time and story work, kept beside the bundle so its shape stays as the other code knows it.
const storyCache = state.storyCache;
const sliceCache = state.sliceCache;
const MAX_SLICES = 64;

/**
 * The stories of a bundle's corpus version: the store's (clustered at write time, lib/store/storiesJob.ts), else
 * clustered here for a corpus small enough (textHereArticles) or outside the production server, else clustered on a
 * worker from the version's snapshot while the views that read them get the waiting page (AnalysingError, stage
 * 'stories'): at 100,000 articles clustering takes over a minute, which no request may hold the server for.
 */
export function storiesOf(b: Bundle): Story[] {
  const cached = storyCache.get(b);
  if (cached) return cached;
  // While a worker makes them, a view asks again every few seconds: no key over every article's date, no store read.
  const running = state.storyJobs.get(b);
  if (running && !running.error)
    throw new AnalysingError({
      corpus: b.meta.id,
      done: b.meta.articles.length,
      total: b.meta.articles.length,
      stage: 'stories',
    });
  const key = b.storeKey && {
    scope: b.storeKey.scope,
    key: storiesKey(
      b.storeKey.version,
      b.meta.articles.map((a) => a.date),
    ),
  };
  const stored = key && readStories(currentStore(), key.scope, key.key);
  if (stored) {
    storyCache.set(b, stored);
    return stored;
  }
  if (!backgroundOnly() || b.meta.articles.length <= textHereArticles()) {
    const s = corpusStories(b.corpus, b.live.analyses);
    storyCache.set(b, s);
    return s;
  }
  let job = state.storyJobs.get(b);
  if (!job) {
    const made: { error: Error | null } = { error: null };
    state.storyJobs.set(b, (job = made));
    const version = b.meta.version;
    const where = `version ${version} of corpus "${b.meta.id}"`;
    storiesOnWorker({ kind: 'stories', corpus: b.meta.id, version }, where).then(
      (s) => storyCache.set(b, s),
      (e: Error) => {
        made.error = e;
        console.error(`corpus ${b.meta.id}: its stories were not made: ${e.message}`);
      },
    );
  }
  if (job.error) {
    // Told once; the next view that asks starts a worker again.
    state.storyJobs.delete(b);
    throw job.error;
  }
  throw new AnalysingError({
    corpus: b.meta.id,
    done: b.meta.articles.length,
    total: b.meta.articles.length,
    stage: 'stories',
  });
}

// Each bundle's stored time cells once read (on globalThis, with the other per-bundle caches).
const CELLS = Symbol.for('framescope.timeCells');
const cellCache = ((globalThis as Record<symbol, unknown>)[CELLS] ??= new WeakMap()) as WeakMap<Bundle, TimeCells>;

/**
 * The stored time cells of a bundle's corpus version (lib/store/timeCells.ts, keyed as its tallies are), what a time
 * series sums instead of reading the analyses; null when the store holds none for it (a store made before them, until
 * the watcher's preparation makes them).
 */
export function timeCellsOf(b: Bundle): TimeCells | null {
  const hit = cellCache.get(b);
  if (hit) return hit;
  if (!b.storeKey) return null;
  const key = talliesKey(
    b.storeKey.version,
    b.meta.articles.map((a) => a.date),
  );
  const cells = readTimeCells(currentStore(), b.storeKey.scope, key);
  if (cells) cellCache.set(b, cells);
  return cells;
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
    const months = storedMonths.get(b);
    if (provenance === 'all' && isWhole(subset)) s = wholeSlice(b);
    else if (provenance === 'all' && subset.shared === null && months) s = rangeSliceOf(b, months(), subset);
    else {
      const live = liveFor(b, provenance);
      s = isWhole(subset)
        ? { analyses: live.analyses, byOutlet: live.byOutlet, dates: dateCountsOf(b), shared: null }
        : sliceOf(b.corpus, live.analyses, subset, () => storiesOf(b), monthsOf(b, live));
    }
    if (m.size >= MAX_SLICES) m.delete(m.keys().next().value!);
    m.set(key, s);
  }
  return s;
}

function monthsOf(b: Bundle, live: LiveCorpus): MonthTallies {
  let m = monthCache.get(live);
  if (!m) monthCache.set(live, (m = monthTallies(b.corpus, live.analyses)));
  return m;
}

function dateCountsOf(b: Bundle): Slice['dates'] {
  return { kept: b.meta.articles.length, outside: 0, undated: b.meta.articles.filter((a) => !a.date).length };
}

// The whole text's slice: its tallies at once, its analyses when a view reads them (rows, drill-downs).
function wholeSlice(b: Bundle): Slice {
  return {
    get analyses() {
      return b.live.analyses;
    },
    byOutlet: b.byOutlet,
    dates: dateCountsOf(b),
    shared: null,
  };
}

// A date range of the whole text from the stored year and month tallies: whole years and months are summed without
// any analysis; the months the range cuts add their kept articles, read alone while the whole text is not in memory
// (lib/server/cutMonths.ts); every analysis is read only when a view reads the range's articles.
function rangeSliceOf(b: Bundle, months: MonthTallies, range: DateRange): Slice {
  let kept: ArticleAnalysis[] | null = null;
  const cut = textReady(b) ? null : cutMonthTallies(b, b.meta.id, months, range, (at, p) => articlesAt(b, at, p));
  return {
    get analyses() {
      return (kept ??= b.live.analyses.filter((_, i) => dateKept(months.dates[i], range)));
    },
    byOutlet: rangeTallies(months, () => b.live.analyses, range, cut ?? undefined),
    dates: dateCounts(months.dates, range),
    shared: null,
  };
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
    ex =
      q.provenance === 'all'
        ? talliesExport(b, q, slice.byOutlet, slice.dates, () => slice.analyses)
        : withProvenance(
            withTimeFields(
              isWhole(q.subset) ? liveExport(liveFor(b, q.provenance), o) : sliceExport(b.corpus, slice, o),
              q.subset,
              slice.dates,
              () => storiesOf(b),
            ),
            () => b.provenance,
            q.provenance,
          );
    remember(b.exports, key, ex, q.subset);
  }
  return ex;
}

// The export of all text (provenance option `all`) from per-outlet tallies: statistics at once; rows (which need the
// analyses and article text) only when read.
function talliesExport(
  b: Bundle,
  q: ExportQuery,
  byOutlet: Map<string, OutletTally>,
  dates: Slice['dates'],
  analyses: () => ArticleAnalysis[],
): AnalysisExport {
  const o = { ...DEFAULT_OPTIONS, voice: q.voice, scope: q.scope };
  const base = assembleExport(
    exportStats(b.meta, byOutlet, o),
    lazyRows(() => (isWhole(q.subset) ? liveExport(b.live, o) : exportRows(b.corpus, analyses(), o))),
  );
  return withProvenance(
    withTimeFields(base, q.subset, dates, () => storiesOf(b)),
    () => b.provenance,
    q.provenance,
  );
}

/**
 * Whether the export of a date range of all text (no provenance option, no "same stories") of a version with stored
 * year and month tallies may be made from tallies summed elsewhere (PostgreSQL: lib/server/overviewSql.ts), and is not
 * made yet: the bundle to sum for, or null.
 */
export function rangeExportWanted(q: ExportQuery): Bundle | null {
  if (q.provenance !== 'all' || q.subset.shared !== null || isWhole(q.subset)) return null;
  const b = bundleFor(q.corpus, q.version).bundle;
  if (!storedMonths.has(b) || b.exports.has(viewKey(q.voice, q.scope, q.provenance, q.subset))) return null;
  return b;
}

/**
 * Keeps the export of a date range made from per-outlet tallies summed elsewhere (equal to rangeTallies of the
 * bundle's stored tallies: lib/store/pgTallies.pg.test.ts), so getExport answers it without summing the stored
 * blocks; its rows, when read, are the range's analyses as getExport's.
 */
export function keepRangeExport(b: Bundle, q: ExportQuery, byOutlet: Map<string, OutletTally>): void {
  const key = viewKey(q.voice, q.scope, q.provenance, q.subset);
  if (b.exports.has(key)) return;
  const dates = dateCounts(
    b.meta.articles.map((a) => a.date),
    q.subset,
  );
  remember(
    b.exports,
    key,
    talliesExport(b, q, byOutlet, dates, () => sliceFor(b, q.subset).analyses),
    q.subset,
  );
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
    const current = getBundle(corpusId).meta.version;
    return {
      ...catalog,
      version: { status: versionStatus(corpusId, version, current), current, keep: keepVersions() },
    };
  };
  if (bundle.catalog?.corpora === corpora.join(',')) return withVersion(bundle.catalog.catalog);
  const c = bundle.meta;
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

function entity(c: StatsCorpus, id: string): Entity {
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
  const whole = tallyOf(b.meta.outlets.map((x) => x.id));
  const pairs: [string, string[]][] =
    ids.length === 2 ? [[ids[0], [ids[1]]]] : ids.map((id) => [id, ids.filter((x) => x !== id)]);
  return pairs.flatMap(([a, others]) => {
    const ea = entity(b.meta, a);
    const members = new Set(others.flatMap((x) => [...entity(b.meta, x).members]).filter((m) => !ea.members.has(m)));
    const vs = others.length === 1 ? others[0] : 'others';
    return compareTallies(b.meta, tallyOf(ea.members), tallyOf(members), whole, a, vs, opts.alpha0);
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

/**
 * Reads the provenance of the corpus version a URL names (decoded once per version); throws an AnalysingError at the
 * provenance stage while its worker is still making it. The proxy calls it for the views that read provenance, with
 * the route's id: the provenance pages (unfiltered) whose stored summary or article pages are there read nothing more.
 */
export function provenanceOf(params: Params, route?: string): void {
  const { corpus, version } = corpusOf(params);
  if (!listCorpora().includes(corpus)) return;
  const { bundle } = bundleFor(corpus, version);
  // The corpus page reads the version's stored summary when there is one (a view filtered by provenance still
  // reads the whole provenance).
  const p = params instanceof URLSearchParams ? params.get('provenance') : params.provenance;
  if (route === 'provenance' && (p == null || p === 'all') && provenanceSummaryOf(bundle)) return;
  if (route === 'article-provenance' && (p == null || p === 'all') && hasArticlePages(bundle)) return;
  void bundle.provenance;
}

/**
 * Reads the stories of the corpus version a URL names, so the proxy answers the waiting page (an AnalysingError) while
 * a worker clusters them, instead of a page failing mid-render.
 */
export function storiesAt(params: Params): void {
  const { corpus, version } = corpusOf(params);
  if (!listCorpora().includes(corpus)) return;
  void storiesOf(bundleFor(corpus, version).bundle);
}

/** The catalog for the corpus and version a URL names. */
export function catalogOf(params: Params): Catalog {
  const { corpus, version } = corpusOf(params);
  return catalogFor(corpus, version);
}
