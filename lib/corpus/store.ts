import { linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, parseJsonInput } from '../errors';
import { parseLexicon } from '../lexicon/parse';
import type { Outlet } from '../types';

export { BusyError, withLock } from './lock';

/** A temporary sibling of file, named with this process's pid so leftovers of dead processes can be told apart. */
export function tempName(file: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
}

/** Writes a file through a temporary sibling and a rename, so readers never see half a file; a failed write leaves no temporary file. */
export function writeAtomic(file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = tempName(file);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Creates a file only if it does not exist yet, atomically: false if another writer got there first. */
export function createExclusive(file: string, content: string): boolean {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = tempName(file);
  try {
    writeFileSync(tmp, content);
    return linkExclusive(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Links an existing file to a new name unless that name exists: false if another writer got there first. */
export function linkExclusive(from: string, to: string): boolean {
  try {
    // link() fails when the target exists, so two writers of one id never overwrite or interleave.
    linkSync(from, to);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** A new corpus's manifest fields. */
export interface NewCorpus {
  id: string;
  title: string;
  description: string;
  attribution: string | null;
}

/**
 * The text of corpus.json with outlets added (creating the manifest when there is none yet); null when nothing changes.
 * Pure, so an import can validate the new manifest before anything is written.
 */
export function manifestWithOutlets(
  current: string | null,
  outlets: Outlet[],
  create: NewCorpus | null,
  where: string,
): string | null {
  let manifest: { outlets: Outlet[] } & Record<string, unknown>;
  if (current !== null) {
    try {
      manifest = JSON.parse(current);
    } catch (e) {
      throw new InputError(where, `is not valid JSON (${(e as Error).message})`, 'fix the syntax');
    }
  } else if (create) manifest = { ...create, outlets: [], outletGroups: [] };
  else throw new InputError(where, 'does not exist', 'create the corpus first (import with --title)');
  const known = new Set(manifest.outlets.map((o) => o.id));
  const added = outlets.filter((o) => !known.has(o.id));
  if (added.length === 0 && current !== null) return null;
  for (const o of added) manifest.outlets.push(o);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Validates and writes a corpus's own lexicon.json atomically; the returned error names the entry when it is invalid.
 */
export function writeLexicon(dir: string, source: string): void {
  const file = path.join(dir, 'lexicon.json');
  parseLexicon(parseJsonInput(source, file), file);
  writeAtomic(file, source.endsWith('\n') ? source : `${source}\n`);
}
