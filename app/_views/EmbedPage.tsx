import type { UrlProblem } from '@/lib/url/state';
import { EMBED_CHARTS } from '@/lib/url/route';
import { compareEntities } from '@/lib/server/data';
import { entityList } from '@/lib/view/entities';
import { BadUrl } from '../_components/Banners';
import { DistinctiveCard, SentimentCard, SharesCard, StanceCard, zDomain } from './cards';
import type { Resolved } from './resolve';

/** What an embed URL lacks, given its chart kind (a group for most, one or two outlets for z-scores). */
export function embedProblems(chart: string, group: string | null, outlets: string[], groups: string[]): UrlProblem[] {
  if (!(EMBED_CHARTS as readonly string[]).includes(chart)) return [{ param: 'chart', value: chart.slice(0, 60), message: 'is not an embeddable chart', choices: [...EMBED_CHARTS], status: 404 }];
  if (chart !== 'sentiment' && !group) return [{ param: 'group', value: '', message: 'is needed for this chart', choices: groups, status: 400 }];
  if (chart === 'distinctive' && (outlets.length < 1 || outlets.length > 2)) return [{ param: 'outlets', value: outlets.join(','), message: 'must name one outlet (vs the rest) or two (vs each other)', choices: [], status: 400 }];
  return [];
}

/** One chart alone, for an iframe: same numbers, same actions, no site chrome. */
export function EmbedPage({ view, chart }: { view: Extract<Resolved, { ok: true }>; chart: string }) {
  const { ex, state } = view;
  const pathname = `/embed/${chart}`;
  const problems = embedProblems(chart, state.group, state.outlets, ex.groups.map((g) => g.id));
  if (problems.length) return <BadUrl problems={problems} home="/" />;
  const ids = state.outlets.length ? state.outlets : entityList(ex).map((e) => e.id);
  const group = state.group ?? '';
  const body = (() => {
    if (chart === 'shares') return <SharesCard ex={ex} state={state} pathname={pathname} ids={ids} group={group} metric={state.metric} />;
    if (chart === 'stance') return <StanceCard ex={ex} state={state} pathname={pathname} ids={ids} group={group} />;
    if (chart === 'sentiment') return <SentimentCard ex={ex} state={state} pathname={pathname} ids={ids} />;
    const rows = state.outlets.length === 2 ? compareEntities(ex.corpus.id, state.outlets, state) : ex.distinctive.filter((r) => r.outlet === state.outlets[0] && r.vs === 'rest');
    return <DistinctiveCard ex={ex} state={state} pathname={pathname} rows={rows} outlet={state.outlets[0]} vs={state.outlets[1] ?? 'rest'} group={group} domain={zDomain(rows)} />;
  })();
  return (
    <main className="embed" data-testid="embed">
      {body}
      <p className="counts">Framescope · corpus {ex.corpus.id} version {ex.corpus.version}</p>
    </main>
  );
}
