import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Corpus } from '../types';
import { CORPUS_ROOT, folderFiles, loadCorpusFrom, type CorpusFiles, type LoadedCorpus } from './load';
import { withLock } from './lock';
import { writeAtomic } from './store';
import { storeKeysOf, type KeptStoreKeys } from '../store/retention';
import { pruneStore, type PruneResult } from '../store/prune';
import { pgPruneApplier } from '../store/pg';
import { databaseUrl, ready } from '../store/pgClient';
import { versionsOf } from '../store/pgQueries';
import { STORE_ROOT } from '../store/files';

/** Where snapshots of corpus versions live (FRAMESCOPE_SNAPSHOTS overrides it). */
export const SNAPSHOT_ROOT = process.env.FRAMESCOPE_SNAPSHOTS
  ? path.resolve(process.env.FRAMESCOPE_SNAPSHOTS)
  : path.join(process.cwd(), '.snapshots');

/** How many versions of each corpus are kept (FRAMESCOPE_KEEP_VERSIONS, default 50); older ones are pruned. */
export function keepVersions(): number {
  return Math.max(1, Math.floor(Number(process.env.FRAMESCOPE_KEEP_VERSIONS)) || 50);
}

// A version's file list is stored as a diff against the version before it; every KEYFRAME_EVERY-th is stored whole,
// so reading a version applies at most that many diffs.
const KEYFRAME_EVERY = 20;

/** One version of a corpus as listed: when it was first recorded, its size, and whether its files are still kept. */
export interface VersionEntry {
  corpus: string;
  version: string;
  created: string;
  articles: number;
  lexicon: string;
  status: 'kept' | 'pruned';
  /** The version this one's file list is a diff against; null for a whole list. */
  base: string | null;
  /** Diffs between this version and its whole list. */
  depth: number;
}

/** One kept version's manifest file: its whole file list, or the files added, changed and removed since `base`. */
export interface SnapshotManifest {
  corpus: string;
  version: string;
  created: string;
  articles: number;
  lexicon: string;
  base?: string | null;
  /** Path relative to the corpus folder → content hash of the blob holding it (the whole list when base is null). */
  files: Record<string, string>;
  /** Paths the version no longer has (diffs only). */
  removed?: string[];
}

interface Index {
  versions: VersionEntry[];
}

const VERSION = /^[0-9a-f]{6,64}$/;
const blobPath = (hash: string) => path.join(SNAPSHOT_ROOT, 'blobs', hash.slice(0, 2), hash);
const versionsDir = (corpus: string) => path.join(SNAPSHOT_ROOT, 'versions', corpus);
const manifestPath = (corpus: string, version: string) => path.join(versionsDir(corpus), `${version}.json`);
const indexPath = (corpus: string) => path.join(versionsDir(corpus), 'index.json');
// The store keys a version reads (lib/store/retention.ts), written beside its manifest and removed with it.
const keysPath = (corpus: string, version: string) => path.join(versionsDir(corpus), `${version}.keys.json`);

function readManifest(corpus: string, version: string): SnapshotManifest | null {
  const file = manifestPath(corpus, version);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SnapshotManifest) : null;
}

// The index is the one file a listing reads. Snapshots from before it existed (one whole manifest per version) are
// read once to build it; reads never write it.
function readIndex(corpus: string): Index {
  const file = indexPath(corpus);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Index;
  const dir = versionsDir(corpus);
  if (!existsSync(dir)) return { versions: [] };
  const versions = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && VERSION.test(f.slice(0, -5)))
    .map((f) => readManifest(corpus, f.slice(0, -5))!)
    .map((m): VersionEntry => ({
      corpus,
      version: m.version,
      created: m.created,
      articles: m.articles,
      lexicon: m.lexicon,
      status: 'kept',
      base: m.base ?? null,
      depth: 0,
    }))
    .sort((a, b) => a.created.localeCompare(b.created));
  return { versions };
}

