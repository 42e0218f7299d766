import { compareEntities } from '@/lib/server/data';
import { entityList } from '@/lib/view/entities';
import { DistinctiveCard, SentimentCard, SharesCard, StanceCard, zDomain } from './cards';
import type { Resolved } from './resolve';
import { ActorLabelCard, ActorToneCard } from './actorCards';

/** One chart alone, for an iframe: same numbers, same actions, no site chrome. */
export function EmbedPage({ view, chart }: { view: Extract<Resolved, { ok: true }>; chart: string }) {
  const { ex, state } = view;
  const pathname = `/embed/${chart}`;
  const ids = state.outlets.length ? state.outlets : entityList(ex).map((e) => e.id);
  const group = state.group ?? '';
  const body = (() => {
    if (chart === 'shares') return <SharesCard ex={ex} state={state} pathname={pathname} ids={ids} group={group} metric={state.metric} />;
    if (chart === 'stance') return <StanceCard ex={ex} state={state} pathname={pathname} ids={ids} group={group} />;
    if (chart === 'sentiment') return <SentimentCard ex={ex} state={state} pathname={pathname} ids={ids} />;
    if (chart === 'actors') return <ActorLabelCard ex={ex} state={state} pathname={pathname} outlet={state.outlets[0]} group={group} />;
    if (chart === 'actor-tone') return <ActorToneCard ex={ex} state={state} pathname={pathname} ids={ids} />;
    const rows = state.outlets.length === 2 ? compareEntities(ex.corpus.id, state.outlets, state, state.version) : ex.distinctive.filter((r) => r.outlet === state.outlets[0] && r.vs === 'rest');
    return <DistinctiveCard ex={ex} state={state} pathname={pathname} rows={rows} outlet={state.outlets[0]} vs={state.outlets[1] ?? 'rest'} group={group} domain={zDomain(rows)} />;
  })();
  return (
    <main className="embed" data-testid="embed">
      {body}
      <p className="counts">Framescope · corpus {ex.corpus.id} version {ex.corpus.version}</p>
    </main>
  );
}
