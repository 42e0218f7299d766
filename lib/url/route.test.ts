import { describe, expect, test } from 'vitest';
import { neededParam, problemsHtml, problemsJson, problemsStatus, routeProblems } from './route';
import { matchRoute } from './routes';
import type { Catalog, UrlProblem } from './state';

const catalog: Catalog = {
  corpora: ['seeds'],
  outlets: ['presstv', 'voa', 'cnn'],
  groups: ['islamic-state'],
  variants: { 'islamic-state': ['daesh'] },
  articles: ['a1'],
  actors: ['kurdish-groups', 'unattributed'],
};
const problems = (path: string, query = '') => routeProblems(path, new URLSearchParams(query), catalog);

describe('routeProblems', () => {
  test.each([
    ['/', '', []],
    ['/outlet/presstv', '', []],
    ['/article/a1/raw', '', []],
    ['/embed/stance', 'group=islamic-state', []],
    ['/embed/sentiment', '', []],
    ['/embed/distinctive', 'group=islamic-state&outlets=presstv', []],
    ['/embed/actors', 'group=islamic-state&outlets=presstv', []],
    ['/embed/actor-tone', '', []],
    ['/vocabulary', 'outlets=presstv,voa', []],
    ['/api/vocabulary', 'outlets=presstv&term=Daesh', []],
    ['/search', 'term=terror*&outlets=presstv,voa,cnn', []],
  ])('%s?%s is fine', (path, query, expected) => expect(problems(path, query)).toEqual(expected));
  test.each([
    ['/outlet/bbc', '', 'outlet', 404],
    ['/group/weather', '', 'group', 404],
    ['/article/zz', '', 'article', 404],
    ['/embed/pie', '', 'embed', 404],
    ['/outlet/%E0%A4%A', '', 'outlet', 400],
    ['/outlet/presstv', 'voice=loud', 'voice', 400],
    ['/embed/stance', '', 'group', 400],
    ['/embed/distinctive', 'group=islamic-state', 'outlets', 400],
    ['/vocabulary', 'outlets=presstv,voa,cnn', 'outlets', 400],
    ['/api/vocabulary', 'outlets=presstv,voa,cnn', 'outlets', 400],
    ['/api/vocabulary', 'outlets=presstv&bg=nope', 'bg', 404],
    ['/search', 'term=a%7Cb', 'term', 400],
    ['/embed/actors', 'outlets=presstv', 'group', 400],
    ['/embed/actors', 'group=islamic-state', 'outlets', 400],
  ])('%s?%s', (path, query, param, status) => expect(problems(path, query)[0]).toMatchObject({ param, status }));
  test('Next-style record params are accepted', () =>
    expect(routeProblems('/', { voice: 'own' }, catalog)).toEqual([]));
  test.each([
    ['/', true],
    ['/compare', true],
    ['/manage', true],
    ['/api/upload', false],
    ['/favicon.ico', false],
    ['/_next/static/x.js', false],
    ['/compared', false],
  ])('%s checked: %s', (p, c) => expect(matchRoute(p)?.route.checked ?? false).toBe(c));
});

describe('problemsHtml escapes every value', () => {
  test('no raw markup from the URL reaches the page', () => {
    const html = problemsHtml([
      {
        param: 'voice',
        value: '<script>alert(1)</script>',
        message: 'is not a voice',
        choices: ['"all"'],
        status: 400,
      },
    ]);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('&#34;all&#34;');
  });
});

describe('the status and JSON answer of URL problems', () => {
  const problem = (status: 400 | 404): UrlProblem => ({ param: 'p', value: 'v', message: 'm', choices: [], status });
  // 400 as soon as one value is malformed; 404 only when every problem names something missing.
  test.each<[string, UrlProblem[], 400 | 404]>([
    ['one malformed value', [problem(400)], 400],
    ['one missing thing', [problem(404)], 404],
    ['missing things only', [problem(404), problem(404)], 404],
    ['a missing thing and a malformed value', [problem(404), problem(400)], 400],
  ])('%s: %j -> %i', async (_case, list, status) => {
    expect(problemsStatus(list)).toBe(status);
    const res = problemsJson(list);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: 'bad request', problems: list });
  });
});

test.each([
  ['group', 'is needed for a time series', ['islamic-state']],
  ['outlets', 'is needed: name one outlet', []],
])('neededParam(%s) is a 400 with no value and the choices given', (param, message, choices) => {
  expect(neededParam(param, message, choices)).toEqual({ param, value: '', message, choices, status: 400 });
});
