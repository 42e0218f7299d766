import { EMBEDS, EMBED_CHARTS, matchRoute } from './routes';
import {
  checkState,
  parseState,
  shorten,
  toSearchParams,
  type Catalog,
  type Params,
  type UrlProblem,
  type ViewState,
} from './state';

/** The corpus and version a URL names (or the defaults), read before the catalog is loaded. */
export function corpusOf(params: Params): { corpus: string; version: string | null } {
  const { state } = parseState(toSearchParams(params));
  return { corpus: state.corpus, version: state.version };
}

/** The problem of a parameter the request lacks but needs (400), with the values it may take. */
export function neededParam(param: string, message: string, choices: string[]): UrlProblem {
  return { param, value: '', message, choices, status: 400 };
}

/** What an embed URL lacks for its chart kind, as the registry states it (400). */
function embedRequirements(chart: string, state: ViewState, catalog: Catalog): UrlProblem[] {
  const def = EMBEDS.find((e) => e.id === chart);
  if (!def) return [];
  if (def.needsGroup && !state.group) return [neededParam('group', 'is needed for this chart', catalog.groups)];
  const n = state.outlets.length;
  if (def.outlets && (n < def.outlets[0] || n > def.outlets[1])) {
    return [
      {
        param: 'outlets',
        value: shorten(state.outlets.join(',')),
        message: def.outletsMessage ?? 'names the wrong number of outlets',
        choices: catalog.outlets,
        status: 400,
      },
    ];
  }
  return [];
}

/**
 * Everything wrong with a view URL: parameter syntax (400), ids the corpus does not have (404), embed requirements
 * (400).
 */
export function routeProblems(pathname: string, params: Params, catalog: Catalog): UrlProblem[] {
  const { state, problems } = parseState(toSearchParams(params));
  if (problems.length) return problems;
  const found = checkState(state, catalog);
  if (found.length) return found;
  const match = matchRoute(pathname);
  const most = match?.route.maxOutlets;
  if (most !== undefined && state.outlets.length > most)
    return [
      {
        param: 'outlets',
        value: shorten(state.outlets.join(',')),
        message: `names more than ${most} outlets: name one (against the rest) or two (the first against the second)`,
        choices: catalog.outlets,
        status: 400,
      },
    ];
  const kind = match?.route.param;
  if (!match || !kind) return [];
  if (match.id === null)
    return [
      { param: kind, value: shorten(pathname), message: 'is not a valid path segment', choices: [], status: 400 },
    ];
  const lists: Record<string, readonly string[]> = {
    outlet: catalog.outlets,
    group: catalog.groups,
    article: catalog.articles,
    embed: EMBED_CHARTS,
  };
  const what: Record<string, string> = {
    outlet: 'an outlet or outlet group',
    group: 'a term group',
    article: 'an article',
    embed: 'an embeddable chart',
  };
  if (lists[kind].includes(match.id)) return kind === 'embed' ? embedRequirements(match.id, state, catalog) : [];
  return [
    {
      param: kind,
      value: shorten(match.id),
      message: `is not ${what[kind]} in this corpus`,
      choices: [...lists[kind]],
      status: 404,
    },
  ];
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The status of a request with these URL problems: 400 if any value is malformed, else 404 (it names what is missing). */
export function problemsStatus(problems: readonly UrlProblem[]): 400 | 404 {
  return problems.some((p) => p.status === 400) ? 400 : 404;
}

/** An API's JSON answer to URL problems, `{ error: 'bad request', problems }`, with their status. */
export function problemsJson(problems: UrlProblem[]): Response {
  return Response.json({ error: 'bad request', problems }, { status: problemsStatus(problems) });
}

/** A small standalone HTML page explaining URL problems; every value is HTML-escaped. */
export function problemsHtml(problems: UrlProblem[]): string {
  const items = problems.map((p) => {
    const choices = p.choices.length
      ? ` Valid choices: ${p.choices.map((c) => `<code>${esc(c)}</code>`).join(', ')}.`
      : '';
    return `<li><strong>${esc(p.param)}</strong> = <code>${esc(p.value)}</code> ${esc(p.message)}.${choices}</li>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bad link · Framescope</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;background:#f6f7f9}@media (prefers-color-scheme:dark){body{color:#e6e8eb;background:#14171c}a{color:#8ab4f8}}code{background:rgba(127,127,127,.15);padding:0 .25em;border-radius:3px;overflow-wrap:anywhere}</style></head>
<body><main data-testid="bad-url"><h1>This link does not point to a view</h1><ul>${items.join('')}</ul><p><a href="/">Go to the overview</a></p></main></body></html>`;
}
