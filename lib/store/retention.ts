// What pruning removes from an analysis store, decided from what the kept corpus versions reference. Pure: the I/O
// (listing the store, removing files, in a folder or in PostgreSQL) is lib/store/prune.ts.
import type { Corpus } from '../types';
import { articleKey, lexiconKey, versionKey } from './keys';
import { talliesKeyOf } from './tallies';

/** What one kept corpus version reads from the store: its lexicon scope, version and tallies keys, its articles' keys. */
export interface KeptStoreKeys {
  lexicon: string;
  version: string;
  tallies: string;
  articles: string[];
}

/** The store keys a loaded corpus version reads (what its snapshot records beside its file list). */
export function storeKeysOf(corpus: Pick<Corpus, 'articles' | 'lexicon'>): KeptStoreKeys {
  const lexicon = lexiconKey(corpus.lexicon);
  const articles = corpus.articles.map(articleKey);
  const version = versionKey(articles, lexicon);
  return { lexicon, version, tallies: talliesKeyOf(corpus, version), articles };
}

/** One file in a scope folder as listed for pruning: its name, when it was written, and its keys when a segment. */
export interface ListedFile {
  name: string;
  mtimeMs: number;
  /** A segment's article keys, in its order. */
  keys?: string[];
  /** A corpus index's version key (read from the file: its own key is a folder fingerprint). */
  indexVersion?: string | null;
}

/** One scope folder (`<lexicon key>-e<engine>`) of a corpus and its files. */
export interface ListedScope {
  folder: string;
  files: ListedFile[];
}

/** What to do: segments to write again with only the analyses at `keep`, then files to remove (paths `<folder>/<name>`). */
export interface PrunePlan {
  rewrite: { file: string; keep: number[] }[];
  remove: string[];
}

/** How planPrune decides: the engine version analyses are current under, the time now, and the grace period. */
export interface PruneOptions {
  engine: number;
  now: number;
  /** Files written less than this long ago are never removed: a writer may be storing what it is about to record. */
  graceMs: number;
}

const SCOPE = /^([0-9a-f]{1,64})-e(\d+)$/;
const SEGMENT = /^seg-[0-9a-z-]+\.fsa$/;
// Kinds keyed by a version key or a tallies key (longest first, as one kind's name can start another's); any kind not
// listed (a newer one) is left alone.
const BY_VERSION = [
  'provenance-pages',
  'provenance-summary',
  'provenance-v2',
  'vocabulary',
  'tallies',
  'stories',
  'mention-postings',
  'drill-counts',
  'sentence-kinds',
  'time-cells',
  'word-index',
];
const PART = /-p\d+$/;
const WORD_PART = /-w\d+$/;
// The latest n-gram counts and index order (lib/store/ngramCounts.ts) are one per scope, kept like the reuse index.
const KINDS = [...BY_VERSION, 'corpus-index', 'reuse-index', 'ngram-counts', 'index-order'];
// Provenance as stored before the v2 format (lib/store/derived.ts): never read again.
const SUPERSEDED = /^provenance-[0-9a-f]{1,64}\.v8$/;

/** The kind and key of a derived-data file name (`<kind>-<key>.bin`, lib/store/derived.ts), or null for another name. */
export function derivedParts(name: string): { kind: string; key: string } | null {
  if (!name.endsWith('.bin')) return null;
  const kind = KINDS.find((k) => name.startsWith(`${k}-`));
  return kind ? { kind, key: name.slice(kind.length + 1, -'.bin'.length) } : null;
}

/**
 * Decides what a corpus's store no longer needs: every file of a scope no kept version uses (another lexicon, an older
 * engine); in a used scope, derived data keyed by no kept version, corpus indexes of no kept version, and analyses of
 * articles in no kept version (a segment holding some of them is written again with the rest first). The latest reuse
 * index, unknown kinds, files of unknown shape and anything written within the grace period are kept.
 */
export function planPrune(kept: readonly KeptStoreKeys[], scopes: readonly ListedScope[], o: PruneOptions): PrunePlan {
  const byLexicon = new Map<string, { keys: Set<string>; articles: Set<string> }>();
  for (const v of kept) {
    let s = byLexicon.get(v.lexicon);
    if (!s) byLexicon.set(v.lexicon, (s = { keys: new Set(), articles: new Set() }));
    s.keys.add(v.version);
    s.keys.add(v.tallies);
    for (const a of v.articles) s.articles.add(a);
  }
  const plan: PrunePlan = { rewrite: [], remove: [] };
  for (const scope of scopes) {
    const m = SCOPE.exec(scope.folder);
    if (!m) continue;
    const used = Number(m[2]) === o.engine ? byLexicon.get(m[1]) : undefined;
    // Newest segment first (their names sort by time): an analysis held by a newer segment (written again by a prune
    // that was interrupted before it removed the old one) is a duplicate in the older.
    const held = new Set<string>();
    const files = [...scope.files].sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const f of files) {
      if (o.graceMs > 0 && o.now - f.mtimeMs < o.graceMs) {
        for (const k of f.keys ?? []) held.add(k);
        continue;
      }
      const rel = `${scope.folder}/${f.name}`;
      const d = derivedParts(f.name);
      if (!used || SUPERSEDED.test(f.name)) {
        if (SEGMENT.test(f.name) || d || SUPERSEDED.test(f.name)) plan.remove.push(rel);
        continue;
      }
      if (SEGMENT.test(f.name) && f.keys) {
        const keep = f.keys.flatMap((k, i) => (used.articles.has(k) && !held.has(k) ? [i] : []));
        for (const i of keep) held.add(f.keys[i]);
        if (keep.length === 0) plan.remove.push(rel);
        else if (keep.length < f.keys.length) plan.rewrite.push({ file: rel, keep });
        continue;
      }
      if (!d) continue;
      // Article pages are stored in parts keyed `<version>-p<k>` (lib/store/provenancePages.ts), the word index in
      // parts keyed `<version>-w<k>` (lib/store/wordIndexParts.ts).
      const key =
        d.kind === 'provenance-pages'
          ? d.key.replace(PART, '')
          : d.kind === 'word-index'
            ? d.key.replace(WORD_PART, '')
            : d.key;
      if (BY_VERSION.includes(d.kind) && !used.keys.has(key)) plan.remove.push(rel);
      else if (d.kind === 'corpus-index' && f.indexVersion !== undefined && !used.keys.has(f.indexVersion ?? ''))
        plan.remove.push(rel);
    }
  }
  plan.remove.sort();
  plan.rewrite.sort((a, b) => (a.file < b.file ? -1 : 1));
  return plan;
}
