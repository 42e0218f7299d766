import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isFsError, StorageError } from '@/lib/corpus/commit';
import { CORPUS_ROOT, folderFiles, loadCorpus, loadCorpusFrom } from '@/lib/corpus/load';
import { BusyError, withLock } from '@/lib/corpus/lock';
import { publishCorpusFile } from '@/lib/corpus/publish';
import { writeAtomic, writeLexicon } from '@/lib/corpus/store';
import { InputError } from '@/lib/errors';
import { authorize, clientOf, deniedResponse } from '@/lib/server/admin';
import { audit } from '@/lib/server/audit';
import { whileWriting } from '@/lib/server/bundles';
import { provenanceInto, recordVersionOffThread, talliesInto, vocabularyInto } from '@/lib/store/analyse';
import { STORE_ROOT } from '@/lib/store/current';
import { DatabaseUnavailableError } from '@/lib/store/pgErrors';
import { analyseCorpus, tracked } from '@/lib/store/prepare';
import { invalidLexicon, json, readLexiconRequest } from './request';

/**
 * Writes a corpus's own lexicon.json, first loading the corpus with it through the real loader and afterwards reading
 * it back: a lexicon that would not load is never written, and one that does not read back as loaded is undone.
 */
async function saveLexicon(dir: string, text: string): Promise<string> {
  const source = text.endsWith('\n') ? text : `${text}\n`;
  const base = folderFiles(dir);
  const staged = loadCorpusFrom({
    ...base,
    lexicon: 'lexicon.json',
    read: (rel) => (rel === 'lexicon.json' ? source : base.read(rel)),
  });
  const own = path.join(dir, 'lexicon.json');
  const previous = existsSync(own) ? readFileSync(own, 'utf8') : null;
  // With DATABASE_URL the lexicon is stored in PostgreSQL first (the folder is its replica); unreachable, nothing is.
  await publishCorpusFile(dir, 'lexicon.json', source);
  try {
    writeLexicon(dir, source);
    if (loadCorpus(dir).version === staged.version) return staged.version;
  } catch (e) {
    if (isFsError(e)) throw new StorageError(e.code!, []);
    throw e;
  }
  if (previous === null) rmSync(own, { force: true });
  else {
    await publishCorpusFile(dir, 'lexicon.json', previous);
    writeAtomic(own, previous);
  }
  throw new Error('the saved lexicon did not read back as it was checked, so the previous one was put back');
}

/**
 * Validates a lexicon (anyone) and, with save: true and the admin token, stores it as the corpus's own lexicon: a new
 * version.
 */
export async function POST(request: Request) {
  const req = await readLexiconRequest(request);
  if (req instanceof Response) return req;
  const { corpus, lexicon: lex } = req;
  const summary = {
    groups: lex.groups.length,
    variants: lex.groups.reduce((s, g) => s + g.variants.length, 0),
    exclusions: lex.exclusions.length,
    actors: lex.actors.length,
  };
  if (req.body.save !== true) return json({ valid: true, summary });
  // Checked only for a save: validating is open to anyone and must not count as a failed admin attempt.
  const auth = authorize(request);
  if (!auth.ok) return deniedResponse(auth);
  try {
    // The watcher leaves the corpus alone until this write has stored what its version needs.
    return await whileWriting(corpus, async () => {
      const dir = path.join(CORPUS_ROOT, corpus);
      const current = loadCorpus(dir);
      const before = current.version;
      // Every article is analysed under the new lexicon on workers before the lexicon is written: until then the
      // previous version serves, and the new one is complete when it appears (progress: preparationOf, on /manage).
      await tracked(corpus, 'lexicon', (p) => analyseCorpus(p, current.articles, lex));
      await withLock(dir, () => saveLexicon(dir, req.source));
      const warnings: string[] = [];
      let after: string;
      try {
        // On a worker: loading every article and writing the snapshot would hold up the server's other requests.
        after = await recordVersionOffThread(dir);
      } catch (e) {
        if (!isFsError(e)) throw e;
        after = loadCorpus(dir).version;
        warnings.push(`the version snapshot could not be written (${e.code}); the lexicon is saved`);
      }
      try {
        // The tallies first: with them stored the new version serves every view but provenance's.
        await talliesInto(dir, STORE_ROOT, lex);
        await vocabularyInto(dir, STORE_ROOT, lex, null, { stories: true });
        await provenanceInto(dir, STORE_ROOT);
      } catch (e) {
        warnings.push(
          `tallies, vocabulary, stories or provenance could not be stored (${(e as Error).message}); the server makes them in the background`,
        );
      }
      audit({
        action: 'lexicon',
        corpus,
        client: clientOf(request),
        ok: true,
        detail: `version ${before} -> ${after}`,
      });
      return json({ valid: true, saved: true, summary, versionBefore: before, versionAfter: after, warnings });
    });
  } catch (e) {
    if (e instanceof BusyError)
      return json({ valid: true, error: e.message }, 503, { 'retry-after': String(e.retryAfterSeconds) });
    if (e instanceof DatabaseUnavailableError)
      return json({ valid: true, saved: false, error: e.message }, 503, { 'retry-after': String(e.retryAfterSeconds) });
    if (e instanceof StorageError) return json({ valid: true, saved: false, error: e.message }, 507);
    // The corpus does not load with this lexicon (the loader's own checks).
    if (e instanceof InputError) return invalidLexicon(e);
    throw e;
  }
}
