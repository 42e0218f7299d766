import { NextResponse, type NextRequest } from 'next/server';
import { catalogOf, dataVersionOf } from './lib/server/data';
import { FILL_HEADER, getPage, putPage, sharedPageCache, viewCacheKey, type CachedPage } from './lib/server/pageCache';
import { isCheckedRoute, problemsHtml, routeProblems } from './lib/url/route';

// Every view is fully described by its URL and the data version, so a rendered answer can be served again
// until the data changes: 50 readers of one shared chart cost one render.
const cache = sharedPageCache();
const inflight = new Map<string, Promise<CachedPage | null>>();
const DROPPED_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'set-cookie']);

// The fill request goes to this server over loopback, never to the Host the client named: a forged Host header
// must not make the server fetch elsewhere and cache that answer for everyone. The server (scripts/serve.ts, or
// next start) sets PORT.
function loopback(url: URL): URL | null {
  const port = process.env.PORT;
  return port && /^\d+$/.test(port) ? new URL(`${url.pathname}${url.search}`, `http://127.0.0.1:${port}`) : null;
}

async function render(url: URL): Promise<CachedPage | null> {
  const target = loopback(url);
  if (!target) return null;
  let res: Response;
  try {
    // The marker header sends this request past the cache to the page itself.
    res = await fetch(target, { headers: { [FILL_HEADER]: '1', 'accept-encoding': 'identity' }, cache: 'no-store' });
  } catch {
    // A server bound only to another address: answer uncached rather than fail.
    return null;
  }
  if (res.status !== 200) return null;
  const body = new Uint8Array(await res.arrayBuffer());
  const headers: [string, string][] = [];
  res.headers.forEach((value, name) => {
    if (!DROPPED_HEADERS.has(name)) headers.push([name, value]);
  });
  return { status: 200, contentType: res.headers.get('content-type') ?? 'text/html; charset=utf-8', headers, body };
}

function fill(url: URL, key: string): Promise<CachedPage | null> {
  // Concurrent first requests for one URL wait for a single render.
  let pending = inflight.get(key);
  if (!pending) {
    pending = render(url)
      .then((page) => {
        if (page) putPage(cache, key, page);
        return page;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, pending);
  }
  return pending;
}

function answer(page: CachedPage): NextResponse {
  const headers = new Headers(page.headers);
  headers.set('content-type', page.contentType);
  headers.set('x-framescope-cache', 'hit');
  // The bytes go out as rendered; Next compresses them for clients that accept it, as it does every answer.
  return new NextResponse(page.body as BodyInit, { status: page.status, headers });
}

// Pages cannot set a 400 status in the App Router, so bad view URLs are answered here, before rendering.
export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (!isCheckedRoute(pathname)) return NextResponse.next();
  const key = process.env.NODE_ENV === 'production' ? viewCacheKey(request.method, request.headers, pathname, searchParams, dataVersionOf) : null;
  // Only answers to valid URLs are cached, and the key holds the data version, so a hit needs no second check.
  const hit = key ? getPage(cache, key) : undefined;
  if (hit) return answer(hit);
  const problems = routeProblems(pathname, searchParams, catalogOf(searchParams));
  if (problems.length > 0) {
    const status = problems.some((p) => p.status === 400) ? 400 : 404;
    if (pathname.startsWith('/api/')) return NextResponse.json({ error: 'bad request', problems }, { status });
    return new NextResponse(problemsHtml(problems), { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
  const page = key ? await fill(request.nextUrl, key) : null;
  return page ? answer(page) : NextResponse.next();
}

export const config = {
  matcher: ['/', '/compare', '/outlet/:path*', '/group/:path*', '/article/:path*', '/embed/:path*', '/api/analysis', '/api/og', '/manage'],
};