/** The whole file list of a kept version (its diffs applied to the whole list they start from), or null. */
function filesOf(corpus: string, version: string, index: Index): Record<string, string> | null {
  const chain: SnapshotManifest[] = [];
  for (let v: string | null = version; v !== null;) {
    const entry = index.versions.find((e) => e.version === v);
    if (entry?.status === 'pruned') return null;
    const m = readManifest(corpus, v);
    if (!m) return null;
    chain.push(m);
    v = m.base ?? null;
    if (chain.length > KEYFRAME_EVERY + 1) return null;
  }
  const files: Record<string, string> = {};
  for (const m of chain.reverse()) {
    for (const rel of m.removed ?? []) delete files[rel];
    Object.assign(files, m.files);
  }
  return files;
}

function hashesOf(files: CorpusFiles): { entries: Record<string, string>; texts: Map<string, string> } {
  const entries: Record<string, string> = {};
  const texts = new Map<string, string>();
  const keep = (rel: string) => {
    const text = files.read(rel);
    if (text === null) return;
    const hash = createHash('sha256').update(text).digest('hex');
    entries[rel] = hash;
    texts.set(hash, text);
  };
  keep('corpus.json');
  keep(files.lexicon);
  for (const f of files.articleFiles()) keep(`articles/${f}`);
  return { entries, texts };
}

/**
 * Keeps the exact files of a corpus version: content-addressed blobs (an unchanged article is stored once for all
 * versions), a manifest that lists only what changed since the previous version, and one index per corpus. Idempotent.
 * Not locked: writers call recordVersion, which holds the snapshot lock around this.
 */
export function saveSnapshot(corpus: Corpus, files: CorpusFiles): boolean {
  const index = readIndex(corpus.id);
  const known = index.versions.find((e) => e.version === corpus.version);
  if (known?.status === 'kept' && existsSync(manifestPath(corpus.id, corpus.version))) return false;
  const { entries, texts } = hashesOf(files);
  for (const [hash, text] of texts) if (!existsSync(blobPath(hash))) writeAtomic(blobPath(hash), text);
  const previous = [...index.versions].reverse().find((e) => e.status === 'kept');
  const before = previous && previous.depth < KEYFRAME_EVERY ? filesOf(corpus.id, previous.version, index) : null;
  const manifest: SnapshotManifest = {
    corpus: corpus.id,
    version: corpus.version,
    created: new Date().toISOString(),
    articles: corpus.articles.length,
    lexicon: files.lexicon,
    base: null,
    files: entries,
  };
  if (before && previous) {
    manifest.base = previous.version;
    manifest.files = Object.fromEntries(Object.entries(entries).filter(([rel, hash]) => before[rel] !== hash));
    manifest.removed = Object.keys(before).filter((rel) => !(rel in entries));
  }
  writeAtomic(keysPath(corpus.id, corpus.version), JSON.stringify(storeKeysOf(corpus)));
  writeAtomic(manifestPath(corpus.id, corpus.version), `${JSON.stringify(manifest)}\n`);
  const entry: VersionEntry = {
    corpus: corpus.id,
    version: corpus.version,
    created: manifest.created,
    articles: manifest.articles,
    lexicon: files.lexicon,
    status: 'kept',
    base: manifest.base ?? null,
    depth: manifest.base ? previous!.depth + 1 : 0,
  };
  index.versions = index.versions.filter((e) => e.version !== corpus.version).concat(entry);
  prune(corpus.id, index);
  writeAtomic(indexPath(corpus.id), `${JSON.stringify(index)}\n`);
  return true;
}

/**
 * Retention: the newest keepVersions() versions keep their files; older ones are marked pruned (a link to one is told
 * so plainly) and their manifests and unshared blobs removed. The oldest kept version is rewritten as a whole list
 * first when it was a diff against a version being pruned.
 */
