import { describe, expect, test } from 'vitest';
import {
  DEFAULT_STATE,
  buildQuery,
  checkState,
  hrefFor,
  parseState,
  withState,
  type Catalog,
  type ViewState,
} from './state';

const catalog: Catalog = {
  corpora: ['seeds'],
  outlets: ['presstv', 'voa', 'aggregators'],
  groups: ['islamic-state'],
  variants: { 'islamic-state': ['daesh', 'isis'] },
  articles: ['a1'],
  actors: ['kurdish-groups', 'unattributed'],
};

describe('parseState and buildQuery round-trip', () => {
  test.each<[string, Partial<ViewState>]>([
    ['', {}],
    ['voice=own', { voice: 'own' }],
    ['provenance=original', { provenance: 'original' }],
    ['voice=own&provenance=reused', { voice: 'own', provenance: 'reused' }],
    ['corpus=fa-kes&v=abcdef123456&scope=body', { corpus: 'fa-kes', version: 'abcdef123456', scope: 'body' }],
    [
      'outlets=presstv%2Cvoa&group=islamic-state&metric=count',
      { outlets: ['presstv', 'voa'], group: 'islamic-state', metric: 'count' },
    ],
    [
      'sel=m.presstv.islamic-state.daesh&sort=left&q=Kurdish+forces',
      {
        sel: { kind: 'mentions', outlet: 'presstv', group: 'islamic-state', variant: 'daesh' },
        sort: 'left',
        q: 'Kurdish forces',
      },
    ],
    ['sel=m.voa.islamic-state', { sel: { kind: 'mentions', outlet: 'voa', group: 'islamic-state', variant: null } }],
    ['sel=s.voa', { sel: { kind: 'sentiment', outlet: 'voa' } }],
    [
      'sel=x.sana.armed-groups.state',
      { sel: { kind: 'setAside', outlet: 'sana', group: 'armed-groups', reason: 'state' } },
    ],
    [
      'sel=m.voa.armed-groups&page=3',
      { sel: { kind: 'mentions', outlet: 'voa', group: 'armed-groups', variant: null }, page: 3 },
    ],
    [
      'lens=news24&sel=a.news24.kurdish-groups.armed-groups.militia',
      {
        lens: 'news24',
        sel: { kind: 'actor', outlet: 'news24', actor: 'kurdish-groups', group: 'armed-groups', variant: 'militia' },
      },
    ],
    [
      'sel=a.voa.unattributed.armed-groups',
      { sel: { kind: 'actor', outlet: 'voa', actor: 'unattributed', group: 'armed-groups', variant: null } },
    ],
    ['sel=t.presstv.islamic-state', { sel: { kind: 'tone', outlet: 'presstv', actor: 'islamic-state' } }],
    ['from=2016-01-01&to=2016-07-31', { from: '2016-01-01', to: '2016-07-31' }],
    ['to=2016-07-31', { to: '2016-07-31' }],
    ['from=2016-07-01&to=2016-07-01', { from: '2016-07-01', to: '2016-07-01' }],
    ['group=islamic-state&bin=week&at=2016-W30', { group: 'islamic-state', bin: 'week', at: '2016-W30' }],
    ['outlets=presstv%2Cvoa&stories=shared', { outlets: ['presstv', 'voa'], stories: 'shared' }],
    ['corpus=fa-kes&add=Takfiri', { corpus: 'fa-kes', add: 'Takfiri' }],
    ['add=get+short+url', { add: 'get short url' }],
    ['add=Da%27esh', { add: "Da'esh" }],
    ['add=U.S.-backed', { add: 'U.S.-backed' }],
    ['add=D%C4%81%CA%BFish', { add: 'Dāʿish' }],
    ['add=%D8%AF%D8%A7%D8%B9%D8%B4', { add: 'داعش' }],
    ['outlets=almanar&term=Takfiri', { outlets: ['almanar'], term: 'Takfiri' }],
    ['term=terror*', { term: 'terror*' }],
    ['term=%22Islamic+State%22', { term: '"Islamic State"' }],
    ['outlets=almanar%2Csana&bg=seeds&min=10', { outlets: ['almanar', 'sana'], bg: 'seeds', min: 10 }],
  ])('%s', (query, patch) => {
    const state = withState(DEFAULT_STATE, patch);
    expect(parseState(new URLSearchParams(query))).toEqual({ state, problems: [] });
    expect(buildQuery(state)).toBe(query);
  });

  test('hrefFor leaves the query off for the default state', () => {
    expect(hrefFor('/compare', DEFAULT_STATE)).toBe('/compare');
    expect(hrefFor('/', withState(DEFAULT_STATE, { q: 'a&b=c' }))).toBe('/?q=a%26b%3Dc');
  });

  test('Next-style record params are accepted, arrays as repeats', () => {
    expect(parseState({ voice: 'own', outlets: undefined }).state.voice).toBe('own');
    expect(parseState({ voice: ['own', 'all'] }).problems[0].message).toContain('more than once');
  });
});

