import { analyzeArticle, compileEngine } from '@/lib/analysis/article';
import { importItems } from '@/lib/corpus/importer';
import { InputError } from '@/lib/errors';
import { QUIRK_TEXT } from '@/lib/importing/quirks';
import { MAX_UPLOAD_BYTES, parseUpload } from '@/lib/importing/upload';
import { authorize, clientOf, deniedResponse } from '@/lib/server/admin';
import { audit } from '@/lib/server/audit';
import { keepVersion, listCorpora } from '@/lib/server/dataset';

const PREVIEW_ARTICLES = 20;
const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

/** Previews (save: false) or saves an upload of pasted text or files into a corpus; needs the admin token. */
export async function POST(request: Request) {
  const auth = authorize(request);
  if (!auth.ok) return deniedResponse(auth);
  // Base64 grows files by a third; anything far beyond the limit is refused before it is read.
  if (Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES * 1.4 + 65536) {
    return json(
      {
        error: `The upload is over the ${MAX_UPLOAD_BYTES / 1048576} MB limit. Upload fewer files at once, or use npm run import.`,
      },
      413,
    );
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json({ error: 'The request body is not JSON.' }, 400);
  }
  try {
    const up = parseUpload(body);
    if (!listCorpora().includes(up.corpus))
      return json({ error: `There is no corpus "${up.corpus}".`, choices: listCorpora() }, 404);
    const result = importItems(up.items, {
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
    // The import has loaded the lexicon already; the dashboard's bundle is re-analysed only when a page asks for it.
    // The new version is kept now, by the writer, so a link to it survives later changes; reads never write.
    if (up.save && result.written.length) keepVersion(up.corpus);
    if (up.save) {
      const stored = result.written.length ? `stored ${result.written.length}` : 'stored nothing';
      audit({
        action: 'upload',
        corpus: up.corpus,
        client: clientOf(request),
        ok: true,
        detail: `${stored} (${result.rejected.length} rejected)`,
      });
    }
    const engine = compileEngine(result.lexicon);
    return json({
      saved: up.save,
      imported: up.save ? result.written.length : result.plan.articles.length,
      articles: result.plan.articles.slice(0, PREVIEW_ARTICLES).map((a) => {
        const analysis = analyzeArticle(a, engine);
        return {
          id: a.id,
          outlet: a.outlet,
          title: a.title,
          date: a.date,
          text: analysis.text,
          mentions: analysis.mentions.map((m) => ({
            start: m.start,
            end: m.end,
            text: m.text,
            group: m.group,
            variant: m.variant,
            voice: m.voice,
            actors: m.actors,
          })),
        };
      }),
      newOutlets: result.plan.newOutlets,
      duplicates: result.plan.duplicates,
      rejected: result.rejected,
      quirks: [...result.plan.quirks].map(([rule, q]) => ({ rule, text: QUIRK_TEXT[rule] ?? rule, ...q })),
      versionBefore: result.versionBefore,
      versionAfter: result.versionAfter,
    });
  } catch (e) {
    if (e instanceof InputError) return json({ error: e.message, where: e.where, problem: e.problem, fix: e.fix }, 400);
    throw e;
  }
}
