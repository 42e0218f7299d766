/** Every view's state, read from and written to the URL through this one module. */
import { SET_ASIDE, type ProvenanceFilter, type SetAside } from '../types';
import { BINS, isIsoDate, parsePeriod, type Bin } from '../time/bin';
import { parseSearch } from '../vocabulary/search';

export type Metric = 'share' | 'count' | 'per1k';
export type KwicSort = 'position' | 'outlet' | 'variant' | 'voice' | 'left' | 'right';

/** What a drill-down shows: the mentions behind a bar or point, or the sentences behind a sentiment figure. */
export type Selection =
  | { kind: 'mentions'; outlet: string; group: string; variant: string | null }
  | { kind: 'sentiment'; outlet: string }
  | { kind: 'actor'; outlet: string; actor: string; group: string; variant: string | null }
  | { kind: 'tone'; outlet: string; actor: string }
  | { kind: 'setAside'; outlet: string; group: string; reason: SetAside };

/** The whole state of a view, so that a URL reproduces it exactly. */
export interface ViewState {
  corpus: string;
  version: string | null;
  voice: 'all' | 'own';
  scope: 'all' | 'body';
  /** Which text counts by provenance: all, original only, reused only. */
  provenance: ProvenanceFilter;
  outlets: string[];
  group: string | null;
  /** The outlet whose actor × label heatmap the overview shows (null: the first outlet). */
  lens: string | null;
  metric: Metric;
  sel: Selection | null;
  sort: KwicSort;
  q: string;
  /** The drill-down page (1-based), so a link to the 20th page of 2,000 sentences stays exact. */
  page: number;
  /** First and last article date counted (ISO, inclusive); null: open-ended. Undated articles are left out when set. */
  from: string | null;
  to: string | null;
  /** Time-series period length; auto picks it from the corpus's date span. */
  bin: Bin | 'auto';
  /** A time-series period (e.g. 2016-07) that restricts the drill-down to the articles dated in it. */
  at: string | null;
  /** `shared`: only the stories every compared outlet covered. */
  stories: 'all' | 'shared';
  /** A term to add to the lexicon (/manage opens its editor with it), or null; checked by addTermProblem. */
  add: string | null;
  /** A term: the search query on /search, the n-gram whose sentences /vocabulary shows (empty: none). */
  term: string;
  /** The corpus whose counts are the vocabulary scores' prior (null: the view's own corpus). */
  bg: string | null;
  /** Fewest uses (both sides together) for an n-gram to be scored (null: the default, 5). */
  min: number | null;
}

/** One thing wrong with a URL: which parameter, what it held (shortened), what is allowed. */
export interface UrlProblem {
  param: string;
  value: string;
  message: string;
  choices: string[];
  status: 400 | 404;
}

/** What the URL may name, taken from the loaded corpora (kept out of this module so it stays pure). */
export interface Catalog {
  corpora: string[];
  outlets: string[];
  groups: string[];
  variants: Record<string, string[]>;
  articles: string[];
  /** Actor ids, including "unattributed". */
  actors: string[];
  /** What the server knows of the version a URL pins (`v`), and the current version: a never-kept one is a 404. */
  version?: { status: 'current' | 'kept' | 'pruned' | 'unknown'; current: string; keep?: number };
}

export const DEFAULT_CORPUS = 'seeds';
export const DEFAULT_STATE: ViewState = {
  corpus: DEFAULT_CORPUS,
  version: null,
  voice: 'all',
  scope: 'all',
  provenance: 'all',
  outlets: [],
  group: null,
  lens: null,
  metric: 'share',
  sel: null,
  sort: 'position',
  q: '',
  page: 1,
  from: null,
  to: null,
  bin: 'auto',
  at: null,
  stories: 'all',
  add: null,
  term: '',
  bg: null,
  min: null,
};
export const METRICS: Metric[] = ['share', 'count', 'per1k'];
export const SORTS: KwicSort[] = ['position', 'outlet', 'variant', 'voice', 'left', 'right'];
/** Every parameter the state reads; anything else in a URL is ignored (and never part of a cache key). */
export const KEYS = [
  'corpus',
  'v',
  'voice',
  'scope',
  'outlets',
  'group',
  'lens',
  'metric',
  'sel',
  'sort',
  'q',
  'page',
  'from',
  'to',
  'bin',
  'at',
  'stories',
  'provenance',
  'add',
  'term',
  'bg',
  'min',
] as const;
/** The id syntax of corpora, outlets, groups, variants and actors. */
export { ID_RE as ID } from '../ids';
import { ID_RE as ID } from '../ids';
const VERSION = /^[0-9a-f]{6,64}$/;
/** Longest query string accepted; real states are far shorter. */
export const MAX_QUERY = 2000;
const MAX_OUTLETS = 20;

