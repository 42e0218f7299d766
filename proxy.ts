import { NextResponse, type NextRequest } from 'next/server';
import { catalogOf } from './lib/server/data';
import { isCheckedRoute, problemsHtml, routeProblems } from './lib/url/route';

// Pages cannot set a 400 status in the App Router, so bad view URLs are answered here, before rendering.
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (!isCheckedRoute(pathname)) return NextResponse.next();
  const problems = routeProblems(pathname, searchParams, catalogOf(searchParams));
  if (problems.length === 0) return NextResponse.next();
  const status = problems.some((p) => p.status === 400) ? 400 : 404;
  if (pathname.startsWith('/api/')) return NextResponse.json({ error: 'bad request', problems }, { status });
  return new NextResponse(problemsHtml(problems), { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

export const config = {
  matcher: ['/', '/compare', '/outlet/:path*', '/group/:path*', '/article/:path*', '/embed/:path*', '/api/analysis', '/api/og', '/manage'],
};