describe('parseState rejects bad input with the valid choices', () => {
  test.each([
    ['voice=loud', 'voice', 'is not a voice', ['all', 'own']],
    ['provenance=mine', 'provenance', 'is not a provenance filter', ['all', 'original', 'reused']],
    ['metric=pie', 'metric', 'is not a metric', ['share', 'count', 'per1k']],
    ['sort=random', 'sort', 'is not a sort order', ['position', 'outlet', 'variant', 'voice', 'left', 'right']],
    ['corpus=../etc', 'corpus', 'is not a corpus id (lowercase letters, digits, hyphens)', []],
    ['outlets=presstv,<b>', 'outlets', 'holds something that is not an outlet id', []],
    ['v=xyz', 'v', 'is not a corpus version (hexadecimal)', []],
    [
      'sel=presstv',
      'sel',
      'is not a selection (m.OUTLET.GROUP[.VARIANT], s.OUTLET, a.OUTLET.ACTOR.GROUP[.VARIANT], t.OUTLET.ACTOR or x.OUTLET.GROUP.REASON)',
      [],
    ],
    [
      'sel=a.presstv.kurdish-groups',
      'sel',
      'is not a selection (m.OUTLET.GROUP[.VARIANT], s.OUTLET, a.OUTLET.ACTOR.GROUP[.VARIANT], t.OUTLET.ACTOR or x.OUTLET.GROUP.REASON)',
      [],
    ],
    [
      'sel=x.sana.armed-groups.nope',
      'sel',
      'is not a selection (m.OUTLET.GROUP[.VARIANT], s.OUTLET, a.OUTLET.ACTOR.GROUP[.VARIANT], t.OUTLET.ACTOR or x.OUTLET.GROUP.REASON)',
      [],
    ],
    ['page=0', 'page', 'is not a page number (1 to 99999)', []],
    ['from=2016-02-30', 'from', 'is not a date written YYYY-MM-DD (e.g. 2016-07-01)', []],
    ['to=July', 'to', 'is not a date written YYYY-MM-DD (e.g. 2016-07-01)', []],
    [
      'from=2016-08-01&to=2016-07-01',
      'to',
      'is before from (2016-08-01); give a range whose start is not after its end',
      [],
    ],
    ['bin=year', 'bin', 'is not a period length', ['auto', 'day', 'week', 'month', 'quarter']],
    ['at=2016-13', 'at', 'is not a period (2016-07-27, 2016-W30, 2016-07 or 2016-Q3)', []],
    ['stories=some', 'stories', 'is not a stories mode', ['all', 'shared']],
    ['page=2x', 'page', 'is not a page number (1 to 99999)', []],
    [
      'sel=t.presstv.Kurds',
      'sel',
      'is not a selection (m.OUTLET.GROUP[.VARIANT], s.OUTLET, a.OUTLET.ACTOR.GROUP[.VARIANT], t.OUTLET.ACTOR or x.OUTLET.GROUP.REASON)',
      [],
    ],
    ['lens=<script>', 'lens', 'is not an outlet id', []],
    [`q=${'a'.repeat(101)}`, 'q', 'is longer than 100 characters', []],
    [
      'term=(a|b)%2B',
      'term',
      'holds "(a|b)+": words are letters, digits, apostrophes and hyphens, with * for any letters (no regular expressions)',
      [],
    ],
    [`term=${'a'.repeat(101)}`, 'term', 'is longer than 100 characters', []],
    ['bg=../x', 'bg', 'is not a corpus id (lowercase letters, digits, hyphens)', []],
    ['min=0', 'min', 'is not a minimum count (a whole number from 1 to 9999)', []],
    ['min=ten', 'min', 'is not a minimum count (a whole number from 1 to 9999)', []],
    [`q=${'a'.repeat(2001)}`, '(query)', 'the query string is longer than 2000 characters', []],
    [`add=${'a'.repeat(81)}`, 'add', 'is longer than 80 characters; a term to add is a word or a short phrase', []],
    [
      'add=%3Cscript%3E',
      'add',
      'holds "<", which a lexicon term cannot hold (letters, digits, spaces, hyphens, apostrophes and full stops only)',
      [],
    ],
    [
      'add=IS%2A',
      'add',
      'holds "*", which a lexicon term cannot hold (letters, digits, spaces, hyphens, apostrophes and full stops only)',
      [],
    ],
    ['add=--', 'add', 'has no letter or digit', []],
    ['add=', 'add', 'has no letter or digit', []],
    ['add=+gunmen', 'add', 'starts or ends with a space, or has two spaces in a row', []],
    ['add=get++short+url', 'add', 'starts or ends with a space, or has two spaces in a row', []],
  ])('%s', (query, param, message, choices) => {
    const { problems } = parseState(new URLSearchParams(query));
    expect(problems[0]).toMatchObject({ param, message, choices, status: 400 });
    expect(problems[0].value.length).toBeLessThanOrEqual(61);
  });
});

