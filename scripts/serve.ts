// The production server (npm start): Next.js behind a thin front that keeps rendered answers.
// A plain GET of a route the registry marks as cached is looked up by its canonical URL and the data version; on a
// miss it goes to Next and the answer is kept as Next sends it. RSC navigations, prefetches and everything else go to
// Next untouched, so the client router always gets the RSC answer it asked for.
// Usage: tsx scripts/serve.ts [-p PORT] [-H HOST]
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { CORPUS_ROOT } from '../lib/corpus/load';
import { SNAPSHOT_ROOT } from '../lib/corpus/snapshots';
import { recordVersionOffThread } from '../lib/store/analyse';
import { cleanLeftovers } from '../lib/corpus/startup';
import { STORE_ROOT } from '../lib/store/current';
import { analyseMissingInBackground, isPreparedAsync, watchCorpora } from '../lib/server/bundles';
import { dataVersionOf, listCorpora } from '../lib/server/dataset';
import { createPageCache, getPage, putPage, viewCacheKey, type CachedPage } from '../lib/server/pageCache';
import { parseServeArgs } from '../lib/server/serveArgs';
import { tokenProblem } from '../lib/server/admin';
import { deflatedWithNonce, partsWithNonce, splicePage, type SplicedPage } from '../lib/server/nonceSplice';
import { newNonce } from '../lib/server/securityHeaders';
import { publishReadyStages } from '../lib/corpus/publish';
import { databaseUrl, ready } from '../lib/store/pgClient';
import { DatabaseUnavailableError, describeDatabaseUrl } from '../lib/store/pgErrors';
import { recordSharedVersion, startReplica } from '../lib/store/pgFollow';

const { port, host } = parseServeArgs(process.argv.slice(2), process.env.PORT);
// Absolute links (data packages, figures, previews) fall back to localhost:$PORT when FRAMESCOPE_URL is unset: with
// `-p`, they must name the port actually served.
process.env.PORT = String(port);
const cache = createPageCache(500, 256 * 1024 * 1024);
// Concurrent first requests for one URL wait for a single render.
const inflight = new Map<string, Promise<CachedPage | null>>();
// Compressed once per cached answer, not once per request.
const gzipped = new WeakMap<CachedPage, Buffer>();
const DROPPED_HEADERS = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'set-cookie',
]);

function keyOf(req: http.IncomingMessage): string | null {
  // "//host/path" would parse as another host's "/path", and "/\x/..." as "//x/...": such requests go to Next
  // untouched.
  if (
    req.method !== 'GET' ||
    !req.url ||
    !req.url.startsWith('/') ||
    req.url.startsWith('//') ||
    req.url.includes('\\')
  )
    return null;
  const url = new URL(req.url, 'http://localhost');
  const headers = { get: (name: string) => (req.headers[name] === undefined ? null : String(req.headers[name])) };
  try {
    return viewCacheKey(req.method, headers, url.pathname, url.searchParams, dataVersionOf);
  } catch {
    // A URL the front cannot read: Next answers it, with the error page.
    return null;
  }
}

// A rendered page carries its render's script nonce; every answer from the cache gets a fresh one.
const spliced = new WeakMap<CachedPage, SplicedPage>();
const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

function varyEncoding(headers: http.OutgoingHttpHeaders): void {
  if (!/accept-encoding/i.test(String(headers.vary ?? '')))
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
}

function send(page: CachedPage, req: http.IncomingMessage, res: http.ServerResponse): void {
  const headers: http.OutgoingHttpHeaders = Object.fromEntries(page.headers);
  headers['content-type'] = page.contentType;
  headers['x-framescope-cache'] = 'hit';
  // A page with its nonce replaced goes out as its pieces, not copied into one buffer.
  let body: Uint8Array[] = [page.body];
  const accepts = String(req.headers['accept-encoding'] ?? '');
  const policy = headers['content-security-policy'];
  const old = typeof policy === 'string' ? NONCE.exec(policy)?.[1] : undefined;
  if (old && typeof policy === 'string') {
    let s = spliced.get(page);
    if (!s) spliced.set(page, (s = splicePage(page.body, old)));
    const nonce = newNonce();
    headers['content-security-policy'] = policy.replace(`'nonce-${old}'`, `'nonce-${nonce}'`);
    if (/\bdeflate\b/.test(accepts)) {
      body = [deflatedWithNonce(s, nonce)];
      headers['content-encoding'] = 'deflate';
    } else body = partsWithNonce(s, nonce);
    varyEncoding(headers);
  } else if (page.body.byteLength > 1024 && /\bgzip\b/.test(accepts)) {
    let zipped = gzipped.get(page);
    if (!zipped) gzipped.set(page, (zipped = gzipSync(page.body)));
    body = [zipped];
    headers['content-encoding'] = 'gzip';
    varyEncoding(headers);
  }
  headers['content-length'] = body.reduce((n, b) => n + b.byteLength, 0);
  res.writeHead(page.status, headers);
  res.cork();
  for (const b of body) res.write(b);
  res.end();
}

