// The production server (npm start): Next.js behind a thin front that answers cached views itself. next start
// spends about a millisecond of routing on every request, even for a static file; a view that is already in the
// page cache (filled by proxy.ts) is sent from here without entering Next. Everything else goes to Next.
// Usage: tsx scripts/serve.ts [-p PORT] [-H HOST]
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { dataVersionOf } from '../lib/server/data';
import { getPage, sharedPageCache, viewCacheKey, type CachedPage } from '../lib/server/pageCache';
import { parseServeArgs } from '../lib/server/serveArgs';

const { port, host } = parseServeArgs(process.argv.slice(2), process.env.PORT);
// proxy.ts fills the cache over loopback on the port the server listens on, as next start tells it.
process.env.PORT = String(port);
const cache = sharedPageCache();
// Compressed once per cached answer, not once per request as next start does.
const gzipped = new WeakMap<CachedPage, Buffer>();

function cachedAnswer(req: http.IncomingMessage): CachedPage | undefined {
  // "//host/path" would parse as another host's "/path": such a request goes to Next untouched.
  if (req.method !== 'GET' || !req.url || !req.url.startsWith('/') || req.url.startsWith('//')) return undefined;
  const url = new URL(req.url, 'http://localhost');
  const headers = { get: (name: string) => (req.headers[name] === undefined ? null : String(req.headers[name])) };
  try {
    const key = viewCacheKey(req.method, headers, url.pathname, url.searchParams, dataVersionOf);
    return key ? getPage(cache, key) : undefined;
  } catch {
    // A URL the front cannot read (a bad corpus name): Next answers it, with the error page.
    return undefined;
  }
}

function send(page: CachedPage, req: http.IncomingMessage, res: http.ServerResponse): void {
  const headers: http.OutgoingHttpHeaders = Object.fromEntries(page.headers);
  headers['content-type'] = page.contentType;
  headers['x-framescope-cache'] = 'hit';
  let body: Uint8Array = page.body;
  if (body.byteLength > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    let zipped = gzipped.get(page);
    if (!zipped) gzipped.set(page, (zipped = gzipSync(body)));
    body = zipped;
    headers['content-encoding'] = 'gzip';
    if (!/accept-encoding/i.test(String(headers.vary ?? ''))) headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
  }
  headers['content-length'] = body.byteLength;
  res.writeHead(page.status, headers);
  res.end(body);
}

async function main(): Promise<void> {
  // As next start does; React and Next read it when they load, so next is imported after it is set.
  (process.env as Record<string, string>).NODE_ENV = 'production';
  const { default: next } = await import('next');
  const app = next({ dev: false, hostname: host ?? 'localhost', port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    const page = cachedAnswer(req);
    if (page) send(page, req, res);
    else void handle(req, res);
  });
  server.listen(port, host, () => console.log(`Framescope on http://${host ?? 'localhost'}:${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
