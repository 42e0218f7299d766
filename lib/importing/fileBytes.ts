import { isDeepStrictEqual } from 'node:util';
import { parseArticleFile, serializeArticleFile } from '../corpus/articleFile';
import { InputError } from '../errors';
import type { Article } from '../types';

const encoder = new TextEncoder();

/**
 * An article's file as the import will store it: the serialised file's UTF-8 bytes once they parse back to exactly the
 * article, or why they would not. Made once per article when it is planned, so neither the check before staging nor
 * the staging itself serialises or parses it again (the staged read-back compares these bytes).
 */
export function articleFileBytes(a: Article): { bytes: Uint8Array } | { problem: string } {
  const name = `${a.id}.txt`;
  const text = serializeArticleFile(a);
  try {
    // The loader's own parser: what it reads back is what a server will read from the stored file.
    if (!isDeepStrictEqual(parseArticleFile(text, name), a))
      return { problem: 'would not read back exactly as imported (a header or section line in its text?)' };
  } catch (e) {
    if (e instanceof InputError) return { problem: `would be stored unreadably: ${e.problem}` };
    throw e;
  }
  // Its own ArrayBuffer (TextEncoder never pools), so a plan worker can transfer it to the main thread without a copy.
  return { bytes: encoder.encode(text) };
}