describe('checkState finds ids the corpus does not have (404)', () => {
  test.each<[Partial<ViewState>, string, string[]]>([
    [{ corpus: 'nope' }, 'corpus', ['seeds']],
    [{ outlets: ['presstv', 'bbc'] }, 'outlets', catalog.outlets],
    [{ group: 'weather' }, 'group', catalog.groups],
    [
      { sel: { kind: 'mentions', outlet: 'presstv', group: 'islamic-state', variant: 'caliphate' } },
      'sel',
      ['daesh', 'isis'],
    ],
    [{ sel: { kind: 'sentiment', outlet: 'bbc' } }, 'sel', catalog.outlets],
    [{ lens: 'bbc' }, 'lens', catalog.outlets],
    [{ bg: 'reuters' }, 'bg', catalog.corpora],
    [{ sel: { kind: 'tone', outlet: 'voa', actor: 'martians' } }, 'sel', catalog.actors],
    [
      { sel: { kind: 'actor', outlet: 'voa', actor: 'kurdish-groups', group: 'weather', variant: null } },
      'sel',
      catalog.groups,
    ],
  ])('%j', (patch, param, choices) => {
    expect(checkState(withState(DEFAULT_STATE, patch), catalog)[0]).toMatchObject({ param, choices, status: 404 });
  });
  test('a valid state has no problems', () => {
    expect(
      checkState(withState(DEFAULT_STATE, { outlets: ['presstv', 'aggregators'], group: 'islamic-state' }), catalog),
    ).toEqual([]);
  });

  test.each([
    ['current', null],
    ['kept', null],
    ['unknown', 'is not a version of this corpus that this server has kept; the current version is abc123'],
    ['pruned', 'has been pruned (the server keeps the newest 50 versions)'],
  ] as const)('a pinned version the server knows as %s', (status, message) => {
    const versioned = { ...catalog, version: { status, current: 'abc123', keep: 50 } };
    const problems = checkState(withState(DEFAULT_STATE, { version: 'fedcba987654' }), versioned);
    if (message === null) expect(problems).toEqual([]);
    else
      expect(problems[0]).toMatchObject({
        param: 'v',
        status: 404,
        choices: ['abc123'],
        message: expect.stringContaining(message),
      });
  });
});

test.each<[Partial<ViewState>, Partial<ViewState>, string]>([
  [{ add: 'Takfiri' }, {}, ''],
  [{ add: 'Takfiri' }, { q: 'x' }, 'q=x'],
  [{ corpus: 'fa-kes', add: 'gunmen' }, { corpus: 'fa-kes' }, 'corpus=fa-kes'],
  [{ add: 'Takfiri' }, { add: 'gunmen' }, 'add=gunmen'],
])('a link derived from %j with withState(%j) drops the term to add unless it sets one: %j', (from, patch, query) => {
  expect(buildQuery(withState({ ...DEFAULT_STATE, ...from }, patch))).toBe(query);
});
