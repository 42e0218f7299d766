// The streamed JSONL reader keeps each line as bytes and joins a chunk's lines into one buffer; before, it decoded each
// line, chunked the strings and encoded the chunk again. Both must give the importer the same bytes, the same refused
// lines (line number and first bad byte) and the same chunk sizes, on inputs mixing valid and invalid UTF-8, CRLF,
// byte-order marks and empty lines, fed in pieces of many sizes. The path it replaced is kept here as the reference.
import { describe, expect, test } from 'vitest';
import { lineChunker } from './chunks';
import { firstInvalidUtf8 } from './files';
import { byteLineSplitter, joinLines } from './lines';

type Read = {
  chunks: { firstLine: number; lines: number; bytes: number; data: string }[];
  refused: [number, number][];
};

// The old path: each line decoded strictly (a bad one refused, an empty line in its place), string chunks re-encoded.
function readBefore(input: Uint8Array, piece: number, maxLines: number, maxBytes: number): Read {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out: Read = { chunks: [], refused: [] };
  let current: { firstLine: number; lines: string[]; bytes: number } | null = null;
  let lineNo = 0;
  const flush = () => {
    if (!current) return;
    const data = Buffer.from(current.lines.join('\n')).toString('hex');
    out.chunks.push({ firstLine: current.firstLine, lines: current.lines.length, bytes: current.bytes, data });
    current = null;
  };
  const take = (raw: Uint8Array) => {
    lineNo++;
    const b = raw.length && raw[raw.length - 1] === 0x0d ? raw.subarray(0, raw.length - 1) : raw;
    let text = '';
    try {
      text = decoder.decode(b);
    } catch {
      out.refused.push([lineNo, firstInvalidUtf8(b)]);
    }
    const size = Buffer.byteLength(text) + 1;
    if (current && (current.lines.length >= maxLines || current.bytes + size > maxBytes)) flush();
    current ??= { firstLine: lineNo, lines: [], bytes: 0 };
    current.lines.push(text);
    current.bytes += size;
  };
  // The old splitter's line boundaries do not depend on the piece size; the pieces matter to the new one only.
  void piece;
  let start = 0;
  for (let end = input.indexOf(0x0a); end >= 0; end = input.indexOf(0x0a, start)) {
    take(input.subarray(start, end));
    start = end + 1;
  }
  if (start < input.length) take(input.subarray(start));
  flush();
  return out;
}

function readNow(input: Uint8Array, piece: number, maxLines: number, maxBytes: number): Read {
  const splitter = byteLineSplitter();
  const chunker = lineChunker(maxLines, maxBytes);
  const out: Read = { chunks: [], refused: [] };
  let lineNo = 0;
  const add = (c: ReturnType<typeof chunker.flush>) => {
    if (c)
      out.chunks.push({
        firstLine: c.firstLine,
        lines: c.lines.length,
        bytes: c.bytes,
        data: joinLines(c.lines).toString('hex'),
      });
  };
  const take = (ls: ReturnType<typeof splitter.flush>) => {
    for (const l of ls) {
      lineNo++;
      if (l.bytes === null) out.refused.push([lineNo, l.badAt]);
      add(chunker.push(l.bytes ?? new Uint8Array()));
    }
  };
  for (let i = 0; i < input.length; i += piece) take(splitter.push(input.subarray(i, i + piece)));
  take(splitter.flush());
  add(chunker.flush());
  return out;
}

// Pieces an input is made of: JSON-ish text, multi-byte characters, marks, line ends and invalid sequences (a lone
// continuation byte, Latin-1, a cut-short character, a UTF-16 surrogate, an overlong encoding, past U+10FFFF).
const PIECES = ['{"title":"a","text":"b"}', 'Ḥalab — حلب', '😀', '\ufeff', '\r\n', '\n', '\r', ' ', ''].map((s) =>
  Buffer.from(s, 'utf8'),
);
const BAD = [[0x80], [0xe9], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xf4, 0x90, 0x80, 0x80]].map((b) =>
  Buffer.from(b),
);

// A deterministic input of `n` pieces (a small linear congruential generator: the same input on every run).
function input(seed: number, n: number): Uint8Array {
  let x = seed;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const r = next() % 100;
    parts.push(r < 6 ? BAD[next() % BAD.length] : PIECES[next() % PIECES.length]);
  }
  return new Uint8Array(Buffer.concat(parts));
}

describe('the byte reader gives what the decoding reader gave', () => {
  test.each([1, 2, 3, 5, 8, 13, 21])('seed %i, every piece size, chunks by lines and by bytes', (seed) => {
    const bytes = input(seed, 400);
    for (const piece of [1, 2, 7, 64, 1 << 16])
      for (const [maxLines, maxBytes] of [
        [3, 1 << 20],
        [1000, 40],
        [5, 100],
      ]) {
        const now = readNow(bytes, piece, maxLines, maxBytes);
        expect(now).toEqual(readBefore(bytes, piece, maxLines, maxBytes));
      }
  });

  // The generated inputs do hold what the comparison is about (else it could pass on plain ASCII alone).
  test('the inputs hold refused lines, marks and CRs', () => {
    const bytes = input(1, 400);
    const before = readBefore(bytes, 1, 3, 1 << 20);
    expect(before.refused.length).toBeGreaterThan(5);
    expect(bytes.includes(0x0d)).toBe(true);
    expect(Buffer.from(bytes).includes(Buffer.from('\ufeff'))).toBe(true);
  });
});
