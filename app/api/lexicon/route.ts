import path from 'node:path';
import { isFsError, StorageError } from '@/lib/corpus/commit';
import { CORPUS_ROOT, loadCorpus } from '@/lib/corpus/load';
import { BusyError, withLock } from '@/lib/corpus/lock';
import { recordVersion } from '@/lib/corpus/snapshots';
import { writeLexicon } from '@/lib/corpus/store';
import { InputError, parseJsonInput } from '@/lib/errors';
import { BodyTooLargeError, declaredTooLarge, formatBytes, readCapped } from '@/lib/importing/body';
import { parseLexicon } from '@/lib/lexicon/parse';
import { authorize, clientOf, deniedResponse } from '@/lib/server/admin';
import { audit } from '@/lib/server/audit';
import { listCorpora } from '@/lib/server/dataset';
import { provenanceInto } from '@/lib/store/analyse';
import { STORE_ROOT } from '@/lib/store/current';
import { analyseCorpus, tracked } from '@/lib/store/prepare';

const MAX_LEXICON_CHARS = 1_000_000;
// The lexicon travels as a JSON string inside JSON: escaping can double it.
const MAX_BODY_BYTES = 2 * MAX_LEXICON_CHARS + 65536;
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });

/**
 * Validates a lexicon (anyone) and, with save: true and the admin token, stores it as the corpus's own lexicon: a new
 * version.
 */
export async function POST(request: Request) {
  // Anyone may validate, so the body is capped while it streams, before any parsing.
  const tooLarge = () =>
    json(
      {
        error: `The request is over the ${formatBytes(MAX_BODY_BYTES)} limit. Send the lexicon as JSON text of at most 1 MB in "lexicon".`,
      },
      413,
    );
  if (declaredTooLarge(request.headers, MAX_BODY_BYTES) !== null) return tooLarge();
  let body: { corpus?: unknown; lexicon?: unknown; save?: unknown };
  try {
    body = JSON.parse(new TextDecoder().decode(await readCapped(request.body, MAX_BODY_BYTES)));
    if (typeof body !== 'object' || body === null) throw new SyntaxError('not an object');
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
    const lex = parseLexicon(parseJsonInput(body.lexicon, file), file);
    const summary = {
      groups: lex.groups.length,
      variants: lex.groups.reduce((s, g) => s + g.variants.length, 0),
      exclusions: lex.exclusions.length,
      actors: lex.actors.length,
    };
    if (body.save !== true) return json({ valid: true, summary });
    // Checked only for a save: validating is open to anyone and must not count as a failed admin attempt.
    const auth = authorize(request);
    if (!auth.ok) return deniedResponse(auth);
    const dir = path.join(CORPUS_ROOT, corpus);
    const current = loadCorpus(dir);
    const before = current.version;
    // Every article is analysed under the new lexicon on workers before the lexicon is written: until then the
    // previous version serves, and the new one is complete when it appears (progress: preparationOf, on /manage).
    await tracked(corpus, 'lexicon', (p) => analyseCorpus(p, current.articles, lex));
    await withLock(dir, () => {
      try {
        writeLexicon(dir, body.lexicon as string);
      } catch (e) {
        if (isFsError(e)) throw new StorageError(e.code!, []);
        throw e;
      }
    });
    const warnings: string[] = [];
    let after: string;
    try {
      after = (await recordVersion(dir)).version;
    } catch (e) {
      if (!isFsError(e)) throw e;
      after = loadCorpus(dir).version;
      warnings.push(`the version snapshot could not be written (${e.code}); the lexicon is saved`);
    }
    try {
      await provenanceInto(dir, STORE_ROOT, lex);
    } catch (e) {
      warnings.push(`provenance could not be stored (${(e as Error).message}); the server makes it in the background`);
    }
    audit({ action: 'lexicon', corpus, client: clientOf(request), ok: true, detail: `version ${before} -> ${after}` });
    return json({ valid: true, saved: true, summary, versionBefore: before, versionAfter: after, warnings });
  } catch (e) {
    if (e instanceof BusyError)
      return json({ valid: true, error: e.message }, 503, { 'retry-after': String(e.retryAfterSeconds) });
    if (e instanceof StorageError) return json({ valid: true, saved: false, error: e.message }, 507);
    if (e instanceof InputError)
      return json({ valid: false, error: e.message, where: e.where, problem: e.problem, fix: e.fix }, 400);
    throw e;
  }
}
