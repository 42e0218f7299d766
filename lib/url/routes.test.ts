import { describe, expect, test } from 'vitest';
import {
  EMBED_CHARTS,
  EMBEDS,
  ROUTES,
  matchRoute,
  needsProvenance,
  needsSeries,
  needsStories,
  needsText,
  pathOf,
} from './routes';

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

describe('which requests read provenance (they wait for it; the rest serve while it is made)', () => {
  test.each([
    ['/', 'corpus=fa-kes', false],
    ['/compare', 'corpus=fa-kes&outlets=trt,sana', false],
    ['/time', 'corpus=fa-kes&group=islamic-state', false],
    ['/vocabulary', 'corpus=fa-kes', false],
    ['/api/og', 'corpus=fa-kes', false],
    ['/', 'corpus=fa-kes&provenance=all', false],
    ['/', 'corpus=fa-kes&provenance=original', true],
    ['/vocabulary', 'corpus=fa-kes&provenance=reused', true],
    ['/provenance', 'corpus=fa-kes', true],
    ['/provenance/some-article', 'corpus=fa-kes', true],
    ['/api/analysis', 'corpus=fa-kes', true],
    ['/api/download', 'corpus=fa-kes', true],
  ])('%s?%s: %s', (pathname, query, needs) => {
    const match = matchRoute(pathname);
    expect(match).not.toBeNull();
    expect(needsProvenance(match!.route, new URLSearchParams(query))).toBe(needs);
  });

  // Whether a view reads article text or analyses whatever the stored tallies hold (the rest are probed by opening).
  test.each([
    ['/', 'corpus=fa-kes', false],
    ['/compare', 'corpus=fa-kes&outlets=trt,sana', false],
    ['/group/aggregators', 'corpus=fa-kes', false],
    ['/embed/shares', 'corpus=fa-kes&group=islamic-state', false],
    ['/methods', 'corpus=fa-kes', false],
    ['/api/og', 'corpus=fa-kes&chart=shares', false],
    // The time series is summed from the stored time cells (needsSeries below); its drill-down reads text.
    ['/api/og', 'corpus=fa-kes&chart=time', false],
    ['/', 'corpus=fa-kes&sel=islamic-state.isis.all', true],
    ['/', 'corpus=fa-kes&provenance=original', true],
    ['/outlet/trt', 'corpus=fa-kes', true],
    ['/article/a1', 'corpus=fa-kes', true],
    // The raw capture's path is in the text-free metadata.
    ['/article/a1/raw', 'corpus=fa-kes', false],
    ['/time', 'corpus=fa-kes', false],
    ['/time', 'corpus=fa-kes&group=islamic-state&sel=m.trt.islamic-state.isis&at=2016-07', true],
    ['/time', 'corpus=fa-kes&provenance=reused', true],
    ['/api/timeseries', 'corpus=fa-kes', false],
    ['/stories', 'corpus=fa-kes', true],
    ['/search', 'corpus=fa-kes&term=rebels', true],
    ['/vocabulary', 'corpus=fa-kes', true],
    ['/provenance', 'corpus=fa-kes', true],
    ['/api/analysis', 'corpus=fa-kes', true],
  ])('reads text: %s?%s: %s', (pathname, query, needs) => {
    const match = matchRoute(pathname);
    expect(match).not.toBeNull();
    expect(needsText(match!.route, new URLSearchParams(query))).toBe(needs);
  });

  // Whether a view reads the time series (summed from stored cells; from the analyses when the store lacks them).
  test.each([
    ['/time', 'corpus=fa-kes', true],
    ['/api/timeseries', 'corpus=fa-kes&group=islamic-state', true],
    ['/api/og', 'corpus=fa-kes&chart=time', true],
    ['/api/og', 'corpus=fa-kes&chart=shares', false],
    ['/', 'corpus=fa-kes', false],
    ['/stories', 'corpus=fa-kes', false],
  ])('reads the series: %s?%s: %s', (pathname, query, needs) => {
    const match = matchRoute(pathname);
    expect(match).not.toBeNull();
    expect(needsSeries(match!.route, new URLSearchParams(query))).toBe(needs);
  });

  // Whether a view reads the version's stories (clustered on a worker for a large version the store lacks them for).
  test.each([
    ['/', 'corpus=fa-kes', false],
    ['/time', 'corpus=fa-kes&group=islamic-state', false],
    ['/compare', 'corpus=fa-kes&outlets=trt,sana&stories=all', false],
    ['/compare', 'corpus=fa-kes&outlets=trt,sana&stories=shared', true],
    ['/time', 'corpus=fa-kes&outlets=trt,sana&stories=shared', true],
    ['/stories', 'corpus=fa-kes', true],
    ['/api/analysis', 'corpus=fa-kes', true],
    ['/api/download', 'corpus=fa-kes', true],
    ['/provenance', 'corpus=fa-kes', false],
  ])('reads stories: %s?%s: %s', (pathname, query, needs) => {
    const match = matchRoute(pathname);
    expect(match).not.toBeNull();
    expect(needsStories(match!.route, new URLSearchParams(query))).toBe(needs);
  });
});
