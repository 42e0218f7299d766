import { NextResponse, type NextRequest } from 'next/server';
import { catalogOf } from './lib/server/dataset';
import { problemsHtml, routeProblems } from './lib/url/route';
import { matchRoute } from './lib/url/routes';

// Pages cannot set a 400 status in the App Router, so bad view URLs are answered here, before rendering. Next
// strips the router headers and `_rsc` before this runs, so this code treats every request alike: it only checks.
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const match = matchRoute(pathname);
  if (!match?.route.checked) return NextResponse.next();
  const problems = routeProblems(pathname, searchParams, catalogOf(searchParams));
  if (problems.length === 0) return NextResponse.next();
  const status = problems.some((p) => p.status === 400) ? 400 : 404;
  if (match.route.api) return NextResponse.json({ error: 'bad request', problems }, { status });
  return new NextResponse(problemsHtml(problems), { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

// The routes themselves are listed in lib/url/routes.ts; this only keeps static files out.
export const config = {
  matcher: ['/((?!_next/|favicon\\.ico$).*)'],
};