function prune(corpus: string, index: Index): void {
  const kept = index.versions.filter((e) => e.status === 'kept');
  const keep = keepVersions();
  if (kept.length <= keep) return;
  const drop = new Set(kept.slice(0, kept.length - keep).map((e) => e.version));
  const survivors = kept.slice(kept.length - keep);
  // Rebase every survivor whose chain reaches a dropped version: write its whole list (then its depth is 0).
  const whole = new Map<string, Record<string, string>>();
  for (const e of survivors) whole.set(e.version, filesOf(corpus, e.version, index) ?? {});
  for (const e of survivors) {
    let reaches = false;
    for (let m = readManifest(corpus, e.version); m?.base; m = readManifest(corpus, m.base))
      if (drop.has(m.base)) reaches = true;
    if (!reaches) continue;
    const m = readManifest(corpus, e.version)!;
    writeAtomic(
      manifestPath(corpus, e.version),
      `${JSON.stringify({ ...m, base: null, files: whole.get(e.version), removed: undefined })}\n`,
    );
    e.base = null;
    e.depth = 0;
  }
  for (const e of index.versions)
    if (drop.has(e.version)) {
      e.status = 'pruned';
      e.base = null;
      rmSync(manifestPath(corpus, e.version), { force: true });
      rmSync(keysPath(corpus, e.version), { force: true });
    }
  // Recompute depths along the rebased chains, then drop blobs no kept version of any corpus uses.
  for (const e of survivors) e.depth = e.base ? (survivors.find((s) => s.version === e.base)?.depth ?? 0) + 1 : 0;
  collectBlobs(new Map([[corpus, whole]]));
}

function collectBlobs(current: Map<string, Map<string, Record<string, string>>>): void {
  const used = new Set<string>();
  const root = path.join(SNAPSHOT_ROOT, 'versions');
  for (const corpus of existsSync(root) ? readdirSync(root) : []) {
    const lists = current.get(corpus);
    if (lists) for (const files of lists.values()) for (const h of Object.values(files)) used.add(h);
    else {
      const index = readIndex(corpus);
      for (const e of index.versions)
        if (e.status === 'kept') for (const h of Object.values(filesOf(corpus, e.version, index) ?? {})) used.add(h);
    }
  }
  const blobs = path.join(SNAPSHOT_ROOT, 'blobs');
  for (const dir of existsSync(blobs) ? readdirSync(blobs) : []) {
    for (const f of readdirSync(path.join(blobs, dir)))
      if (!f.startsWith('.') && !used.has(f)) rmSync(path.join(blobs, dir, f), { force: true });
  }
}

/** The files of a kept version, or null if that version was never kept or has been pruned. */
export function snapshotFiles(corpus: string, version: string): CorpusFiles | null {
  if (!VERSION.test(version)) return null;
  const index = readIndex(corpus);
  const files = filesOf(corpus, version, index);
  if (!files) return null;
  const entry = index.versions.find((e) => e.version === version);
  const lexicon = entry?.lexicon ?? readManifest(corpus, version)!.lexicon;
  return {
    dir: `snapshot ${corpus}@${version}`,
    read: (rel) => {
      const hash = files[rel];
      return hash && existsSync(blobPath(hash)) ? readFileSync(blobPath(hash), 'utf8') : null;
    },
    articleFiles: () =>
      Object.keys(files)
        .filter((k) => k.startsWith('articles/'))
        .map((k) => k.slice('articles/'.length))
        .sort(),
    lexicon,
  };
}

/** Every kept version of a corpus, newest first, read from one index file (no manifest is parsed). */
export function listSnapshots(corpus: string): Omit<SnapshotManifest, 'files'>[] {
  return readIndex(corpus)
    .versions.filter((e) => e.status === 'kept')
    .map((e) => ({
      corpus: e.corpus,
      version: e.version,
      created: e.created,
      articles: e.articles,
      lexicon: e.lexicon,
    }))
    .reverse();
}

/**
 * What a version id in a link is: the corpus's newest recorded version ('current', or `current` when given), a kept
 * older one, one that was recorded and then pruned by the retention policy, or one that never existed ('unknown').
 */
