import { describe, expect, test } from 'vitest';
import { createPageCache, getPage, isCacheable, putPage, viewCacheKey, type CachedPage } from './pageCache';

const page = (bytes: number): CachedPage => ({
  status: 200,
  contentType: 'text/html',
  headers: [],
  body: new Uint8Array(bytes),
});

describe('the page cache', () => {
  test('keeps the most recently used entries within the entry bound', () => {
    const c = createPageCache(2, 1000);
    putPage(c, 'a', page(1));
    putPage(c, 'b', page(1));
    getPage(c, 'a');
    putPage(c, 'c', page(1));
    expect([...c.entries.keys()]).toEqual(['a', 'c']);
  });

  test('evicts by bytes and refuses an answer larger than the whole cache', () => {
    const c = createPageCache(10, 100);
    putPage(c, 'a', page(60));
    putPage(c, 'b', page(60));
    expect([...c.entries.keys()]).toEqual(['b']);
    expect(c.bytes).toBe(60);
    putPage(c, 'huge', page(101));
    expect(getPage(c, 'huge')).toBeUndefined();
    expect(c.bytes).toBe(60);
  });

  test('replacing an entry keeps the byte count right', () => {
    const c = createPageCache(10, 100);
    putPage(c, 'a', page(30));
    putPage(c, 'a', page(20));
    expect(c.bytes).toBe(20);
  });
});

describe('what may be served from the cache', () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  test.each([
    ['a plain page load', 'GET', {}, '', true],
    ['a client-side navigation (RSC)', 'GET', { rsc: '1' }, '', false],
    ['a prefetch', 'GET', { 'next-router-prefetch': '1' }, '', false],
    ['a segment prefetch', 'GET', { 'next-router-segment-prefetch': '/_tree' }, '', false],
    ['a navigation carrying the router state', 'GET', { 'next-router-state-tree': '%5B%5D' }, '', false],
    ['an RSC payload by parameter', 'GET', {}, '_rsc=abc', false],
    ['a POST', 'POST', {}, '', false],
  ])('%s', (_case, method, h, query, expected) =>
    expect(isCacheable(method, headers(h), new URLSearchParams(query))).toBe(expected),
  );

  const key = (pathname: string, q: string, v = 'v1') =>
    viewCacheKey('GET', headers({}), pathname, new URLSearchParams(q), () => v);

  test('the key ignores parameter order, defaults and unknown parameters, but not values or the data version', () => {
    expect(key('/compare', 'outlets=a,b&voice=own')).toBe(key('/compare', 'voice=own&outlets=a,b'));
    expect(key('/compare', 'outlets=a,b&utm_source=x&fbclid=y')).toBe(key('/compare', 'outlets=a,b'));
    expect(key('/compare', 'outlets=a,b&voice=all&page=1')).toBe(key('/compare', 'outlets=a,b'));
    expect(key('/compare', 'outlets=a,b')).not.toBe(key('/compare', 'outlets=b,a'));
    expect(key('/compare', 'outlets=a,b', 'v1')).not.toBe(key('/compare', 'outlets=a,b', 'v2'));
  });

  test('a URL with a malformed parameter is never cached', () => expect(key('/', 'voice=loud')).toBeNull());

  test.each([
    ['the overview', '/', true],
    ['a compare view', '/compare', true],
    ['an outlet page', '/outlet/voa', true],
    ['an embed', '/embed/shares', true],
    ['the analysis API', '/api/analysis', true],
    ['the data package (ZIP)', '/api/download', true],
    ['the preview image', '/api/og', true],
    ['the manage page (it shows uploads as they happen)', '/manage', false],
    ['the raw article text', '/article/a1/raw', false],
    ['a static file', '/_next/static/chunks/a.js', false],
    ['a path that only starts like a view', '/compared', false],
  ])('cache key for %s: %s', (_case, pathname, keyed) => {
    expect(key(pathname, 'voice=own')).toBe(keyed ? `v1\n${pathname}?voice=own` : null);
  });

  test('no cache key for a request that is not a plain load', () => {
    expect(viewCacheKey('GET', headers({ rsc: '1' }), '/', new URLSearchParams(), () => 'v1')).toBeNull();
  });
});
