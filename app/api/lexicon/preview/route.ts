import { PreviewStopped } from '@/lib/lexicon/countOffThread';
import { authorize, deniedResponse } from '@/lib/server/admin';
import { lexiconPreviewOf } from '@/lib/server/dataset';
import { json, readLexiconRequest } from '../request';

/**
 * How an edited lexicon would change the counts of a corpus (admin only: it analyses the whole corpus, off the request
 * thread within a time budget). The lexicon is validated first; an invalid one gets its field's path.
 */
export async function POST(request: Request) {
  // Checked before the body is read: only an editor may make the server analyse a corpus.
  const auth = authorize(request);
  if (!auth.ok) return deniedResponse(auth);
  const req = await readLexiconRequest(request);
  if (req instanceof Response) return req;
  try {
    return json({ valid: true, ...(await lexiconPreviewOf(req.corpus, req.lexicon)) });
  } catch (e) {
    if (e instanceof PreviewStopped)
      return json({ valid: true, error: e.message }, 503, e.why === 'busy' ? { 'retry-after': '5' } : {});
    throw e;
  }
}
