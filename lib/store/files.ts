import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { endianness } from 'node:os';
import path from 'node:path';
import type { ArticleAnalysis } from '../analysis/article';
import { CORPUS_ROOT } from '../corpus/load';
import { writeAtomic } from '../corpus/store';
import { unpackOne } from './codec';
import { ENGINE_VERSION } from './keys';
import { derivedName } from './derived';
import { keyTable, type KeyTable } from './keyTable';
import type { AnalysedBatch, AnalysisStore, DerivedHead, StoreScope } from './types';

/**
 * Where the embedded store keeps its files: beside the corpora it analyses (so a test's or the e2e server's scratch
 * corpus root gets its own store); FRAMESCOPE_STORE overrides it. No corpus.json there, so it is never a corpus.
 */
export const STORE_ROOT = process.env.FRAMESCOPE_STORE
  ? path.resolve(process.env.FRAMESCOPE_STORE)
  : path.join(CORPUS_ROOT, '.store');

// A segment file: MAGIC, the header's byte length (u32 LE), the header as JSON, zero padding to a multiple of 4, then
// the packed integers. Segments are written whole through a rename and never changed, so the set of segment files is
// the manifest: a crash leaves a segment complete or absent (a dead writer's temporary file is removed at start).
const MAGIC = 'FSA1';
const SEGMENT = /^seg-[0-9a-z-]+\.fsa$/;

interface SegmentHeader {
  keys: string[];
  offsets: number[];
  strings: string[];
  ints: number;
  endian: string;
}

interface Segment {
  file: string;
  /** The header without its keys (the scope's key table holds them). */
  header: Omit<SegmentHeader, 'keys'>;
  /** Byte offset of the integers in the file. */
  at: number;
}

// A segment as the scope's index holds it: its keys are the key table's entries first .. first + count - 1, in order.
interface Indexed {
  seg: Segment;
  first: number;
  count: number;
}

// One scope's learned segment headers: each segment by file name, in the order read (so by first entry), and the keys.
interface ScopeIndex {
  files: Map<string, Indexed>;
  order: Indexed[];
  keys: KeyTable;
}

/** The segment and position that answer for a key in a scope's index, or null when none does. */
function lookup(index: ScopeIndex, key: string): { seg: Segment; i: number } | null {
  const e = index.keys.find(key);
  if (e < 0) return null;
  // The last segment whose first entry is at or before e.
  let lo = 0;
  let hi = index.order.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.order[mid].first <= e) lo = mid;
    else hi = mid - 1;
  }
  const hit = index.order[lo];
  return hit && e - hit.first < hit.count ? { seg: hit.seg, i: e - hit.first } : null;
}

/** The folder of one scope under a store root: `<corpus>/<lexicon key>-e<engine version>`. */
export function scopeFolder(s: StoreScope): string {
  return path.join(s.corpus, `${s.lexicon}-e${ENGINE_VERSION}`);
}

const scopeDir = (root: string, s: StoreScope) => path.join(root, scopeFolder(s));

/** A new segment's file name: unique across processes and hosts, sorted by time. */
export function segmentFileName(): string {
  return `seg-${Date.now().toString(36)}-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}.fsa`;
}

/** Encodes a batch as one segment file's bytes. */
export function encodeSegment(batch: AnalysedBatch): Buffer {
  if (batch.keys.length !== batch.packed.count)
    throw new Error(`a batch of ${batch.packed.count} analyses came with ${batch.keys.length} keys`);
  const header: SegmentHeader = {
    keys: batch.keys,
    offsets: batch.packed.offsets,
    strings: batch.packed.strings,
    ints: batch.packed.ints.length,
    endian: endianness(),
  };
  const json = Buffer.from(JSON.stringify(header));
  const pad = (4 - ((8 + json.length) % 4)) % 4;
  const ints = Buffer.from(batch.packed.ints.buffer, batch.packed.ints.byteOffset, batch.packed.ints.byteLength);
  const head = Buffer.alloc(8);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(json.length, 4);
  return Buffer.concat([head, json, Buffer.alloc(pad), ints]);
}

/** Reads a segment's header and where its integers start; throws naming the file when it is not a whole segment. */
export function decodeSegmentHeader(bytes: Buffer, file: string): { header: SegmentHeader; at: number } {
  return headerOf(bytes, bytes.length, file);
}

