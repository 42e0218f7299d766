import { InputError } from '../errors';

/** Largest single file an import or upload accepts (bytes). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Largest CSV/JSON/JSONL batch file (bytes): FA-KES is 1.6 MB. */
export const MAX_BATCH_BYTES = 50 * 1024 * 1024;

/** The formats the importer reads. */
export type Format = 'text' | 'html' | 'json' | 'jsonl' | 'csv';

/** The format a file name implies, or null. */
export function formatOf(name: string): Format | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'text' || ext === 'md') return 'text';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'json') return 'json';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'csv') return 'csv';
  return null;
}

/**
 * Decodes a file's bytes as UTF-8 text, rejecting empty, binary, invalid UTF-8 and oversized files with a reason.
 * `batchLimit` is the limit for CSV/JSON/JSONL files (an upload's; a local file read by the CLI passes Infinity).
 */
export function decodeFile(bytes: Uint8Array, name: string, format: Format, batchLimit = MAX_BATCH_BYTES): string {
  const limit = format === 'csv' || format === 'json' || format === 'jsonl' ? batchLimit : MAX_FILE_BYTES;
  if (bytes.length > limit) {
    throw new InputError(
      name,
      `is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${limit / 1048576} MB limit for ${format} files`,
      'split it into smaller files',
    );
  }
  if (bytes.length === 0) throw new InputError(name, 'is empty', 'remove it from the batch or add the article text');
  if (bytes.includes(0))
    throw new InputError(
      name,
      'contains NUL bytes: it looks like a binary file, not text',
      'export the article as UTF-8 text, HTML, JSON or CSV',
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new InputError(
      name,
      `is not valid UTF-8 (first bad byte at offset ${at})`,
      'save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '')
    throw new InputError(name, 'holds only whitespace', 'remove it from the batch or add the article text');
  return text;
}

/** The offset of the first byte of `b` that does not continue valid UTF-8 (b.length when none). */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return b.length;
}
