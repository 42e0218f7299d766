/** A run of consecutive lines of one file (each line's UTF-8 bytes), with the number of its first line (1-based). */
export interface LineChunk {
  firstLine: number;
  lines: Uint8Array[];
  bytes: number;
}

/**
 * Groups a file's lines, as they stream in, into chunks of at most `maxLines` lines and about `maxBytes` bytes (a
 * single longer line makes a chunk of its own), so a file of any size is imported batch by batch in constant memory.
 */
export function lineChunker(maxLines: number, maxBytes: number) {
  let line = 0;
  let current: LineChunk | null = null;
  return {
    /** Adds the next line; returns a full chunk to import, or null. */
    push(bytes: Uint8Array): LineChunk | null {
      line++;
      const size = bytes.length + 1;
      let full: LineChunk | null = null;
      if (current && (current.lines.length >= maxLines || current.bytes + size > maxBytes)) {
        full = current;
        current = null;
      }
      current ??= { firstLine: line, lines: [], bytes: 0 };
      current.lines.push(bytes);
      current.bytes += size;
      return full;
    },
    /** The last, partly filled chunk (null when there is none). */
    flush(): LineChunk | null {
      const last = current;
      current = null;
      return last;
    },
  };
}