// `head` holds at least the magic, the length and the header; `size` is the whole file's.
function headerOf(head: Buffer, size: number, file: string): { header: SegmentHeader; at: number } {
  const bad = (why: string) =>
    new Error(`${file}: not a Framescope analysis segment (${why}); delete it and the server analyses again`);
  if (head.length < 8 || head.toString('latin1', 0, 4) !== MAGIC) throw bad('wrong magic');
  const len = head.readUInt32LE(4);
  if (8 + len > head.length) throw bad('header cut short');
  const header = JSON.parse(head.toString('utf8', 8, 8 + len)) as SegmentHeader;
  const at = 8 + len + ((4 - ((8 + len) % 4)) % 4);
  if (header.endian !== endianness()) throw bad(`written on a ${header.endian}-endian machine`);
  if (at + header.ints * 4 !== size) throw bad('integers cut short');
  if (header.keys.length !== header.offsets.length) throw bad('keys and offsets differ in number');
  return { header, at };
}

/**
 * Reads only a segment file's header (its keys and string table), not its integers: knowing what is stored costs the
 * headers, and the integers are read when a bundle needs the analyses.
 */
export function readSegmentHeader(file: string): { header: SegmentHeader; at: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = Buffer.alloc(Math.min(8, size));
    readSync(fd, start, 0, start.length, 0);
    if (start.length < 8) return headerOf(start, size, file);
    const head = Buffer.alloc(Math.min(size, 8 + start.readUInt32LE(4)));
    readSync(fd, head, 0, head.length, 0);
    return headerOf(head, size, file);
  } finally {
    closeSync(fd);
  }
}

// A file's first `length` bytes and its size, or null when it does not exist (also when pruning removed it).
function headIfPresent(file: string, length: number): DerivedHead | null {
  return rangeIfPresent(file, 0, length);
}

// Up to `length` bytes of a file from `offset` and the file's size, or null when it does not exist.
function rangeIfPresent(file: string, offset: number, length: number): DerivedHead | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
    let at = 0;
    while (at < head.length) {
      const n = readSync(fd, head, at, head.length - at, offset + at);
      // Files are replaced by renames, never shortened in place; this only keeps a surprise from looping forever.
      if (n === 0) break;
      at += n;
    }
    return { head: head.subarray(0, at), size };
  } finally {
    closeSync(fd);
  }
}

