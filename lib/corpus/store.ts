import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors';
import { parseLexicon } from '../lexicon/parse';
import type { Article, Outlet } from '../types';
import { serializeArticleFile } from './articleFile';

/** Writes a file through a temporary sibling and a rename, so readers never see half a file. */
export function writeAtomic(file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

/** Creates a file only if it does not exist yet, atomically: false if another writer got there first. */
export function createExclusive(file: string, content: string): boolean {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  writeFileSync(tmp, content);
  try {
    // link() fails when the target exists, so two writers of one id never overwrite or interleave.
    linkSync(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    unlinkSync(tmp);
  }
}

const LOCK_STALE_MS = 30_000;
const LOCK_WAIT_MS = 15_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Runs fn while holding the corpus folder's lock (a directory, created atomically), across processes. */
export function withLock<T>(dir: string, fn: () => T): T {
  const lock = path.join(dir, '.lock');
  const start = Date.now();
  mkdirSync(dir, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A writer that crashed leaves its lock behind; an old lock is taken over.
      try {
        if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmdirSync(lock);
      } catch {
        /* removed meanwhile */
      }
      if (Date.now() - start > LOCK_WAIT_MS)
        throw new InputError(dir, 'is locked by another import or upload', 'try again in a moment');
      Atomics.wait(pause, 0, 0, 20);
    }
  }
  try {
    return fn();
  } finally {
    rmdirSync(lock);
  }
}

/** A new corpus's manifest fields. */
export interface NewCorpus {
  id: string;
  title: string;
  description: string;
  attribution: string | null;
}

/** Adds outlets to corpus.json (creating the corpus if needed); runs under the corpus lock. */
export function addOutlets(dir: string, outlets: Outlet[], create: NewCorpus | null): void {
  const file = path.join(dir, 'corpus.json');
  let manifest: { outlets: Outlet[] } & Record<string, unknown>;
  if (existsSync(file)) manifest = JSON.parse(readFileSync(file, 'utf8'));
  else if (create) manifest = { ...create, outlets: [], outletGroups: [] };
  else throw new InputError(dir, 'has no corpus.json', 'create the corpus first (import with --title)');
  if (outlets.length === 0 && existsSync(file)) return;
  const known = new Set(manifest.outlets.map((o) => o.id));
  manifest.outlets.push(...outlets.filter((o) => !known.has(o.id)));
  writeAtomic(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Writes new articles, each created exclusively; returns the ids written and those another writer created first. */
export function writeArticles(dir: string, articles: Article[]): { written: string[]; existed: string[] } {
  const written: string[] = [];
  const existed: string[] = [];
  for (const a of articles) {
    if (createExclusive(path.join(dir, 'articles', `${a.id}.txt`), serializeArticleFile(a))) written.push(a.id);
    else existed.push(a.id);
  }
  return { written, existed };
}

/**
 * Validates and writes a corpus's own lexicon.json atomically; the returned error names the entry when it is invalid.
 */
export function writeLexicon(dir: string, source: string): void {
  const file = path.join(dir, 'lexicon.json');
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (e) {
    throw new InputError(file, `is not valid JSON (${(e as Error).message})`, 'fix the syntax');
  }
  parseLexicon(json, file);
  writeAtomic(file, source.endsWith('\n') ? source : `${source}\n`);
}
