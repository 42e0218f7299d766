import path from 'node:path';
import { CORPUS_ROOT, loadCorpus } from '@/lib/corpus/load';
import { withLock, writeLexicon } from '@/lib/corpus/store';
import { InputError } from '@/lib/errors';
import { parseLexicon } from '@/lib/lexicon/parse';
import { authorize, clientOf, deniedResponse } from '@/lib/server/admin';
import { audit } from '@/lib/server/audit';
import { keepVersion, listCorpora } from '@/lib/server/dataset';

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

/**
 * Validates a lexicon (anyone) and, with save: true and the admin token, stores it as the corpus's own lexicon: a new
 * version.
 */
export async function POST(request: Request) {
  let body: { corpus?: unknown; lexicon?: unknown; save?: unknown };
  try {
    body = await request.json();
  } catch {
    return json({ error: 'The request body is not JSON.' }, 400);
  }
  const corpus = typeof body.corpus === 'string' ? body.corpus : '';
  if (!listCorpora().includes(corpus))
    return json({ error: `There is no corpus "${corpus.slice(0, 40)}".`, choices: listCorpora() }, 404);
  if (typeof body.lexicon !== 'string' || body.lexicon.length > 1_000_000)
    return json({ error: 'Send the lexicon as JSON text of at most 1 MB in "lexicon".' }, 400);
  const file = `corpus/${corpus}/lexicon.json`;
  try {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.lexicon);
    } catch (e) {
      throw new InputError(file, `is not valid JSON (${(e as Error).message})`, 'fix the syntax');
    }
    const lex = parseLexicon(parsed, file);
    const summary = {
      groups: lex.groups.length,
      variants: lex.groups.reduce((s, g) => s + g.variants.length, 0),
      exclusions: lex.exclusions.length,
      actors: lex.actors.length,
    };
    if (body.save !== true) return json({ valid: true, summary });
    const auth = authorize(request);
    if (!auth.ok) return deniedResponse(auth);
    const dir = path.join(CORPUS_ROOT, corpus);
    // Versions are hashes of the files: reading them is enough, the analysis waits for the next page view.
    const before = loadCorpus(dir).version;
    withLock(dir, () => writeLexicon(dir, body.lexicon as string));
    const versionAfter = keepVersion(corpus);
    audit({
      action: 'lexicon',
      corpus,
      client: clientOf(request),
      ok: true,
      detail: `version ${before} -> ${versionAfter}`,
    });
    return json({ valid: true, saved: true, summary, versionBefore: before, versionAfter });
  } catch (e) {
    if (e instanceof InputError)
      return json({ valid: false, error: e.message, where: e.where, problem: e.problem, fix: e.fix }, 400);
    throw e;
  }
}
