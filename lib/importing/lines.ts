import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from './files';

/**
 * One line of a byte stream: its bytes when they are valid UTF-8 (without the CR before its LF, and without one leading
 * byte-order mark, which decoding the line would drop), or the offset of its first bad byte.
 */
export type ByteLine = { bytes: Uint8Array; badAt: null } | { bytes: null; badAt: number };

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Splits a stream of byte chunks into lines at LF (a CR before it is dropped) and checks each line as strict UTF-8, so a
 * line with invalid bytes is reported as such instead of having them replaced by U+FFFD (a Node stream read as text,
 * and readline, replace them silently: data changed, not rejected). The lines stay bytes: the batch they join is
 * decoded once, where it is read (decoding each line here and encoding the batch again cost a fifth of the CLI main
 * thread's time). Each byte is looked at a fixed number of times: linear in the input, whatever its line lengths.
 */
export function byteLineSplitter(): { push(chunk: Uint8Array): ByteLine[]; flush(): ByteLine[] } {
  let parts: Uint8Array[] = [];
  const checked = (bytes: Uint8Array): ByteLine => {
    const b = bytes.length && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, bytes.length - 1) : bytes;
    if (!isUtf8(b)) return { bytes: null, badAt: firstInvalidUtf8(b) };
    const bom = b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2];
    return { bytes: bom ? b.subarray(3) : b, badAt: null };
  };
  return {
    push(chunk: Uint8Array): ByteLine[] {
      const out: ByteLine[] = [];
      let start = 0;
      for (let end = chunk.indexOf(0x0a); end >= 0; end = chunk.indexOf(0x0a, start)) {
        const piece = chunk.subarray(start, end);
        out.push(checked(parts.length ? Buffer.concat([...parts, piece]) : piece));
        parts = [];
        start = end + 1;
      }
      if (start < chunk.length) parts.push(chunk.slice(start));
      return out;
    },
    flush(): ByteLine[] {
      if (!parts.length) return [];
      const last = Buffer.concat(parts);
      parts = [];
      return [checked(last)];
    },
  };
}

/** Lines joined by LF into one buffer (the bytes of a chunk of a JSONL file, without its last newline). */
export function joinLines(lines: readonly Uint8Array[]): Buffer {
  let size = Math.max(0, lines.length - 1);
  for (const l of lines) size += l.length;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  lines.forEach((l, i) => {
    if (i > 0) out[at++] = 0x0a;
    out.set(l, at);
    at += l.length;
  });
  return out;
}
