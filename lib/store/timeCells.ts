import { CELL_VIEWS, type CellNumbers, type TimeCells } from '../time/cells';
import type { AnalysisStore, StoreScope } from './types';

/**
 * The derived-data kind of a corpus version's time cells (lib/time/cells.ts): what /time, its API and its preview
 * image sum instead of reading every article's analysis. Keyed by the tallies key (lib/store/tallies.ts talliesKey):
 * a changed date moves an article to another day without changing the version key.
 */
export const TIME_CELLS = 'time-cells';

// On disk: "FTC1", the header's length (u32 LE), the header (JSON: names, lengths and the width of a number), zero
// padding to a multiple of 8, then every number (all are whole) as a uint32 when every one fits, else as a float64
// (little-endian, as every platform Node runs on stores them): cellOutlet, cellDay, cellArticles, tokens, starts,
// records. Half the bytes in practice; a sum past 2^32 (an outlet's day of very long articles) keeps them exact. The
// same cells always give the same bytes.
const MAGIC = 'FTC1';
const FORMAT = 1;

interface Header {
  format: number;
  views: number;
  groups: { id: string; variants: string[] }[];
  outlets: string[];
  days: string[];
  cells: number;
  records: number;
  /** Bytes per number: 4 (uint32) or 8 (float64). */
  width: number;
}

/** A version's time cells as stored bytes (deterministic: the same cells give the same bytes). */
export function encodeTimeCells(t: TimeCells): Uint8Array {
  const arrays = [t.cellOutlet, t.cellDay, t.cellArticles, t.tokens, t.starts, t.records];
  const narrow = arrays.every((a) => a.every((x) => x <= 0xffffffff));
  const header: Header = {
    format: FORMAT,
    views: CELL_VIEWS.length,
    groups: t.groups,
    outlets: t.outlets,
    days: t.days,
    cells: t.cellArticles.length,
    records: t.records.length,
    width: narrow ? 4 : 8,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = Math.ceil((8 + json.length) / 8) * 8;
  const total = arrays.reduce((s, a) => s + a.length, 0);
  const numbers = narrow ? new Uint32Array(total) : new Float64Array(total);
  let at = 0;
  for (const a of arrays) {
    numbers.set(a, at);
    at += a.length;
  }
  const out = Buffer.alloc(start + numbers.byteLength);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  out.set(new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength), start);
  return out;
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

// The header at the start of `buf` (magic, length, JSON) with the numbers' layout it names (where they start, the six
// arrays' lengths, their total), or null when it is not a whole header of this format; the lists' contents are the
// decoder's to check.
function headerOf(buf: Buffer): { h: Header; start: number; sizes: number[]; total: number } | null {
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) return null;
  const length = buf.readUInt32LE(4);
  if (8 + length > buf.length) return null;
  let h: Header;
  try {
    h = JSON.parse(buf.toString('utf8', 8, 8 + length)) as Header;
  } catch {
    return null;
  }
  if (h?.format !== FORMAT || h.views !== CELL_VIEWS.length || !Array.isArray(h.groups)) return null;
  if (!Number.isInteger(h.cells) || !Number.isInteger(h.records) || (h.width !== 4 && h.width !== 8)) return null;
  const sizes = [h.cells, h.cells, h.cells, h.cells * h.views, h.views * h.groups.length + 1, h.records];
  return { h, start: Math.ceil((8 + length) / 8) * 8, sizes, total: sizes.reduce((s, n) => s + n, 0) };
}

/**
 * Stored time cells read back, or null when the bytes are not time cells of this format or are cut short (then they
 * are made again). The numbers are read in place when aligned, else copied once.
 */
