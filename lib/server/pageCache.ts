import { matchRoute } from '../url/routes';
import { buildQuery, parseState } from '../url/state';

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

/**
 * Stores an answer, evicting the least recently used ones beyond the bounds; an answer larger than the whole cache is
 * not kept.
 */
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

/**
 * The cache key of a request, or null when its answer must neither come from the cache nor go into it: routes the
 * registry does not mark as cached, URLs with problems, and anything but a plain document or API load. The key holds
 * only the parameters the view state reads, in canonical form, so tracking tags or unknown parameters never make a
 * fresh render. `versionOf` is the data version.
 */
export function viewCacheKey(
  method: string,
  headers: { get(name: string): string | null },
  pathname: string,
  params: URLSearchParams,
  versionOf: (params: URLSearchParams) => string,
): string | null {
  if (!matchRoute(pathname)?.route.cached || !isCacheable(method, headers, params)) return null;
  const { state, problems } = parseState(params);
  if (problems.length) return null;
  return `${versionOf(params)}\n${pathname}?${buildQuery(state)}`;
}

/** Headers the client router sends with RSC navigations, prefetches and actions; Next answers them differently. */
const ROUTER_HEADERS = [
  'rsc',
  'next-router-prefetch',
  'next-router-state-tree',
  'next-router-segment-prefetch',
  'next-url',
  'next-action',
];

/**
 * Whether a request is a plain document or API load that a cached answer may serve (not a client-side navigation or
 * prefetch).
 */
export function isCacheable(
  method: string,
  headers: { get(name: string): string | null },
  params: URLSearchParams,
): boolean {
  if (method !== 'GET' || params.has('_rsc')) return false;
  return !ROUTER_HEADERS.some((h) => headers.get(h) !== null);
}
