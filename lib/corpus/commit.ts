import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { InputError } from '../errors';
import type { Article } from '../types';
import { serializeArticleFile } from './articleFile';
import { readArticleSource } from './load';
import { parseManifest } from './manifest';
import { linkExclusive, writeAtomic } from './store';

/** A write that failed on the disk (full, read-only, I/O error), with exactly what was stored before it failed. */
export class StorageError extends Error {
  constructor(
    readonly code: string,
    readonly stored: string[],
  ) {
    super(
      `The server could not store the files (${code}${code === 'ENOSPC' ? ': the disk is full' : ''}). ${stored.length ? `${stored.length} article(s) were stored before the failure: ${stored.slice(0, 10).join(', ')}${stored.length > 10 ? ', …' : ''}.` : 'Nothing was stored.'}`,
    );
    this.name = 'StorageError';
  }
}

/** Whether an error comes from the file system (it carries an errno code such as ENOSPC). */
export function isFsError(e: unknown): e is NodeJS.ErrnoException {
  return (
    e instanceof Error &&
    typeof (e as NodeJS.ErrnoException).code === 'string' &&
    typeof (e as NodeJS.ErrnoException).errno === 'number'
  );
}

/**
 * Why an article would not read back exactly as planned through the loader's own checks, or null when it does.
 * The import rejects such a record instead of writing a file that the loader would refuse.
 */
export function readBackProblem(a: Article, outletIds: ReadonlySet<string>): string | null {
  const name = `${a.id}.txt`;
  try {
    const back = readArticleSource(serializeArticleFile(a), name, name, outletIds);
    return isDeepStrictEqual(back, a)
      ? null
      : 'would not read back exactly as imported (a header or section line in its text?)';
  } catch (e) {
    if (e instanceof InputError) return `would be stored unreadably: ${e.problem}`;
    throw e;
  }
}

const STAGING = '.staging';
const READY = 'READY';

/** One validated batch on disk, beside the corpus, waiting to be committed. */
export interface Stage {
  dir: string;
  ids: string[];
  manifest: boolean;
}

/**
 * Writes a batch into a staging folder of the corpus, then reads every staged file back from disk with the loader's
 * checks (and the new corpus.json with the manifest parser). Only a batch that reads back whole is marked ready; on any
 * failure the staging folder is removed and the error thrown. Runs under the corpus lock.
 */
export function stageBatch(
  corpusDir: string,
  articles: Article[],
  manifestSource: string | null,
  outletIds: ReadonlySet<string>,
  onProgress?: (done: number, total: number) => void,
  files?: ReadonlyMap<string, Uint8Array>,
): Stage {
  const dir = path.join(corpusDir, STAGING, `${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    mkdirSync(path.join(dir, 'articles'), { recursive: true });
    let ids = outletIds;
    if (manifestSource !== null) {
      writeFileSync(path.join(dir, 'corpus.json'), manifestSource);
      const m = parseManifest(
        JSON.parse(readFileSync(path.join(dir, 'corpus.json'), 'utf8')),
        `${path.basename(corpusDir)}/corpus.json (new)`,
      );
      ids = new Set(m.outlets.map((o) => o.id));
    }
    articles.forEach((a, i) => {
      writeFileSync(path.join(dir, 'articles', `${a.id}.txt`), files?.get(a.id) ?? serializeArticleFile(a));
      if ((i + 1) % 100 === 0 || i + 1 === articles.length) onProgress?.(i + 1, articles.length);
    });
    for (const a of articles) {
      const name = `${a.id}.txt`;
      const where = `${path.basename(corpusDir)}/articles/${name} (staged)`;
      const file = path.join(dir, 'articles', name);
      const bytes = files?.get(a.id);
      // Bytes already checked to parse back to exactly this article (articleFileBytes): equal bytes on disk read back
      // the same, so comparing them is the whole check but the outlet's, which corpus.json may have changed since.
      if (bytes !== undefined) {
        if (!ids.has(a.outlet))
          throw new InputError(
            where,
            `unknown outlet "${a.outlet}"`,
            `use one of ${[...ids].join(', ')} or add it to corpus.json`,
          );
        if (readFileSync(file).equals(bytes)) continue;
      } else if (isDeepStrictEqual(readArticleSource(readFileSync(file, 'utf8'), name, where, ids), a)) continue;
      throw new InputError(where, 'did not read back as written', 'check the disk, then import again');
    }
    writeFileSync(path.join(dir, READY), '');
    return { dir, ids: articles.map((a) => a.id), manifest: manifestSource !== null };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    removeIfEmpty(path.dirname(dir));
    if (isFsError(e)) throw new StorageError(e.code!, []);
    throw e;
  }
}

/**
 * Moves a ready batch into the corpus: corpus.json first (so every new article's outlet exists), then each article by an
 * exclusive link (a file another writer stored first is reported as existing, never overwritten). Each file appears
 * whole or not at all; the staging folder is removed afterwards, also when a step fails.
 */
export function applyStage(
  corpusDir: string,
  stage: Stage,
  onProgress?: (done: number, total: number) => void,
): { written: string[]; existed: string[] } {
  const written: string[] = [];
  const existed: string[] = [];
  try {
    mkdirSync(path.join(corpusDir, 'articles'), { recursive: true });
    if (stage.manifest) renameSync(path.join(stage.dir, 'corpus.json'), path.join(corpusDir, 'corpus.json'));
    stage.ids.forEach((id, i) => {
      const name = `${id}.txt`;
      if (linkExclusive(path.join(stage.dir, 'articles', name), path.join(corpusDir, 'articles', name)))
        written.push(id);
      else existed.push(id);
      if ((i + 1) % 200 === 0 || i + 1 === stage.ids.length) onProgress?.(i + 1, stage.ids.length);
    });
  } catch (e) {
    if (isFsError(e)) throw new StorageError(e.code!, written);
    throw e;
  } finally {
    rmSync(stage.dir, { recursive: true, force: true });
    removeIfEmpty(path.dirname(stage.dir));
  }
  return { written, existed };
}

/** Whether a crashed writer left staged batches in the corpus folder. */
export function hasStagedBatches(corpusDir: string): boolean {
  return existsSync(path.join(corpusDir, STAGING));
}

/**
 * Finishes or discards batches a crashed writer left behind: a batch marked ready is committed (it was validated), any
 * other is removed. Runs under the corpus lock, before the next write; returns the ids it committed.
 */
export function recoverStages(corpusDir: string): string[] {
  const root = path.join(corpusDir, STAGING);
  if (!existsSync(root)) return [];
  const committed: string[] = [];
  for (const name of readdirSync(root)) {
    const dir = path.join(root, name);
    if (existsSync(path.join(dir, READY))) {
      const ids = existsSync(path.join(dir, 'articles'))
        ? readdirSync(path.join(dir, 'articles'))
            .filter((f) => f.endsWith('.txt'))
            .map((f) => f.slice(0, -4))
        : [];
      const r = applyStage(corpusDir, { dir, ids, manifest: existsSync(path.join(dir, 'corpus.json')) });
      for (const id of r.written) committed.push(id);
    } else rmSync(dir, { recursive: true, force: true });
  }
  removeIfEmpty(root);
  return committed;
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    /* another batch is staged there, or it is gone already */
  }
}

/** Writes a file atomically, reporting a disk failure as a StorageError that says nothing was stored. */
export function writeOrReport(file: string, content: string): void {
  try {
    writeAtomic(file, content);
  } catch (e) {
    if (isFsError(e)) throw new StorageError(e.code!, []);
    throw e;
  }
}
