import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_OPTIONS, compareTallies, viewTally, type Entity } from '../analysis/aggregate';
import type { AnalysisExport, DistinctiveRow } from '../analysis/exportTypes';
import { liveCorpus, liveExport, type LiveCorpus } from '../analysis/live';
import { tallyOfOutlets } from '../analysis/tallies';
import { UNATTRIBUTED } from '../lexicon/parse';
import { CORPUS_ROOT, folderFiles, lexiconPathFor, loadCorpusFrom } from '../corpus/load';
import { saveSnapshot, snapshotFiles } from '../corpus/snapshots';
import { corpusProvenance } from '../provenance/corpusProvenance';
import { withProvenance } from '../provenance/exportRows';
import { filteredLive } from '../provenance/filter';
import type { CorpusProvenance } from '../provenance/model';
import type { AnalysisOptions, Corpus, ProvenanceFilter } from '../types';
import { corpusOf } from '../url/route';
import { membersOf } from '../view/model';
import type { Catalog, Params } from '../url/state';

/** A loaded corpus with its per-article analyses and the exports computed so far, valid for one fingerprint. */
export interface Bundle {
  dir: string;
  corpus: Corpus;
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

// Writes are atomic renames, which change a folder's mtime, so three stats detect any change cheaply.
function fingerprint(dir: string): string {
  const m = (p: string) => (existsSync(p) ? statSync(p).mtimeMs : 0);
  return [m(path.join(dir, 'corpus.json')), m(lexiconPathFor(dir)), m(path.join(dir, 'articles'))].join(':');
}

/**
 * The corpus with its analyses, loaded and analysed once per corpus change. Reading never writes: versions are kept by
 * the writers.
 */
export function getBundle(corpusId: string): Bundle {
  const dir = path.join(CORPUS_ROOT, corpusId);
  const fp = fingerprint(dir);
  const cached = bundles.get(corpusId);
  if (cached && cached.fingerprint === fp) return cached;
  const files = folderFiles(dir);
  const corpus = loadCorpusFrom(files);
  // Articles whose text is unchanged keep their analysis: an upload re-analyses only what it added.
  const live = liveCorpus(corpus, cached?.live);
  const bundle: Bundle = {
    dir,
    corpus,
    live,
    exports: new Map(),
    json: new Map(),
    comparisons: new Map(),
    // A whole-corpus analysis, so it is made with the bundle, off any later request's path.
    provenance: corpusProvenance(corpus, live.analyses),
    filtered: new Map(),
    fingerprint: fp,
  };
  bundles.set(corpusId, bundle);
  return bundle;
}

/**
 * Keeps the current version of a corpus in the snapshot store, so links pinned to it keep working after it changes.
 * Called by every writer (import, upload, lexicon edit) and once per corpus when the server starts (hand edits).
 */
export function keepCurrentVersion(corpusId: string): string {
  const files = folderFiles(path.join(CORPUS_ROOT, corpusId));
  const corpus = loadCorpusFrom(files);
  saveSnapshot(corpus, files);
  return corpus.version;
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
  const corpus = loadCorpusFrom(files);
  const live = liveCorpus(corpus, current.live);
  const bundle: Bundle = {
    dir: current.dir,
    corpus,
    live,
    exports: new Map(),
    json: new Map(),
    comparisons: new Map(),
    provenance: corpusProvenance(corpus, live.analyses),
    filtered: new Map(),
    fingerprint: key,
  };
  if (old.size >= MAX_OLD_VERSIONS) old.delete(old.keys().next().value!);
  old.set(key, bundle);
  return { bundle, pinned: true };
}

/** The bundle's analyses as a provenance option sees them (all text: the bundle's own), made once per option. */
export function liveFor(b: Bundle, provenance: ProvenanceFilter = 'all'): LiveCorpus {
  if (provenance === 'all') return b.live;
  let live = b.filtered.get(provenance);
  if (!live)
    b.filtered.set(provenance, (live = filteredLive(b.live, b.provenance, { ...DEFAULT_OPTIONS, provenance })));
  return live;
}

const exportKey = (voice: string, scope: string, provenance: ProvenanceFilter) =>
  provenance === 'all' ? `${voice}/${scope}` : `${voice}/${scope}/${provenance}`;

/** The export of a corpus version under the given voice, scope and provenance, computed once and cached. */
export function getExport(
  corpusId: string,
  voice: AnalysisOptions['voice'],
  scope: AnalysisOptions['scope'],
  version: string | null = null,
  provenance: ProvenanceFilter = 'all',
): AnalysisExport {
  const b = bundleFor(corpusId, version).bundle;
  const key = exportKey(voice, scope, provenance);
  let ex = b.exports.get(key);
  if (!ex) {
    const plain = liveExport(liveFor(b, provenance), { ...DEFAULT_OPTIONS, voice, scope });
    ex = withProvenance(plain, b.provenance, provenance);
    b.exports.set(key, ex);
  }
  return ex;
}

/** The export as JSON text, serialised once per corpus version, voice, scope and provenance. */
export function getExportJson(
  corpusId: string,
  voice: AnalysisOptions['voice'],
  scope: AnalysisOptions['scope'],
  version: string | null = null,
  provenance: ProvenanceFilter = 'all',
): string {
  const b = bundleFor(corpusId, version).bundle;
  const key = exportKey(voice, scope, provenance);
  let text = b.json.get(key);
  if (text === undefined) {
    text = JSON.stringify(getExport(corpusId, voice, scope, version, provenance));
    b.json.set(key, text);
  }
  return text;
}

/** What URLs may name for one corpus version: corpora, outlets and outlet groups, term groups and their variants. */
export function catalogFor(corpusId: string, version: string | null = null): Catalog {
  const corpora = listCorpora();
  if (!corpora.includes(corpusId)) return { corpora, outlets: [], groups: [], variants: {}, articles: [], actors: [] };
  const { bundle } = bundleFor(corpusId, version);
  if (bundle.catalog?.corpora === corpora.join(',')) return bundle.catalog.catalog;
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
  return catalog;
}

function entity(c: Corpus, id: string): Entity {
  return { id, members: new Set(membersOf(c, id)) };
}

/**
 * Log-odds z-scores among chosen outlets or groups: for two, one against the other; for more, each
 * against the others combined. The prior comes from the whole corpus, as in the export. Cached per corpus version.
 */
export function compareEntities(
  corpusId: string,
  ids: string[],
  o: Pick<AnalysisOptions, 'voice' | 'scope' | 'provenance'>,
  version: string | null = null,
): DistinctiveRow[] {
  const b = bundleFor(corpusId, version).bundle;
  const key = `${exportKey(o.voice, o.scope, o.provenance ?? 'all')}/${ids.join(',')}`;
  const cached = b.comparisons.get(key);
  if (cached) return cached;
  const rows = computeComparison(b, ids, o);
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
): DistinctiveRow[] {
  const opts = { ...DEFAULT_OPTIONS, voice: o.voice, scope: o.scope };
  const byOutlet = liveFor(b, o.provenance).byOutlet;
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
 * corpus, so a cached answer costs a directory listing and three stats.
 */
export function dataVersionOf(params: Params): string {
  const { corpus, version } = corpusOf(params);
  const corpora = listCorpora();
  if (!corpora.includes(corpus)) return `${corpora.join(',')}|-`;
  return `${corpora.join(',')}|${corpus}|${version ?? ''}|${fingerprint(path.join(CORPUS_ROOT, corpus))}`;
}

/** The catalog for the corpus and version a URL names. */
export function catalogOf(params: Params): Catalog {
  const { corpus, version } = corpusOf(params);
  return catalogFor(corpus, version);
}
