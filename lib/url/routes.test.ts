import { describe, expect, test } from 'vitest';
import { EMBED_CHARTS, EMBEDS, ROUTES, matchRoute, pathOf } from './routes';

describe('the route registry', () => {
  test.each([
    ['/', 'overview', null],
    ['/compare', 'compare', null],
    ['/outlet/presstv', 'outlet', 'presstv'],
    ['/outlet/al%20alam', 'outlet', 'al alam'],
    ['/article/a1/raw', 'article-raw', 'a1'],
    ['/embed/actor-tone', 'embed', 'actor-tone'],
    ['/api/analysis', 'analysis', null],
    ['/api/download', 'download', null],
    ['/api/upload', 'upload', null],
    ['/methods', 'methods', null],
    ['/vocabulary', 'vocabulary', null],
    ['/search', 'search', null],
    ['/api/vocabulary', 'vocabulary-api', null],
  ])('%s is route %s with id %s', (pathname, id, param) => {
    const m = matchRoute(pathname);
    expect(m?.route.id).toBe(id);
    expect(m?.id).toBe(param);
  });

  test.each([['/compared'], ['/outlet/'], ['/outlet/a/b'], ['/_next/static/x.js'], ['/favicon.ico'], ['/api/other']])(
    '%s is no route',
    (pathname) => {
      expect(matchRoute(pathname)).toBeNull();
    },
  );

  test('a segment that is not valid percent-encoding matches, with no id', () => {
    expect(matchRoute('/outlet/%E0%A4%A')).toMatchObject({ route: { id: 'outlet' }, id: null, raw: '%E0%A4%A' });
  });

  test.each([
    ['overview', undefined, '/'],
    ['outlet', 'al alam', '/outlet/al%20alam'],
    ['embed', 'shares', '/embed/shares'],
  ])('pathOf(%s, %s) = %s', (route, id, expected) => expect(pathOf(route, id)).toBe(expected));

  test('route ids are unique, and every write route is neither checked nor cached', () => {
    expect(new Set(ROUTES.map((r) => r.id)).size).toBe(ROUTES.length);
    for (const r of ROUTES.filter((x) => x.id === 'upload' || x.id === 'lexicon'))
      expect([r.checked, r.cached]).toEqual([false, false]);
  });

  test('the embed list is the registry of embeddable charts', () => {
    expect(EMBED_CHARTS).toEqual(EMBEDS.map((e) => e.id));
    expect(EMBED_CHARTS).toEqual(['shares', 'stance', 'sentiment', 'distinctive', 'actors', 'actor-tone']);
  });
});