export function decodeTimeCells(bytes: Uint8Array): TimeCells | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = headerOf(buf);
  if (!read) return null;
  const { h, start, sizes, total } = read;
  if (
    !h.groups.every((g) => typeof g?.id === 'string' && isStrings(g.variants)) ||
    !isStrings(h.outlets) ||
    !isStrings(h.days)
  )
    return null;
  if (buf.length !== start + total * h.width) return null;
  const offset = bytes.byteOffset + start;
  // Read in place when aligned for the width, else from a copy.
  const aligned = offset % h.width === 0;
  const buffer = aligned ? bytes.buffer : new Uint8Array(bytes.buffer, offset, total * h.width).slice().buffer;
  const from = aligned ? offset : 0;
  const numbers: CellNumbers =
    h.width === 4 ? new Uint32Array(buffer, from, total) : new Float64Array(buffer, from, total);
  const parts: CellNumbers[] = [];
  let at = 0;
  for (const n of sizes) {
    parts.push(numbers.subarray(at, at + n));
    at += n;
  }
  const [cellOutlet, cellDay, cellArticles, tokens, starts, records] = parts;
  if (starts[starts.length - 1] !== h.records) return null;
  return {
    groups: h.groups,
    outlets: h.outlets,
    days: h.days,
    cellOutlet,
    cellDay,
    cellArticles,
    tokens,
    starts,
    records,
  };
}

/** A version's stored time cells, or null when none are stored or they cannot be read. */
export function readTimeCells(store: AnalysisStore, scope: StoreScope, key: string): TimeCells | null {
  const bytes = store.readDerived(scope, TIME_CELLS, key);
  return bytes ? decodeTimeCells(bytes) : null;
}

/**
 * The byte length a time cells file must have by its header (magic, header length, then the header), or null when the
 * bytes do not start with a whole header of this format: what a check reads instead of the numbers.
 */
export function timeCellsLength(head: Uint8Array): number | null {
  const read = headerOf(Buffer.from(head.buffer, head.byteOffset, head.byteLength));
  return read && read.start + read.total * read.h.width;
}

/**
 * Whether a version's time cells are stored whole and of this format, from their header alone (the numbers are not
 * read): a file cut short, of another format, or longer or shorter than its header says counts as missing, so the next
 * preparation makes it again. A file that later fails to decode reads as no cells (readTimeCells), as before.
 */
export function hasTimeCells(store: AnalysisStore, scope: StoreScope, key: string): boolean {
  const start = store.derivedHead(scope, TIME_CELLS, key, 8);
  if (!start || start.head.length < 8) return false;
  const length = Buffer.from(start.head.buffer, start.head.byteOffset, 8).readUInt32LE(4);
  if (8 + length > start.size) return false;
  const head = store.derivedHead(scope, TIME_CELLS, key, 8 + length);
  return head !== null && timeCellsLength(head.head) === head.size;
}

/**
 * The term groups a version's stored time cells hold, read from their header alone (the numbers are not read), or null
 * when none are stored whole: what a PostgreSQL-backed server checks before summing a series from the cells' rows.
 */
export function timeCellsGroups(
  store: AnalysisStore,
  scope: StoreScope,
  key: string,
): { id: string; variants: string[] }[] | null {
  if (!hasTimeCells(store, scope, key)) return null;
  const start = store.derivedHead(scope, TIME_CELLS, key, 8);
  if (!start) return null;
  const length = Buffer.from(start.head.buffer, start.head.byteOffset, 8).readUInt32LE(4);
  const head = store.derivedHead(scope, TIME_CELLS, key, 8 + length);
  const read = head && headerOf(Buffer.from(head.head.buffer, head.head.byteOffset, head.head.byteLength));
  if (!read || !read.h.groups.every((g) => typeof g?.id === 'string' && isStrings(g.variants))) return null;
  return read.h.groups;
}

/** Stores a version's time cells whole. */
export function putTimeCells(store: AnalysisStore, scope: StoreScope, key: string, t: TimeCells): Promise<void> {
  return store.putDerived(scope, TIME_CELLS, key, encodeTimeCells(t));
}
