import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Corpus } from '../types';
import { folderFiles, loadCorpusFrom, type CorpusFiles, type LoadedCorpus } from './load';
import { writeAtomic } from './store';

/** Where snapshots of corpus versions live (FRAMESCOPE_SNAPSHOTS overrides it). */
export const SNAPSHOT_ROOT = process.env.FRAMESCOPE_SNAPSHOTS ? path.resolve(process.env.FRAMESCOPE_SNAPSHOTS) : path.join(process.cwd(), '.snapshots');

/** One kept version of a corpus: when it was first seen and which file contents it consisted of. */
export interface SnapshotManifest {
  corpus: string;
  version: string;
  created: string;
  articles: number;
  lexicon: string;
  /** Path relative to the corpus folder → content hash of the blob holding it. */
  files: Record<string, string>;
}

const VERSION = /^[0-9a-f]{6,64}$/;
const blobPath = (hash: string) => path.join(SNAPSHOT_ROOT, 'blobs', hash.slice(0, 2), hash);
const manifestPath = (corpus: string, version: string) => path.join(SNAPSHOT_ROOT, 'versions', corpus, `${version}.json`);

/**
 * Keeps the exact files of a corpus version: content-addressed blobs (an unchanged article is stored once for all
 * versions) and a small manifest per version. Idempotent: a version already kept is left alone.
 */
export function saveSnapshot(corpus: Corpus, files: CorpusFiles): void {
  if (existsSync(manifestPath(corpus.id, corpus.version))) return;
  const entries: Record<string, string> = {};
  const keep = (rel: string) => {
    const text = files.read(rel);
    if (text === null) return;
    const hash = createHash('sha256').update(text).digest('hex');
    if (!existsSync(blobPath(hash))) writeAtomic(blobPath(hash), text);
    entries[rel] = hash;
  };
  keep('corpus.json');
  keep(files.lexicon);
  for (const f of files.articleFiles()) keep(`articles/${f}`);
  const manifest: SnapshotManifest = {
    corpus: corpus.id, version: corpus.version, created: new Date().toISOString(), articles: corpus.articles.length, lexicon: files.lexicon, files: entries,
  };
  writeAtomic(manifestPath(corpus.id, corpus.version), `${JSON.stringify(manifest)}\n`);
}

/** The files of a kept version, or null if that version was never kept. */
export function snapshotFiles(corpus: string, version: string): CorpusFiles | null {
  if (!VERSION.test(version)) return null;
  const file = manifestPath(corpus, version);
  if (!existsSync(file)) return null;
  const m = JSON.parse(readFileSync(file, 'utf8')) as SnapshotManifest;
  return {
    dir: `snapshot ${corpus}@${version}`,
    read: (rel) => {
      const hash = m.files[rel];
      return hash && existsSync(blobPath(hash)) ? readFileSync(blobPath(hash), 'utf8') : null;
    },
    articleFiles: () => Object.keys(m.files).filter((k) => k.startsWith('articles/')).map((k) => k.slice('articles/'.length)).sort(),
    lexicon: m.lexicon,
  };
}

/** Every kept version of a corpus, newest first. */
export function listSnapshots(corpus: string): Omit<SnapshotManifest, 'files'>[] {
  const dir = path.join(SNAPSHOT_ROOT, 'versions', corpus);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const { files: _files, ...rest } = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as SnapshotManifest;
      void _files;
      return rest;
    })
    .sort((a, b) => b.created.localeCompare(a.created));
}

/** Loads a corpus folder and keeps its version as a snapshot: every write path calls this after it commits. */
export async function recordVersion(dir: string): Promise<LoadedCorpus> {
  const files = folderFiles(dir);
  const corpus = loadCorpusFrom(files);
  saveSnapshot(corpus, files);
  return corpus;
}
