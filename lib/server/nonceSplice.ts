import { constants, deflateRawSync } from 'node:zlib';

/**
 * A cached page whose script nonce is replaced on every answer, compressed once. The page is cut at each occurrence
 * of the nonce it was rendered with; each piece is deflated once, ending on a sync flush, so the pieces and a freshly
 * deflated nonce can be laid end to end as one zlib stream ("Content-Encoding: deflate"). The stream's Adler-32 is
 * combined from the pieces' checksums, so an answer costs one small deflate and a copy, not a compression of the page.
 */
export interface SplicedPage {
  nonce: string;
  /** The page cut at each occurrence of the nonce. */
  pieces: Buffer[];
  /** Each piece as raw deflate ending on a sync flush. */
  deflated: Buffer[];
  adlers: number[];
}

const BASE = 65521;

/** Adler-32 of a buffer (RFC 1950). */
export function adler32(buf: Uint8Array, start = 1): number {
  let a = start & 0xffff;
  let b = start >>> 16;
  // 5552 is the largest n for which the sums cannot overflow 2^32 before the modulo.
  for (let i = 0; i < buf.length;) {
    const end = Math.min(buf.length, i + 5552);
    for (; i < end; i++) {
      a += buf[i];
      b += a;
    }
    a %= BASE;
    b %= BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/** The Adler-32 of two buffers laid end to end, from their checksums and the second one's length (zlib's adler32_combine). */
export function adler32Combine(first: number, second: number, secondLength: number): number {
  const rem = secondLength % BASE;
  let sum1 = first & 0xffff;
  let sum2 = (rem * sum1) % BASE;
  sum1 += (second & 0xffff) + BASE - 1;
  sum2 += (first >>> 16) + (second >>> 16) + BASE - rem;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum2 >= 2 * BASE) sum2 -= 2 * BASE;
  if (sum2 >= BASE) sum2 -= BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}

const syncDeflate = (b: Buffer) => deflateRawSync(b, { level: 6, finishFlush: constants.Z_SYNC_FLUSH });

/** Cuts a page at every occurrence of its nonce and deflates the pieces once. */
export function splicePage(body: Uint8Array, nonce: string): SplicedPage {
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const needle = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = buf.indexOf(needle, from); at !== -1; at = buf.indexOf(needle, from)) {
    pieces.push(buf.subarray(from, at));
    from = at + needle.length;
  }
  pieces.push(buf.subarray(from));
  return { nonce, pieces, deflated: pieces.map(syncDeflate), adlers: pieces.map((p) => adler32(p)) };
}

/** The page with another nonce (of any length), uncompressed, as the buffers to send in order (nothing copied). */
export function partsWithNonce(page: SplicedPage, nonce: string): Buffer[] {
  const n = Buffer.from(nonce);
  const parts: Buffer[] = [];
  page.pieces.forEach((p, i) => {
    if (i > 0) parts.push(n);
    parts.push(p);
  });
  return parts;
}

/** The page with another nonce (of any length), uncompressed, in one buffer. */
export function withNonce(page: SplicedPage, nonce: string): Buffer {
  return Buffer.concat(partsWithNonce(page, nonce));
}

// zlib header: deflate, 32 KB window, no preset dictionary, default level; (0x78 * 256 + 0x9c) % 31 === 0.
const ZLIB_HEADER = Buffer.from([0x78, 0x9c]);
// A final, empty block with fixed Huffman codes: ends the deflate stream after the last sync flush.
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** The page with another nonce as one zlib stream, for "Content-Encoding: deflate". */
export function deflatedWithNonce(page: SplicedPage, nonce: string): Buffer {
  const n = Buffer.from(nonce);
  const dn = syncDeflate(n);
  const an = adler32(n);
  const parts: Buffer[] = [ZLIB_HEADER];
  let adler = 1;
  page.pieces.forEach((p, i) => {
    if (i > 0) {
      parts.push(dn);
      adler = adler32Combine(adler, an, n.length);
    }
    parts.push(page.deflated[i]);
    adler = adler32Combine(adler, page.adlers[i], p.length);
  });
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler);
  parts.push(FINAL_BLOCK, trailer);
  return Buffer.concat(parts);
}
