import type { ArticleAnalysis } from '@/lib/analysis/article';
import type { AnalysisExport } from '@/lib/analysis/exportTypes';
import { bundleFor, catalogOf, getExport } from '@/lib/server/data';
import { routeProblems } from '@/lib/url/route';
import { parseState, type UrlProblem, type ViewState } from '@/lib/url/state';
import type { Corpus } from '@/lib/types';

/** Search params as Next passes them to pages. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A view's data, or what was wrong with its URL. */
export type Resolved =
  | { ok: true; state: ViewState; ex: AnalysisExport; analyses: ArticleAnalysis[]; corpus: Corpus; current: string; pinned: boolean }
  | { ok: false; problems: UrlProblem[] };

/** Checks a view's URL exactly as the proxy does (path and parameters), then fetches the cached analysis it shows. */
export async function resolveView(pathname: string, searchParams: SearchParams): Promise<Resolved> {
  const params = await searchParams;
  const problems = routeProblems(pathname, params, catalogOf(params));
  if (problems.length) return { ok: false, problems };
  const { state } = parseState(params);
  const { bundle, pinned } = bundleFor(state.corpus, state.version);
  const current = bundleFor(state.corpus, null).bundle.corpus.version;
  return { ok: true, state, ex: getExport(state.corpus, state.voice, state.scope, state.version), analyses: bundle.live.analyses, corpus: bundle.corpus, current, pinned };
}