/** Longest term the `add` parameter takes: a word or a short phrase. */
export const MAX_ADD = 80;

/**
 * Why a term cannot be added to a lexicon from a URL, or null: letters, digits, single spaces, hyphens, apostrophes and
 * full stops, with a letter or digit, at most MAX_ADD characters.
 */
export function addTermProblem(term: string): string | null {
  if (term.length > MAX_ADD) return `is longer than ${MAX_ADD} characters; a term to add is a word or a short phrase`;
  const bad = /[^\p{L}\p{M}\p{N} '’.-]/u.exec(term);
  if (bad)
    return `holds "${bad[0]}", which a lexicon term cannot hold (letters, digits, spaces, hyphens, apostrophes and full stops only)`;
  if (!/[\p{L}\p{N}]/u.test(term)) return 'has no letter or digit';
  if (term.startsWith(' ') || term.endsWith(' ') || term.includes('  '))
    return 'starts or ends with a space, or has two spaces in a row';
  return null;
}

/** URL parameters as URLSearchParams or as Next's searchParams record. */
export type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/** Normalises either form of URL parameters to URLSearchParams (arrays become repeats). */
export function toSearchParams(p: Params): URLSearchParams {
  if (p instanceof URLSearchParams) return p;
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) {
    if (Array.isArray(v)) v.forEach((x) => out.append(k, x));
    else if (v !== undefined) out.append(k, v);
  }
  return out;
}

