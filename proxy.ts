import { NextResponse, type NextRequest } from 'next/server';
import { catalogOf, overviewInSql, pendingFor, provenanceOf, storiesAt, textOf } from './lib/server/dataset';
import { isAnalysing } from './lib/store/prepare';
import { analysingHtml, countingHtml, RETRY_SECONDS } from './lib/store/progress';
import { problemsHtml, problemsStatus, routeProblems } from './lib/url/route';
import { matchRoute, needsProvenance, needsStories } from './lib/url/routes';
import { PROBLEM_PAGE_POLICY, embedAncestors, newNonce, pagePolicy } from './lib/server/securityHeaders';

// A page gets a fresh script nonce per render: Next reads it from the request's CSP header and puts it on its scripts.
function withNonce(request: NextRequest, embed: boolean): NextResponse {
  const policy = pagePolicy(newNonce(), embed ? embedAncestors() : "'none'", process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('content-security-policy', policy);
  return res;
}

const COUNTED_ROUTES = new Set(['vocabulary', 'vocabulary-api', 'search']);

function waitingAnswer(pathname: string, params: URLSearchParams, api: boolean): NextResponse | null {
  const pending = pendingFor(pathname, params);
  if (!pending) return null;
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (pending.counting) headers['retry-after'] = String(RETRY_SECONDS);
  if (api) return NextResponse.json({ error: pending.message, counting: pending.counting }, { status: 503, headers });
  const html = {
    ...headers,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PROBLEM_PAGE_POLICY,
  };
  return new NextResponse(countingHtml(pending), { status: 503, headers: html });
}

// The 503 answer (a page that reloads itself, or JSON for the API) while what a view reads is still being made or read.
function analysingAnswer(e: unknown, api: boolean): NextResponse {
  if (!isAnalysing(e)) throw e;
  const headers = { 'retry-after': String(RETRY_SECONDS), 'cache-control': 'no-store' };
  if (api) return NextResponse.json({ error: e.message, ...e.progress }, { status: 503, headers });
  const html = {
    ...headers,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PROBLEM_PAGE_POLICY,
  };
  return new NextResponse(analysingHtml(e.progress), { status: 503, headers: html });
}

// Pages cannot set a 400 status in the App Router, so bad view URLs are answered here, before rendering. Next
// strips the router headers and `_rsc` before this runs, so this code treats every request alike: it only checks.
export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const match = matchRoute(pathname);
  // Static files (public/embed.js, icons) and unknown paths are not pages of ours: no page policy on them.
  if (!match) return NextResponse.next();
  const page = !match.route.api;
  if (!match.route.checked) return page ? withNonce(request, false) : NextResponse.next();
  let catalog;
  try {
    catalog = catalogOf(searchParams);
  } catch (e) {
    // A corpus with no analysed version yet: say how far its background preparation is, instead of hanging or failing.
    return analysingAnswer(e, match.route.api);
  }
  const problems = routeProblems(pathname, searchParams, catalog);
  if (problems.length === 0) {
    try {
      // On PostgreSQL a date range's statistics are summed by the database first, so the check below sums none here.
      await overviewInSql(searchParams);
      // Text and analyses a view reads are read into memory in the background, never by this request; a version whose
      // provenance (or, large and unstored, stories) is still being made serves every view but those that read it.
      // Until then these wait here.
      textOf(pathname, searchParams);
      if (needsProvenance(match.route, searchParams)) provenanceOf(searchParams, match.route.id);
      if (needsStories(match.route, searchParams)) storiesAt(searchParams);
    } catch (e) {
      return analysingAnswer(e, match.route.api);
    }
    // Vocabulary and search answers the store lacks are made on a worker: until then, 503 and a page that reloads.
    const waiting = COUNTED_ROUTES.has(match.route.id) ? waitingAnswer(pathname, searchParams, !page) : null;
    if (waiting) return waiting;
    return page ? withNonce(request, match.route.id === 'embed') : NextResponse.next();
  }
  const status = problemsStatus(problems);
  if (match.route.api) return NextResponse.json({ error: 'bad request', problems }, { status });
  const headers = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PROBLEM_PAGE_POLICY };
  return new NextResponse(problemsHtml(problems), { status, headers });
}

// The routes themselves are listed in lib/url/routes.ts; this only keeps static files out.
export const config = {
  matcher: ['/((?!_next/|favicon\\.ico$).*)'],
};
