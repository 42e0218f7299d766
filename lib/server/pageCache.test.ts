import { describe, expect, test } from 'vitest';
import { createPageCache, getPage, isCacheable, pageKey, putPage, viewCacheKey, type CachedPage } from './pageCache';

const page = (bytes: number): CachedPage => ({ status: 200, contentType: 'text/html', headers: [], body: new Uint8Array(bytes) });

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
    ['an RSC payload by parameter', 'GET', {}, '_rsc=abc', false],
    ['the cache filling itself', 'GET', { 'x-framescope-fill': '1' }, '', false],
    ['a POST', 'POST', {}, '', false],
  ])('%s', (_case, method, h, query, expected) => expect(isCacheable(method, headers(h), new URLSearchParams(query))).toBe(expected));

  test('the key ignores parameter order but not values or the data version', () => {
    const k = (q: string, v = 'v1') => pageKey('/compare', new URLSearchParams(q), v);
    expect(k('outlets=a,b&voice=own')).toBe(k('voice=own&outlets=a,b'));
    expect(k('outlets=a,b')).not.toBe(k('outlets=b,a'));
    expect(k('outlets=a,b', 'v1')).not.toBe(k('outlets=a,b', 'v2'));
  });

  test.each([
    ['the overview', '/', true],
    ['a compare view', '/compare', true],
    ['an outlet page', '/outlet/voa', true],
    ['an embed', '/embed/shares', true],
    ['the analysis API', '/api/analysis', true],
    ['the manage page (it shows uploads as they happen)', '/manage', false],
    ['the preview image', '/api/og', false],
    ['a static file', '/_next/static/chunks/a.js', false],
    ['a path that only starts like a view', '/compared', false],
  ])('cache key for %s: %s', (_case, pathname, keyed) => {
    const key = viewCacheKey('GET', headers({}), pathname, new URLSearchParams('voice=own'), () => 'v1');
    expect(key).toBe(keyed ? pageKey(pathname, new URLSearchParams('voice=own'), 'v1') : null);
  });

  test('no cache key for a request that is not a plain load', () => {
    expect(viewCacheKey('GET', headers({ rsc: '1' }), '/', new URLSearchParams(), () => 'v1')).toBeNull();
  });
});
