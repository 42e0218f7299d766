// What the lexicon save and the lexicon preview share: their body limit and how a lexicon request is read and checked.
import { InputError, parseJsonInput } from '@/lib/errors';
import { BodyTooLargeError, declaredTooLarge, formatBytes, readCapped } from '@/lib/importing/body';
import { parseLexicon } from '@/lib/lexicon/parse';
import { listCorpora } from '@/lib/server/dataset';
import type { Lexicon } from '@/lib/types';

const MAX_LEXICON_CHARS = 1_000_000;
// The lexicon travels as a JSON string inside JSON: escaping can double it.
const MAX_BODY_BYTES = 2 * MAX_LEXICON_CHARS + 65536;

/** A JSON answer that is never cached. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });

/** The 400 answer for an invalid lexicon: the message, and where (with the field's path, for the form), what, how. */
export function invalidLexicon(e: InputError): Response {
  return json({ valid: false, error: e.message, where: e.where, problem: e.problem, fix: e.fix, path: e.path }, 400);
}

/** A lexicon request read and validated: the corpus, the lexicon's text and parsed value, and the other fields. */
export interface LexiconRequest {
  corpus: string;
  source: string;
  lexicon: Lexicon;
  file: string;
  body: Record<string, unknown>;
}

/**
 * Reads a lexicon request's body (capped while it streams), checks the corpus and validates the lexicon; answers 413,
 * 400 (with the field's path) or 404 as a Response when it cannot.
 */
export async function readLexiconRequest(request: Request): Promise<LexiconRequest | Response> {
  const tooLarge = () =>
    json(
      {
        error: `The request is over the ${formatBytes(MAX_BODY_BYTES)} limit. Send the lexicon as JSON text of at most 1 MB in "lexicon".`,
      },
      413,
    );
  if (declaredTooLarge(request.headers, MAX_BODY_BYTES) !== null) return tooLarge();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(new TextDecoder().decode(await readCapped(request.body, MAX_BODY_BYTES)));
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SyntaxError('not an object');
  } catch (e) {
    if (e instanceof BodyTooLargeError) return tooLarge();
    return json({ error: 'The request body is not a JSON object.' }, 400);
  }
  const corpus = typeof body.corpus === 'string' ? body.corpus : '';
  if (!listCorpora().includes(corpus))
    return json({ error: `There is no corpus "${corpus.slice(0, 40)}".`, choices: listCorpora() }, 404);
  if (typeof body.lexicon !== 'string' || body.lexicon.length > MAX_LEXICON_CHARS)
    return json({ error: 'Send the lexicon as JSON text of at most 1 MB in "lexicon".' }, 400);
  const file = `${corpus}/lexicon.json`;
  try {
    const lexicon = parseLexicon(parseJsonInput(body.lexicon, file), file);
    return { corpus, source: body.lexicon, lexicon, file, body };
  } catch (e) {
    if (e instanceof InputError) return invalidLexicon(e);
    throw e;
  }
}
