/** One cached answer: what the renderer sent, as bytes. */
export interface CachedPage {
  status: number;
  contentType: string;
  /** The renderer's other headers (cache-control, vary, link), without length, encoding or cookies. */
  headers: [string, string][];
  body: Uint8Array;
}

/** A least-recently-used cache of rendered answers, bounded by entry count and by bytes held. */
export interface PageCache {
  entries: Map<string, CachedPage>;
  bytes: number;
  maxEntries: number;
  maxBytes: number;
}

/** An empty cache with the given bounds. */
export function createPageCache(maxEntries: number, maxBytes: number): PageCache {
  return { entries: new Map(), bytes: 0, maxEntries, maxBytes };
}

const SHARED = Symbol.for('framescope.pageCache');

/**
 * The process's one cache of rendered answers (500 answers, 256 MB): the proxy fills it and the front server
 * (scripts/serve.ts) answers from it. They load this module separately, so the cache lives on globalThis.
 */
export function sharedPageCache(): PageCache {
  const g = globalThis as { [SHARED]?: PageCache };
  return (g[SHARED] ??= createPageCache(500, 256 * 1024 * 1024));
}

const sizeOf = (p: CachedPage) => p.body.byteLength;

/** The cached answer for a key, marked as most recently used. */
export function getPage(cache: PageCache, key: string): CachedPage | undefined {
  const page = cache.entries.get(key);
  if (!page) return undefined;
  // A Map iterates in insertion order, so re-inserting moves the entry to the young end.
  cache.entries.delete(key);
  cache.entries.set(key, page);
  return page;
}

/** Stores an answer, evicting the least recently used ones beyond the bounds; an answer larger than the whole cache is not kept. */
export function putPage(cache: PageCache, key: string, page: CachedPage): void {
  const old = cache.entries.get(key);
  if (old) {
    cache.entries.delete(key);
    cache.bytes -= sizeOf(old);
  }
  if (sizeOf(page) > cache.maxBytes) return;
  cache.entries.set(key, page);
  cache.bytes += sizeOf(page);
  for (const [k, p] of cache.entries) {
    if (cache.entries.size <= cache.maxEntries && cache.bytes <= cache.maxBytes) break;
    cache.entries.delete(k);
    cache.bytes -= sizeOf(p);
  }
}

/** The routes whose answers are cached: every view and the analysis API. */
const CACHED_PATHS = /^\/(?:$|compare$|outlet\/|group\/|article\/|embed\/|api\/analysis$)/;

/**
 * The cache key of a request, or null when its answer must neither come from the cache nor go into it: routes
 * other than the views and the API, and anything but a plain document or API load. `versionOf` is the data version.
 */
export function viewCacheKey(method: string, headers: { get(name: string): string | null }, pathname: string, params: URLSearchParams, versionOf: (params: URLSearchParams) => string): string | null {
  if (!CACHED_PATHS.test(pathname) || !isCacheable(method, headers, params)) return null;
  return pageKey(pathname, params, versionOf(params));
}

/** The header that marks the proxy's own request for a page it is about to cache. */
export const FILL_HEADER = 'x-framescope-fill';

/** Whether a request is a plain document or API load that a cached answer may serve (not a client-side navigation or prefetch). */
export function isCacheable(method: string, headers: { get(name: string): string | null }, params: URLSearchParams): boolean {
  if (method !== 'GET' || params.has('_rsc')) return false;
  return !['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-action', FILL_HEADER].some((h) => headers.get(h) !== null);
}

/** The cache key of a URL: path, its parameters in a canonical order, and the data version the answer was rendered from. */
export function pageKey(pathname: string, params: URLSearchParams, dataVersion: string): string {
  const sorted = new URLSearchParams([...params].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0)));
  return `${dataVersion}\n${pathname}?${sorted.toString()}`;
}
