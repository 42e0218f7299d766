import { firstInvalidUtf8 } from './files';

/** One line of a byte stream: its text, or (not valid UTF-8) the offset of its first bad byte. */
export type ByteLine = { text: string; badAt: null } | { text: null; badAt: number };

/**
 * Splits a stream of byte chunks into lines at LF (a CR before it is dropped), decoding each line as strict UTF-8, so a
 * line with invalid bytes is reported as such instead of having them replaced by U+FFFD (a Node stream read as text,
 * and readline, replace them silently: data changed, not rejected). Each byte is looked at a fixed number of times:
 * linear in the input, whatever its line lengths.
 */
export function byteLineSplitter(): { push(chunk: Uint8Array): ByteLine[]; flush(): ByteLine[] } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Uint8Array[] = [];
  const decoded = (bytes: Uint8Array): ByteLine => {
    const b = bytes.length && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, bytes.length - 1) : bytes;
    try {
      return { text: decoder.decode(b), badAt: null };
    } catch {
      return { text: null, badAt: firstInvalidUtf8(b) };
    }
  };
  return {
    push(chunk: Uint8Array): ByteLine[] {
      const out: ByteLine[] = [];
      let start = 0;
      for (let end = chunk.indexOf(0x0a); end >= 0; end = chunk.indexOf(0x0a, start)) {
        const piece = chunk.subarray(start, end);
        out.push(decoded(parts.length ? Buffer.concat([...parts, piece]) : piece));
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
      return [decoded(last)];
    },
  };
}
