import { StorageError } from '@/lib/corpus/commit';
import { importItems } from '@/lib/corpus/importer';
import { previewOffThread } from '@/lib/corpus/offThread';
import { BusyError } from '@/lib/corpus/lock';
import { InputError } from '@/lib/errors';
import { BodyTooLargeError, declaredTooLarge, formatBytes, readCapped } from '@/lib/importing/body';
import { quirkText } from '@/lib/importing/plan';
import { MAX_UPLOAD_BYTES, parseUpload } from '@/lib/importing/upload';
import { authorize, clientOf, deniedResponse } from '@/lib/server/admin';
import { audit } from '@/lib/server/audit';
import { whileWriting } from '@/lib/server/bundles';
import { listCorpora } from '@/lib/server/dataset';
import { DatabaseUnavailableError } from '@/lib/store/pgErrors';

const PREVIEW_ARTICLES = 20;
// Base64 grows files by a third; the JSON around them is small.
const MAX_BODY_BYTES = Math.ceil(MAX_UPLOAD_BYTES * 1.4) + 65536;
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
const tooLarge = () =>
  json(
    {
      error: `The upload is over the ${formatBytes(MAX_BODY_BYTES)} request limit (${formatBytes(MAX_UPLOAD_BYTES)} of files). Upload fewer files at once, or use npm run import.`,
    },
    413,
  );

/** Previews (save: false) or saves an upload of pasted text or files into a corpus; needs the admin token. */
export async function POST(request: Request) {
  // The token is checked before a byte of the body is read, and the body is counted while it streams.
  const auth = authorize(request);
  if (!auth.ok) return deniedResponse(auth);
  if (declaredTooLarge(request.headers, MAX_BODY_BYTES) !== null) return tooLarge();
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(await readCapped(request.body, MAX_BODY_BYTES)));
  } catch (e) {
    if (e instanceof BodyTooLargeError) return tooLarge();
    return json({ error: 'The request body is not JSON.' }, 400);
  }
  try {
    const up = parseUpload(body);
    if (!listCorpora().includes(up.corpus))
      return json({ error: `There is no corpus "${up.corpus}".`, choices: listCorpora() }, 404);
    const run = () =>
      importItems(up.items, {
        corpus: up.corpus,
        title: null,
        attribution: null,
        outlet: up.outlet,
        createOutlets: up.newOutletName !== null,
        outletNames: up.newOutletName ? { [up.outlet]: up.newOutletName } : {},
        mapping: {},
        dateOrder: 'mdy',
        source: `uploaded ${new Date().toISOString().slice(0, 10)}`,
        dryRun: !up.save,
      });
    // The watcher leaves the corpus alone until this write has stored what its version needs.
    const result = up.save ? await whileWriting(up.corpus, run) : await run();
    if (up.save) {
      const stored = result.written.length ? `stored ${result.written.length}` : 'stored nothing';
      const detail = `${stored} (${result.rejected.length} rejected), version ${result.versionBefore} -> ${result.versionAfter}`;
      audit({ action: 'upload', corpus: up.corpus, client: clientOf(request), ok: true, detail });
    }
    // The import has loaded the lexicon already; a large preview is analysed in a worker with a time budget per article.
    const shown = result.plan.articles.slice(0, PREVIEW_ARTICLES);
    const previews = await previewOffThread(shown, result.lexicon);
    return json({
      saved: up.save,
      imported: up.save ? result.written.length : result.plan.articles.length,
      // Exactly the article files this request stored (empty for a preview).
      stored: result.written,
      articles: shown.map((a, i) => {
        const p = previews[i];
        const base = { id: a.id, outlet: a.outlet, title: a.title, date: a.date };
        return 'skipped' in p
          ? { ...base, text: '', mentions: [], previewSkipped: p.skipped }
          : { ...base, text: p.text, mentions: p.mentions };
      }),
      newOutlets: result.plan.newOutlets,
      duplicates: result.plan.duplicates,
      rejected: result.rejected,
      quirks: [...result.plan.quirks].map(([rule, q]) => ({ rule, text: quirkText(rule), ...q })),
      warnings: result.warnings,
      versionBefore: result.versionBefore,
      versionAfter: result.versionAfter,
    });
  } catch (e) {
    if (e instanceof BusyError) return json({ error: e.message }, 503, { 'retry-after': String(e.retryAfterSeconds) });
    if (e instanceof DatabaseUnavailableError) {
      audit({ action: 'upload', corpus: null, client: clientOf(request), ok: false, detail: e.message });
      return json({ error: e.message, stored: e.stored }, 503, { 'retry-after': String(e.retryAfterSeconds) });
    }
    if (e instanceof StorageError) {
      audit({ action: 'upload', corpus: null, client: clientOf(request), ok: false, detail: e.message });
      return json({ error: e.message, stored: e.stored }, 507);
    }
    if (e instanceof InputError) return json({ error: e.message, where: e.where, problem: e.problem, fix: e.fix }, 400);
    throw e;
  }
}