// A file's bytes, or null when it does not exist (also when pruning removed it after it was listed).
function readIfPresent(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function intsOf(bytes: Buffer, at: number, count: number): Int32Array {
  // A copy: readFileSync's buffer need not start on a 4-byte boundary.
  const copy = new ArrayBuffer(count * 4);
  new Uint8Array(copy).set(bytes.subarray(at, at + count * 4));
  return new Int32Array(copy);
}

/** Where one packed analysis lies in its segment's integers (the next one's offset is its end). */
export function spanOf(header: Pick<SegmentHeader, 'offsets' | 'ints'>, i: number): { start: number; end: number } {
  return { start: header.offsets[i], end: header.offsets[i + 1] ?? header.ints };
}

/**
 * Whether a segment's wanted analyses are read piece by piece rather than with the whole file: when they are under a
 * quarter of its integers, a read per piece moves less than one read of everything.
 */
export function inPieces(spans: readonly { start: number; end: number }[], ints: number): boolean {
  let wanted = 0;
  for (const s of spans) wanted += s.end - s.start;
  return wanted * 4 < ints;
}

// Each span's integers read alone from the segment file (into its own aligned buffer); null when the file is gone.
function piecesOf(seg: Segment, spans: readonly { start: number; end: number }[]): Int32Array[] | null {
  let fd: number;
  try {
    fd = openSync(seg.file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    return spans.map(({ start, end }) => {
      const ints = new Int32Array(end - start);
      const bytes = new Uint8Array(ints.buffer);
      const read = readSync(fd, bytes, 0, bytes.length, seg.at + start * 4);
      if (read !== bytes.length)
        throw new Error(
          `${seg.file}: not a Framescope analysis segment (integers cut short); delete it and the server analyses again`,
        );
      return ints;
    });
  } finally {
    closeSync(fd);
  }
}

// Segment headers read per step of a warm-up: 16 of about 50 kB each keep a step to a few milliseconds.
const WARM_STEP = 16;

/**
 * The embedded backend: per corpus and lexicon, append-only segment files of packed analyses (one per worker batch)
 * and one file per piece of derived data (`<kind>-<key>.bin`). Segment headers are read once per process and kept; integers are read
 * when a bundle is built.
 */
export function fileStore(root: string = STORE_ROOT): AnalysisStore {
  const seen = new Map<string, ScopeIndex>();
  // The scope's segment index, brought up to date; with `step`, yields after every `step` headers read (warm).
  function* indexSteps(scope: StoreScope, step = Infinity) {
    const dir = scopeDir(root, scope);
    let entry = seen.get(dir);
    if (!entry) seen.set(dir, (entry = { files: new Map(), order: [], keys: keyTable() }));
    const names = existsSync(dir) ? readdirSync(dir).sort() : [];
    // A segment pruned since (lib/store/prune.ts) no longer answers for its keys; a kept key was written again, in a
    // newer segment, before the old one was removed.
    const listed = new Set(names);
    for (const [name, held] of entry.files)
      if (!listed.has(name)) {
        entry.files.delete(name);
        for (let e = held.first; e < held.first + held.count; e++) entry.keys.remove(e);
        const at = entry.order.indexOf(held);
        if (at >= 0) entry.order.splice(at, 1);
      }
    let read = 0;
    for (const name of names) {
      if (!SEGMENT.test(name) || entry.files.has(name)) continue;
      if (read > 0 && read % step === 0) yield;
      read++;
      const file = path.join(dir, name);
      let keys: string[];
      let seg: Segment;
      try {
        const { header, at } = readSegmentHeader(file);
        ({ keys } = header);
        seg = {
          file,
          header: { offsets: header.offsets, strings: header.strings, ints: header.ints, endian: header.endian },
          at,
        };
      } catch (e) {
        // Pruned between the listing and the read.
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      let first = -1;
      for (const k of keys) {
        const e = entry.keys.add(k);
        if (first < 0) first = e;
      }
      const held = { seg, first, count: keys.length };
      // A segment without keys answers for none, so the lookup's order (by first entry) leaves it out.
      if (first >= 0) entry.order.push(held);
      entry.files.set(name, held);
    }
    return entry;
  }
  const indexOf = (scope: StoreScope) => {
    const steps = indexSteps(scope);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  };
  return {
    backend: 'files',
    *warm(scope) {
      yield* indexSteps(scope, WARM_STEP);
    },
    stored(scope, keys) {
      const index = indexOf(scope);
      return new Set(keys.filter((k) => index.keys.find(k) >= 0));
    },
    read(scope, articles, keys) {
      const index = indexOf(scope);
      const out: (ArticleAnalysis | null)[] = new Array(articles.length).fill(null);
      // Grouped by segment, so each file is read once.
      const bySeg = new Map<Segment, { js: number[]; at: number[] }>();
      keys.forEach((k, j) => {
        const hit = lookup(index, k);
        if (!hit) return;
        let list = bySeg.get(hit.seg);
        if (!list) bySeg.set(hit.seg, (list = { js: [], at: [] }));
        list.js.push(j);
        list.at.push(hit.i);
      });
      for (const [seg, { js, at }] of bySeg) {
        const spans = at.map((i) => spanOf(seg.header, i));
        if (inPieces(spans, seg.header.ints)) {
          // An article page's partners or a drill-down's few articles: their bytes alone, not the batch's 250.
          const ints = piecesOf(seg, spans);
          // Pruned since it was listed: its analyses count as missing (made again), never as a failed read.
          if (!ints) continue;
          js.forEach((j, k) => (out[j] = unpackOne(ints[k], seg.header.strings, 0, articles[j]).analysis));
          continue;
        }
        const bytes = readIfPresent(seg.file);
        if (!bytes) continue;
        const ints = intsOf(bytes, seg.at, seg.header.ints);
        js.forEach((j, k) => (out[j] = unpackOne(ints, seg.header.strings, spans[k].start, articles[j]).analysis));
      }
      return out;
    },
    async put(scope, batch) {
      if (batch.keys.length === 0) return;
      writeAtomic(path.join(scopeDir(root, scope), segmentFileName()), encodeSegment(batch));
    },
    readDerived(scope, kind, key) {
      return readIfPresent(path.join(scopeDir(root, scope), derivedName(kind, key)));
    },
    hasDerived(scope, kind, key) {
      return existsSync(path.join(scopeDir(root, scope), derivedName(kind, key)));
    },
    derivedHead(scope, kind, key, length) {
      return headIfPresent(path.join(scopeDir(root, scope), derivedName(kind, key)), length);
    },
    derivedRange(scope, kind, key, offset, length) {
      return rangeIfPresent(path.join(scopeDir(root, scope), derivedName(kind, key)), offset, length)?.head ?? null;
    },
    async putDerived(scope, kind, key, bytes) {
      writeAtomic(
        path.join(scopeDir(root, scope), derivedName(kind, key)),
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      );
    },
    stamp(corpus) {
      const dir = path.join(root, corpus);
      if (!existsSync(dir)) return '0';
      let latest = 0;
      for (const d of readdirSync(dir)) latest = Math.max(latest, statSync(path.join(dir, d)).mtimeMs);
      return String(latest);
    },
    size(corpus) {
      const dir = path.join(root, corpus);
      if (!existsSync(dir)) return 0;
      let bytes = 0;
      for (const d of readdirSync(dir))
        for (const f of readdirSync(path.join(dir, d))) bytes += statSync(path.join(dir, d, f)).size;
      return bytes;
    },
  };
}
