import { openView, vocabularyOf } from '@/lib/server/dataset';
import { apiRow } from '@/lib/vocabulary/apiRows';
import { neededParam, problemsJson } from '@/lib/url/route';

/**
 * Distinctive vocabulary (?corpus=&outlets=A[,B]&voice=&scope=&provenance=&from=&to=&stories=&bg=&min=): every scored
 * n-gram of A against B (or the rest), best first, as `[{ term, y, n, yOther, nOther, articles, z, q, … }]`.
 */
export function GET(request: Request) {
  const opened = openView('/api/vocabulary', new URL(request.url).searchParams);
  if (!opened.ok) return problemsJson(opened.problems);
  const v = vocabularyOf(opened.view);
  if (!v)
    return problemsJson([
      neededParam(
        'outlets',
        'is needed: name one outlet or group (against the rest) or two (one against the other)',
        opened.view.stats.outlets.map((o) => o.id),
      ),
    ]);
  return Response.json(v.answer.rows.map(apiRow), { headers: { 'cache-control': 'no-store' } });
}
