import { endianness } from 'node:os';
import type { Postings } from '../provenance/postings';
import type { ReuseOptions } from '../provenance/reuseIndex';

/** How a stored reuse index was made: from scratch or from the previous version's, in how long, redoing how many. */
export interface ReuseIndexMade {
  mode: 'full' | 'incremental';
  /** The worker's whole time: reading the previous version's index and provenance, computing, storing the provenance. */
  ms: number;
  /** Of which reading the previous version's index and provenance, and storing the new provenance. */
  readMs: number;
  writeMs: number;
  /** Articles whose provenance was computed (the rest was the previous version's). */
  recomputed: number;
}

/**
 * What a corpus version's provenance is made from next time: the shingle postings and each article's candidates of the
 * version `version` (article keys and dates in its corpus order). Its pairs and results are that version's stored
 * provenance, so they are not repeated here.
 */
export interface StoredReuseIndex {
  version: string;
  keys: string[];
  dates: (string | null)[];
  options: ReuseOptions;
  postings: Postings;
  candidates: Int32Array[];
  made: ReuseIndexMade;
}

interface Header {
  format: number;
  endian: string;
  version: string;
  keys: string[];
  dates: (string | null)[];
  options: ReuseOptions;
  made: ReuseIndexMade;
  sizes: { keys: number; holders: number; candidates: number };
}

// FRI1, the header's byte length (u32 LE), the header as JSON, zero padding to a multiple of 4, then five arrays of
// 32-bit integers: postings keys, offsets (keys + 1) and holders, candidate offsets (articles + 1) and candidates.
const MAGIC = 'FRI1';
const FORMAT = 1;

/** The bytes of a stored reuse index. */
export function encodeReuseIndex(x: StoredReuseIndex): Uint8Array {
  const n = x.candidates.length;
  if (x.keys.length !== n || x.dates.length !== n)
    throw new Error(`a reuse index of ${n} articles came with ${x.keys.length} keys and ${x.dates.length} dates`);
  const candOffsets = new Uint32Array(n + 1);
  x.candidates.forEach((c, i) => (candOffsets[i + 1] = candOffsets[i] + c.length));
  const cands = new Int32Array(candOffsets[n]);
  x.candidates.forEach((c, i) => cands.set(c, candOffsets[i]));
  const header: Header = {
    format: FORMAT,
    endian: endianness(),
    version: x.version,
    keys: x.keys,
    dates: x.dates,
    options: x.options,
    made: x.made,
    sizes: { keys: x.postings.keys.length, holders: x.postings.holders.length, candidates: cands.length },
  };
  const json = Buffer.from(JSON.stringify(header));
  const head = Buffer.alloc(8);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(json.length, 4);
  const pad = Buffer.alloc((4 - ((8 + json.length) % 4)) % 4);
  const bytesOf = (a: Uint32Array | Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return Buffer.concat([
    head,
    json,
    pad,
    bytesOf(x.postings.keys),
    bytesOf(x.postings.offsets),
    bytesOf(x.postings.holders),
    bytesOf(candOffsets),
    bytesOf(cands),
  ]);
}

/** A stored reuse index read back; throws naming `where` and what is wrong when the bytes are not a whole one. */
export function decodeReuseIndex(bytes: Uint8Array, where: string): StoredReuseIndex {
  const bad = (why: string) =>
    new Error(
      `${where}: not a Framescope reuse index (${why}); delete it and the next version's provenance is made whole`,
    );
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) throw bad('wrong magic');
  const len = buf.readUInt32LE(4);
  if (8 + len > buf.length) throw bad('header cut short');
  const h = JSON.parse(buf.toString('utf8', 8, 8 + len)) as Header;
  if (h.format !== FORMAT) throw bad(`format ${h.format}, this version reads ${FORMAT}`);
  if (h.endian !== endianness()) throw bad(`written on a ${h.endian}-endian machine`);
  const n = h.keys.length;
  const counts = [h.sizes.keys, h.sizes.keys + 1, h.sizes.holders, n + 1, h.sizes.candidates];
  let at = 8 + len + ((4 - ((8 + len) % 4)) % 4);
  if (at + counts.reduce((s, c) => s + c, 0) * 4 !== buf.length) throw bad('arrays cut short');
  // A copy of each array: the file's bytes need not start on a 4-byte boundary.
  const next = (count: number) => {
    const copy = new ArrayBuffer(count * 4);
    new Uint8Array(copy).set(buf.subarray(at, at + count * 4));
    at += count * 4;
    return copy;
  };
  const keys = new Uint32Array(next(counts[0]));
  const offsets = new Uint32Array(next(counts[1]));
  const holders = new Uint32Array(next(counts[2]));
  const candOffsets = new Uint32Array(next(counts[3]));
  const cands = new Int32Array(next(counts[4]));
  const candidates = Array.from({ length: n }, (_, i) => cands.subarray(candOffsets[i], candOffsets[i + 1]));
  return {
    version: h.version,
    keys: h.keys,
    dates: h.dates,
    options: h.options,
    made: h.made,
    postings: { keys, offsets, holders },
    candidates,
  };
}