/** Lets Next answer while keeping a copy of what it sends; resolves with the answer when it was a complete 200. */
function record(res: http.ServerResponse): Promise<CachedPage | null> {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => http.ServerResponse;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array),
    );
  };
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    keep(chunk, encoding);
    return write(chunk, encoding, cb);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    keep(chunk, encoding);
    return end(chunk, encoding, cb);
  }) as typeof res.end;
  return new Promise((resolve) => {
    res.on('finish', () => {
      const type = String(res.getHeader('content-type') ?? '');
      if (res.statusCode !== 200 || !type || res.getHeader('content-encoding')) return resolve(null);
      const headers: [string, string][] = [];
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (!DROPPED_HEADERS.has(name) && name !== 'content-type' && value !== undefined)
          headers.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
      }
      resolve({ status: 200, contentType: type, headers, body: new Uint8Array(Buffer.concat(chunks)) });
    });
    res.on('close', () => resolve(null));
  });
}

async function startShared(url: string): Promise<void> {
  const where = describeDatabaseUrl(url);
  try {
    await ready(url, 'nothing was changed');
    const early = await publishReadyStages(CORPUS_ROOT);
    if (early.length) console.log(`start: stored ${early.length} articles an interrupted write had validated`);
    const r = await startReplica(url, { corpus: CORPUS_ROOT, store: STORE_ROOT }, async (p) => {
      // Another instance's write (or this one's): its version is kept here too, and what it lacks is analysed.
      for (const corpus of p.corpora) {
        if (!listCorpora().includes(corpus)) continue;
        try {
          // On a worker once serving (reading every article file and writing the snapshot would hold up requests).
          const version = await recordVersionOffThread(path.join(CORPUS_ROOT, corpus));
          await recordSharedVersion(url, corpus, version);
        } catch (e) {
          console.error(`corpus ${corpus}: its version was not recorded (${(e as Error).message})`);
        }
        // The writer usually prepared it already (the pull brought its store files): then no article is read here.
        if (!(await isPreparedAsync(corpus))) await analyseMissingInBackground(corpus);
      }
    });
    console.log(
      `start: PostgreSQL at ${where}${r.seeded ? `, seeded with ${r.seeded} files of ${CORPUS_ROOT}` : ''}; replica at change ${r.pulled.seq} (${r.pulled.written} files written)`,
    );
  } catch (e) {
    const why = e instanceof DatabaseUnavailableError ? e.problem : (e as Error).message;
    console.error(`error: Framescope did not start: PostgreSQL at ${where} (DATABASE_URL): ${why}.`);
    console.error(
      'Fix: start PostgreSQL there (a throwaway one for trying: DATABASE_URL=$(bash scripts/pg/start.sh)), or unset DATABASE_URL to serve the corpus folders alone.',
    );
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const problem = tokenProblem();
  if (problem) {
    console.error(`error: ${problem}`);
    process.exit(2);
  }
  // With DATABASE_URL the corpora live in PostgreSQL and CORPUS_ROOT is this instance's replica of them: it is brought
  // up to date before anything is served, and an unreachable database stops the start with what to do.
  const shared = databaseUrl();
  if (shared) await startShared(shared);
  // As next start does; React and Next read it when they load, so next is imported after it is set.
  (process.env as Record<string, string>).NODE_ENV = 'production';
  // Views never analyse here: what the store lacks is analysed by workers in the background (lib/store/prepare.ts).
  process.env.FRAMESCOPE_BACKGROUND_ANALYSIS = '1';
  const { default: next } = await import('next');
  const app = next({ dev: false, hostname: host ?? 'localhost', port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // What crashed writers left is finished or removed, and hand edits made while the server was down become kept
  // versions: here, at start, never inside a request.
  const left = await cleanLeftovers(CORPUS_ROOT, SNAPSHOT_ROOT, STORE_ROOT);
  if (left.removedTmp.length || left.recovered.length)
    console.log(
      `start: removed ${left.removedTmp.length} leftover temporary files, finished ${left.recovered.length} staged batches`,
    );
  // Once listening, each corpus is checked off the request (its folder scanned a few stats at a time): hand edits made
  // while the server was down become kept versions. Then the watcher: its first look starts the background preparation
  // of every corpus the store lacks something for (edited by hand, or analysed under another lexicon or engine) while
  // the server answers; later looks rescan the folders off the request and notice hand edits. A corpus whose analyses
  // and tallies are stored needs nothing (its first view only reads them).
  const startPass = async () => {
    for (const corpus of listCorpora()) {
      // A folder the store has prepared as it is was recorded by whoever prepared it: a restart reads no article file.
      try {
        if (await isPreparedAsync(corpus)) continue;
        await recordVersionOffThread(path.join(CORPUS_ROOT, corpus));
      } catch (e) {
        console.error(`corpus ${corpus}: its version was not recorded (${(e as Error).message})`);
      }
    }
    watchCorpora();
  };
  const server = http.createServer((req, res) => {
    // Who is asking, for throttling and the audit log: the socket's address, never a header the client sent.
    req.headers['x-framescope-client'] = req.socket.remoteAddress ?? 'unknown';
    const key = keyOf(req);
    if (!key) return void handle(req, res);
    const hit = getPage(cache, key);
    if (hit) return send(hit, req, res);
    const pending = inflight.get(key);
    if (pending) {
      void pending.then((page) => (page ? send(page, req, res) : handle(req, res)));
      return;
    }
    const answer = record(res).then((page) => {
      if (page) putPage(cache, key, page);
      inflight.delete(key);
      return page;
    });
    inflight.set(key, answer);
    // The copy is kept uncompressed (this front gzips it once); Next compresses everything it answers alone.
    delete req.headers['accept-encoding'];
    void handle(req, res);
  });
  server.listen(port, host, () => {
    console.log(`Framescope on http://${host ?? 'localhost'}:${port}`);
    void startPass();
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
