import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { writeAtomic } from '../corpus/store';
import { decodeSegmentHeader, encodeSegment, readSegmentHeader, segmentFileName } from './files';
import { ENGINE_VERSION } from './keys';
import { derivedParts, planPrune, type KeptStoreKeys, type ListedScope, type PrunePlan } from './retention';

/**
 * How long a store file is safe from pruning after it is written (FRAMESCOPE_PRUNE_GRACE_MS, default 10 minutes): an
 * upload or lexicon save stores its analyses before it records the version that references them.
 */
export function pruneGraceMs(): number {
  const ms = Number(process.env.FRAMESCOPE_PRUNE_GRACE_MS);
  return Number.isFinite(ms) && ms >= 0 ? ms : 10 * 60_000;
}

/**
 * Lists a corpus's scope folders under a store root for planPrune: each file's time, each segment's keys (its header
 * only) and each corpus index's version. A file that cannot be read as what its name says is left out (kept).
 */
export function listCorpusStore(root: string, corpus: string): ListedScope[] {
  const dir = path.join(root, corpus);
  if (!existsSync(dir)) return [];
  const out: ListedScope[] = [];
  for (const folder of readdirSync(dir).sort()) {
    const scopeDir = path.join(dir, folder);
    const names = namesIn(scopeDir);
    if (!names) continue;
    const files: ListedScope['files'] = [];
    for (const name of names) {
      const file = path.join(scopeDir, name);
      try {
        const mtimeMs = statSync(file).mtimeMs;
        if (name.endsWith('.fsa')) files.push({ name, mtimeMs, keys: readSegmentHeader(file).header.keys });
        else if (derivedParts(name)?.kind === 'corpus-index')
          files.push({ name, mtimeMs, indexVersion: indexVersionOf(readFileSync(file)) });
        else files.push({ name, mtimeMs });
      } catch {
        // Removed meanwhile, or not a whole segment: not this pass's to judge.
      }
    }
    out.push({ folder, files });
  }
  return out;
}

// A folder's entries, sorted; null for a file, or a folder removed meanwhile (a replica applying another's prune).
function namesIn(dir: string): string[] | null {
  try {
    return statSync(dir).isDirectory() ? readdirSync(dir).sort() : null;
  } catch {
    return null;
  }
}

// The version key a stored corpus index describes; null when it cannot be read (then it is never read by a view either).
function indexVersionOf(bytes: Buffer): string | null {
  try {
    const v = (deserialize(bytes) as { version?: unknown })?.version;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** A segment's bytes holding only the analyses at `keep` (in order), under the same string table. */
export function segmentKeeping(bytes: Buffer, file: string, keep: readonly number[]): Buffer {
  const { header, at } = decodeSegmentHeader(bytes, file);
  const ints = new Int32Array(header.ints);
  new Uint8Array(ints.buffer).set(bytes.subarray(at, at + header.ints * 4));
  const parts: Int32Array[] = [];
  const offsets: number[] = [];
  let n = 0;
  for (const i of keep) {
    const end = i + 1 < header.offsets.length ? header.offsets[i + 1] : header.ints;
    const part = ints.subarray(header.offsets[i], end);
    offsets.push(n);
    parts.push(part);
    n += part.length;
  }
  const packed = new Int32Array(n);
  let o = 0;
  for (const p of parts) {
    packed.set(p, o);
    o += p.length;
  }
  return encodeSegment({
    keys: keep.map((i) => header.keys[i]),
    packed: { ints: packed, strings: header.strings, count: keep.length, offsets },
  });
}

/** The writes (new segments) and removals one prune makes, paths relative to the store root. */
export interface PruneChanges {
  writes: { rel: string; bytes: Buffer }[];
  removes: string[];
}

/** Makes the changes of a plan for one corpus: each rewritten segment under a new name, then every file it replaces. */
export function changesOf(root: string, corpus: string, plan: PrunePlan): PruneChanges {
  const writes = plan.rewrite.map((r) => {
    const rel = path.posix.join(corpus, r.file);
    const file = path.join(root, rel);
    return {
      rel: path.posix.join(path.posix.dirname(rel), segmentFileName()),
      bytes: segmentKeeping(readFileSync(file), file, r.keep),
    };
  });
  const removes = [...plan.rewrite.map((r) => r.file), ...plan.remove].map((f) => path.posix.join(corpus, f));
  return { writes, removes };
}

/**
 * Applies prune changes to a store folder, in the order that keeps every kept analysis readable at each step: the new
 * segments first (each whole, through a rename), then the removals, then scope folders left empty. A crash between
 * any two steps leaves extra files, never a missing one; the next prune removes them.
 */
export function applyToFolder(root: string, c: PruneChanges): void {
  for (const w of c.writes) writeAtomic(path.join(root, w.rel), w.bytes);
  for (const rel of c.removes) rmSync(path.join(root, rel), { force: true });
  removeEmptyScopes(root, c.removes);
}

/** Removes the scope folders (and corpus folders) that the removals left empty. */
export function removeEmptyScopes(root: string, removed: readonly string[]): void {
  const top = path.resolve(root);
  const dirs = new Set(removed.map((rel) => path.resolve(top, path.dirname(rel))));
  for (const dir of dirs)
    for (const d of [dir, path.dirname(dir)])
      // Only folders inside the root: the root itself stays, even empty.
      if (d.startsWith(top + path.sep) && existsSync(d) && readdirSync(d).length === 0) rmdirSync(d);
}

/** Where a prune's changes are stored: the folder alone, or PostgreSQL first and then this instance's replica. */
export type PruneApplier = (c: PruneChanges, corpus: string) => Promise<void>;

/** What one prune did. */
export interface PruneResult {
  removed: number;
  rewritten: number;
  bytesBefore: number;
  bytesAfter: number;
}

/** Bytes of a corpus's files under a store root. */
export function corpusStoreBytes(root: string, corpus: string): number {
  // Sizes only: no segment header is read for this.
  const dir = path.join(root, corpus);
  let bytes = 0;
  for (const folder of existsSync(dir) ? readdirSync(dir) : []) {
    for (const f of namesIn(path.join(dir, folder)) ?? []) bytes += sizeOf(path.join(dir, folder, f));
  }
  return bytes;
}

// A file's size, 0 when it went meanwhile (a replica applying another instance's prune).
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Prunes a corpus's store to what its kept versions reference (see planPrune), through `apply` (the folder, or
 * PostgreSQL with its replica). Files written within the grace period are kept.
 */
export async function pruneStore(
  root: string,
  corpus: string,
  kept: readonly KeptStoreKeys[],
  apply: PruneApplier = async (c) => applyToFolder(root, c),
  now = Date.now(),
): Promise<PruneResult> {
  const bytesBefore = corpusStoreBytes(root, corpus);
  const plan = planPrune(kept, listCorpusStore(root, corpus), { engine: ENGINE_VERSION, now, graceMs: pruneGraceMs() });
  // Also with nothing to remove here: PostgreSQL's applier drops superseded rows whatever the plan.
  await apply(changesOf(root, corpus, plan), corpus);
  return {
    removed: plan.remove.length,
    rewritten: plan.rewrite.length,
    bytesBefore,
    bytesAfter: corpusStoreBytes(root, corpus),
  };
}
