import type { ArticleAnalysis } from '@/lib/analysis/article';
import type { AnalysisExport } from '@/lib/analysis/exportTypes';
import { catalogFor, getBundle, getExport } from '@/lib/server/data';
import { checkState, parseState, type UrlProblem, type ViewState } from '@/lib/url/state';
import type { Corpus } from '@/lib/types';

/** Search params as Next passes them to pages. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A view's data, or what was wrong with its URL. */
export type Resolved =
  | { ok: true; state: ViewState; ex: AnalysisExport; analyses: ArticleAnalysis[]; corpus: Corpus }
  | { ok: false; problems: UrlProblem[] };

/** Parses and checks a view's URL, then fetches the cached analysis it shows. */
export async function resolveView(searchParams: SearchParams): Promise<Resolved> {
  const { state, problems } = parseState(await searchParams);
  if (problems.length) return { ok: false, problems };
  const more = checkState(state, catalogFor(state.corpus));
  if (more.length) return { ok: false, problems: more };
  const bundle = getBundle(state.corpus);
  return { ok: true, state, ex: getExport(state.corpus, state.voice, state.scope), analyses: bundle.analyses, corpus: bundle.corpus };
}

/** The problem with a path id (outlet, term group or article) that the corpus does not have, or null. */
export function pathProblem(view: Extract<Resolved, { ok: true }>, kind: 'outlet' | 'group' | 'article', id: string): UrlProblem | null {
  const choices = kind === 'outlet'
    ? [...view.ex.outlets.map((o) => o.id), ...view.ex.outletGroups.map((g) => g.id)]
    : kind === 'group' ? view.ex.groups.map((g) => g.id) : view.ex.articles.map((a) => a.id);
  return choices.includes(id) ? null : { param: kind, value: id.slice(0, 60), message: `is not ${kind === 'group' ? 'a term group' : `an ${kind}`} in this corpus`, choices, status: 404 };
}