export function versionStatus(
  corpus: string,
  version: string,
  current?: string,
): 'current' | 'kept' | 'pruned' | 'unknown' {
  if (!VERSION.test(version)) return 'unknown';
  const versions = readIndex(corpus).versions;
  const newest = current ?? [...versions].reverse().find((e) => e.status === 'kept')?.version;
  if (version === newest) return 'current';
  const entry = versions.find((e) => e.version === version);
  return entry ? entry.status : 'unknown';
}

/**
 * The store keys of every kept version of a corpus (what its analyses, tallies, provenance and vocabulary are stored
 * under), or null when one of them cannot be known: then nothing of the corpus may be pruned from the store. A version
 * kept before its keys were recorded is loaded from its snapshot once and its keys written (callers hold the lock).
 */
export function keptStoreKeys(corpus: string): KeptStoreKeys[] | null {
  const out: KeptStoreKeys[] = [];
  for (const e of readIndex(corpus).versions) {
    if (e.status !== 'kept') continue;
    const file = keysPath(corpus, e.version);
    try {
      if (existsSync(file)) {
        out.push(JSON.parse(readFileSync(file, 'utf8')) as KeptStoreKeys);
        continue;
      }
      const files = snapshotFiles(corpus, e.version);
      if (!files) return null;
      const keys = storeKeysOf(loadCorpusFrom(files));
      writeAtomic(file, JSON.stringify(keys));
      out.push(keys);
    } catch {
      // A keys file cut short or a snapshot that no longer loads: which analyses it reads is unknown, so none go.
      return null;
    }
  }
  return out;
}

/**
 * Prunes a corpus's analysis store to what its kept versions read (lib/store/prune.ts): in the store folder, or with
 * DATABASE_URL in PostgreSQL and this instance's replica. Null when the kept versions' keys are not all known.
 */
export async function pruneCorpusStore(corpus: string, storeRoot = STORE_ROOT): Promise<PruneResult | null> {
  const kept = keptStoreKeys(corpus);
  if (!kept || kept.length === 0) return null;
  const url = databaseUrl();
  if (url && (await unseenSharedVersions(url, corpus)).length) return null;
  return pruneStore(storeRoot, corpus, kept, url ? pgPruneApplier(url, storeRoot) : undefined);
}

/**
 * The versions among the newest keepVersions() that servers sharing the database recorded (framescope_versions) and
 * this server's snapshot store never saw (a server that joined later, or lags): while there are any, this server does
 * not prune, as its kept versions are not the ones the others keep.
 */
export async function unseenSharedVersions(url: string, corpus: string): Promise<string[]> {
  const seen = new Set(readIndex(corpus).versions.map((e) => e.version));
  const shared = await versionsOf(await ready(url), corpus);
  return shared
    .slice(0, keepVersions())
    .map((v) => v.version)
    .filter((v) => !seen.has(v));
}

/**
 * Loads a corpus folder and records its version as a snapshot, under the snapshot lock: every write path calls this
 * after it commits, and the server at start, so reading a version never has to write anything. A new version then
 * prunes the store to what the kept versions read (a failed prune is logged: the write itself has succeeded), unless
 * `prune` is false: the caller knows another writer of the corpus is storing analyses no version references yet.
 */
export async function recordVersion(dir: string, prune = true): Promise<LoadedCorpus> {
  const files = folderFiles(dir);
  const corpus = loadCorpusFrom(files);
  // One lock for the whole snapshot store: pruning removes blobs that no kept version of any corpus uses, and the
  // store's analyses that no kept version reads.
  await withLock(SNAPSHOT_ROOT, async () => {
    if (!saveSnapshot(corpus, files)) return;
    // The store belongs to the corpus root: a folder recorded from elsewhere (a test's copy) never prunes it.
    if (path.resolve(path.dirname(dir)) !== path.resolve(CORPUS_ROOT)) return;
    if (!prune) return;
    try {
      await pruneCorpusStore(corpus.id);
    } catch (e) {
      console.error(
        `corpus ${corpus.id}: the store was not pruned (${(e as Error).message}); the next version tries again`,
      );
    }
  });
  return corpus;
}