/** Shortens a user-supplied value for an error message (rendering escapes it; this keeps it readable). */
export function shorten(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

function parseSelection(raw: string): Selection | null {
  const parts = raw.split('.');
  if (!parts.slice(1).every((p) => ID.test(p))) return null;
  if (parts[0] === 's' && parts.length === 2) return { kind: 'sentiment', outlet: parts[1] };
  if (parts[0] === 't' && parts.length === 3) return { kind: 'tone', outlet: parts[1], actor: parts[2] };
  if (parts[0] === 'a' && (parts.length === 4 || parts.length === 5)) {
    return { kind: 'actor', outlet: parts[1], actor: parts[2], group: parts[3], variant: parts[4] ?? null };
  }
  if (parts[0] === 'x' && parts.length === 4 && (SET_ASIDE as readonly string[]).includes(parts[3])) {
    return { kind: 'setAside', outlet: parts[1], group: parts[2], reason: parts[3] as SetAside };
  }
  if (parts[0] === 'm' && (parts.length === 3 || parts.length === 4)) {
    return { kind: 'mentions', outlet: parts[1], group: parts[2], variant: parts[3] ?? null };
  }
  return null;
}

/** Writes a selection as the compact `sel` parameter value. */
export function selectionParam(s: Selection): string {
  switch (s.kind) {
    case 'sentiment':
      return `s.${s.outlet}`;
    case 'tone':
      return `t.${s.outlet}.${s.actor}`;
    case 'actor':
      return ['a', s.outlet, s.actor, s.group, ...(s.variant ? [s.variant] : [])].join('.');
    case 'mentions':
      return ['m', s.outlet, s.group, ...(s.variant ? [s.variant] : [])].join('.');
    case 'setAside':
      return `x.${s.outlet}.${s.group}.${s.reason}`;
  }
}

/**
 * Parses URL parameters into a view state; syntax problems are listed, and their parameter falls back to its default.
 */
export function parseState(params: Params): { state: ViewState; problems: UrlProblem[] } {
  const sp = toSearchParams(params);
  const problems: UrlProblem[] = [];
  const state: ViewState = { ...DEFAULT_STATE, outlets: [] };
  const bad = (param: string, value: string, message: string, choices: string[] = []) =>
    problems.push({ param, value: shorten(value), message, choices, status: 400 });
  if (sp.toString().length > MAX_QUERY) {
    bad('(query)', sp.toString(), `the query string is longer than ${MAX_QUERY} characters`);
    return { state, problems };
  }
  for (const key of KEYS) {
    if (sp.getAll(key).length > 1) bad(key, sp.getAll(key).join(', '), 'is given more than once; give it once');
  }
  const get = (k: string) => sp.get(k);
  const corpus = get('corpus');
  if (corpus !== null) {
    if (ID.test(corpus)) state.corpus = corpus;
    else bad('corpus', corpus, 'is not a corpus id (lowercase letters, digits, hyphens)');
  }
  const v = get('v');
  if (v !== null) {
    if (VERSION.test(v)) state.version = v;
    else bad('v', v, 'is not a corpus version (hexadecimal)');
  }
  const oneOf = <T extends string>(key: string, allowed: readonly T[], what: string): T | null => {
    const v = get(key);
    if (v === null) return null;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    bad(key, v, `is not ${what}`, [...allowed]);
    return null;
  };
  state.voice = oneOf('voice', ['all', 'own'] as const, 'a voice') ?? state.voice;
  state.scope = oneOf('scope', ['all', 'body'] as const, 'a scope') ?? state.scope;
  state.provenance =
    oneOf('provenance', ['all', 'original', 'reused'] as const, 'a provenance filter') ?? state.provenance;
  state.metric = oneOf('metric', METRICS, 'a metric') ?? state.metric;
  state.sort = oneOf('sort', SORTS, 'a sort order') ?? state.sort;
  const outlets = get('outlets');
  if (outlets !== null && outlets !== '') {
    const ids = outlets.split(',').map((s) => s.trim());
    const wrong = ids.filter((id) => !ID.test(id));
    if (wrong.length) bad('outlets', wrong.join(','), 'holds something that is not an outlet id');
    else if (ids.length > MAX_OUTLETS) bad('outlets', outlets, `names more than ${MAX_OUTLETS} outlets`);
    else state.outlets = [...new Set(ids)];
  }
  const group = get('group');
  if (group !== null) {
    if (ID.test(group)) state.group = group;
    else bad('group', group, 'is not a term-group id');
  }
  const lens = get('lens');
  if (lens !== null) {
    if (ID.test(lens)) state.lens = lens;
    else bad('lens', lens, 'is not an outlet id');
  }
  const sel = get('sel');
  if (sel !== null) {
    const parsed = parseSelection(sel);
    if (parsed) state.sel = parsed;
    else
      bad(
        'sel',
        sel,
        'is not a selection (m.OUTLET.GROUP[.VARIANT], s.OUTLET, a.OUTLET.ACTOR.GROUP[.VARIANT], t.OUTLET.ACTOR or x.OUTLET.GROUP.REASON)',
      );
  }
  const q = get('q');
  if (q !== null) {
    if (q.length <= 100) state.q = q;
    else bad('q', q, 'is longer than 100 characters');
  }
  const page = get('page');
  if (page !== null) {
    if (/^[1-9][0-9]{0,4}$/.test(page)) state.page = Number(page);
    else bad('page', page, 'is not a page number (1 to 99999)');
  }
  for (const key of ['from', 'to'] as const) {
    const d = get(key);
    if (d === null || d === '') continue;
    if (isIsoDate(d)) state[key] = d;
    else bad(key, d, 'is not a date written YYYY-MM-DD (e.g. 2016-07-01)');
  }
  if (state.from && state.to && state.from > state.to) {
    bad('to', state.to, `is before from (${state.from}); give a range whose start is not after its end`);
    state.to = null;
  }
  state.bin = oneOf('bin', ['auto', ...BINS] as const, 'a period length') ?? state.bin;
  const at = get('at');
  if (at !== null) {
    if (parsePeriod(at)) state.at = at;
    else bad('at', at, 'is not a period (2016-07-27, 2016-W30, 2016-07 or 2016-Q3)');
  }
  state.stories = oneOf('stories', ['all', 'shared'] as const, 'a stories mode') ?? state.stories;
  const add = get('add');
  if (add !== null) {
    const problem = addTermProblem(add);
    if (problem) bad('add', add, problem);
    else state.add = add;
  }
  const term = get('term');
  if (term !== null && term.trim() !== '') {
    const parsed = parseSearch(term);
    if (parsed.ok) state.term = term.trim();
    else bad('term', term, parsed.message);
  }
  const bg = get('bg');
  if (bg !== null && bg !== '') {
    if (ID.test(bg)) state.bg = bg;
    else bad('bg', bg, 'is not a corpus id (lowercase letters, digits, hyphens)');
  }
  const min = get('min');
  if (min !== null && min !== '') {
    if (/^[1-9][0-9]{0,3}$/.test(min)) state.min = Number(min);
    else bad('min', min, 'is not a minimum count (a whole number from 1 to 9999)');
  }
  return { state, problems };
}

/** Checks the ids a state names against what exists; unknown corpus, outlet or group is a 404. */
export function checkState(state: ViewState, catalog: Catalog): UrlProblem[] {
  const out: UrlProblem[] = [];
  const missing = (param: string, value: string, what: string, choices: string[]) =>
    out.push({ param, value: shorten(value), message: `is not ${what} in this corpus`, choices, status: 404 });
  if (!catalog.corpora.includes(state.corpus)) {
    out.push({
      param: 'corpus',
      value: shorten(state.corpus),
      message: 'is not a corpus',
      choices: catalog.corpora,
      status: 404,
    });
    return out;
  }
  const v = catalog.version;
  if (state.version && v && (v.status === 'unknown' || v.status === 'pruned')) {
    const message =
      v.status === 'pruned'
        ? `was a version of this corpus, but it has been pruned (the server keeps the newest ${v.keep ?? 'few'} versions), so its numbers can no longer be shown; the current version is ${v.current}`
        : `is not a version of this corpus that this server has kept; the current version is ${v.current}`;
    out.push({ param: 'v', value: shorten(state.version), message, choices: [v.current], status: 404 });
  }
  for (const o of state.outlets)
    if (!catalog.outlets.includes(o)) missing('outlets', o, 'an outlet or outlet group', catalog.outlets);
  if (state.group && !catalog.groups.includes(state.group))
    missing('group', state.group, 'a term group', catalog.groups);
  if (state.bg && !catalog.corpora.includes(state.bg))
    out.push({
      param: 'bg',
      value: shorten(state.bg),
      message: 'is not a corpus (the background corpus must be one of the corpora)',
      choices: catalog.corpora,
      status: 404,
    });
  if (state.lens && !catalog.outlets.includes(state.lens))
    missing('lens', state.lens, 'an outlet or outlet group', catalog.outlets);
  const sel = state.sel;
  if (sel) {
    if (!catalog.outlets.includes(sel.outlet)) missing('sel', sel.outlet, 'an outlet or outlet group', catalog.outlets);
    if (sel.kind === 'actor' || sel.kind === 'tone') {
      if (!catalog.actors.includes(sel.actor)) missing('sel', sel.actor, 'an actor', catalog.actors);
    }
    if (sel.kind === 'setAside' && !catalog.groups.includes(sel.group))
      missing('sel', sel.group, 'a term group', catalog.groups);
    if (sel.kind === 'mentions' || sel.kind === 'actor') {
      if (!catalog.groups.includes(sel.group)) missing('sel', sel.group, 'a term group', catalog.groups);
      else if (sel.variant && !catalog.variants[sel.group]?.includes(sel.variant))
        missing('sel', sel.variant, `a variant of "${sel.group}"`, catalog.variants[sel.group] ?? []);
    }
  }
  return out;
}

/** Builds the query string of a state with URLSearchParams, leaving out defaults so URLs stay short. */
export function buildQuery(state: ViewState): string {
  const sp = new URLSearchParams();
  if (state.corpus !== DEFAULT_STATE.corpus) sp.set('corpus', state.corpus);
  if (state.version) sp.set('v', state.version);
  if (state.voice !== 'all') sp.set('voice', state.voice);
  if (state.scope !== 'all') sp.set('scope', state.scope);
  if (state.outlets.length) sp.set('outlets', state.outlets.join(','));
  if (state.group) sp.set('group', state.group);
  if (state.lens) sp.set('lens', state.lens);
  if (state.metric !== 'share') sp.set('metric', state.metric);
  if (state.sel) sp.set('sel', selectionParam(state.sel));
  if (state.sort !== 'position') sp.set('sort', state.sort);
  if (state.q) sp.set('q', state.q);
  if (state.page !== 1) sp.set('page', String(state.page));
  if (state.from) sp.set('from', state.from);
  if (state.to) sp.set('to', state.to);
  if (state.bin !== 'auto') sp.set('bin', state.bin);
  if (state.at) sp.set('at', state.at);
  if (state.stories !== 'all') sp.set('stories', state.stories);
  if (state.provenance !== 'all') sp.set('provenance', state.provenance);
  if (state.add) sp.set('add', state.add);
  if (state.term) sp.set('term', state.term);
  if (state.bg) sp.set('bg', state.bg);
  if (state.min !== null) sp.set('min', String(state.min));
  return sp.toString();
}

/** A path plus the state's query string. */
export function hrefFor(pathname: string, state: ViewState): string {
  const q = buildQuery(state);
  return q ? `${pathname}?${q}` : pathname;
}

/**
 * The state with some fields changed; any change but the page itself starts the drill-down at its first page, and a
 * term to add belongs only to the link that carries it, so derived links drop it.
 */
export function withState(state: ViewState, patch: Partial<ViewState>): ViewState {
  return { ...state, page: 1, add: null, ...patch };
}
