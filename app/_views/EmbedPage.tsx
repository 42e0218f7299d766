import { hrefFor, withState } from '@/lib/url/state';
import { Kwic } from '../_components/Kwic';
import { EmbedResizer } from '../_components/EmbedResizer';
import { entityList } from '@/lib/view/entities';
import { DistinctiveCard, SentimentCard, SharesCard, StanceCard, zDomain } from './cards';
import { captionOf, comparison, dataPackageHref, drillDown, type View } from '@/lib/server/dataset';
import { ActorLabelCard, ActorToneCard } from './actorCards';

/** One chart alone, for an iframe: same numbers, same actions, no site chrome. */
export function EmbedPage({ view, chart }: { view: View; chart: string }) {
  const { stats: ex, query: state } = view;
  const drill = drillDown(view);
  const pathname = `/embed/${chart}`;
  const ids = state.outlets.length ? state.outlets : entityList(ex).map((e) => e.id);
  const group = state.group ?? '';
  // The dashboard view that shows this chart, for the footer link out of the frame.
  const dashboard =
    chart === 'distinctive' && state.outlets.length === 1
      ? `/outlet/${state.outlets[0]}`
      : state.outlets.length >= 2
        ? '/compare'
        : '/';
  const body = (() => {
    if (chart === 'shares')
      return <SharesCard ex={ex} state={state} pathname={pathname} ids={ids} group={group} metric={state.metric} />;
    if (chart === 'stance') return <StanceCard ex={ex} state={state} pathname={pathname} ids={ids} group={group} />;
    if (chart === 'sentiment') return <SentimentCard ex={ex} state={state} pathname={pathname} ids={ids} />;
    if (chart === 'actors')
      return <ActorLabelCard ex={ex} state={state} pathname={pathname} outlet={state.outlets[0]} group={group} />;
    if (chart === 'actor-tone') return <ActorToneCard ex={ex} state={state} pathname={pathname} ids={ids} />;
    const rows =
      state.outlets.length === 2
        ? comparison(view)
        : ex.distinctive.filter((r) => r.outlet === state.outlets[0] && r.vs === 'rest');
    return (
      <DistinctiveCard
        ex={ex}
        state={state}
        pathname={pathname}
        rows={rows}
        outlet={state.outlets[0]}
        vs={state.outlets[1] ?? 'rest'}
        group={group}
        domain={zDomain(rows)}
      />
    );
  })();
  return (
    <main className="embed" data-testid="embed">
      <EmbedResizer />
      {/* What the frame counts travels with it: filters, date range (and what it left out), same stories. */}
      <p className="note" data-testid="embed-caption">
        Counted: {captionOf(view)}.
      </p>
      {body}
      <Kwic drill={drill} ex={ex} state={state} pathname={pathname} />
      <p className="counts">
        Framescope · corpus {ex.corpus.id} version {ex.corpus.version} ·{' '}
        <a href={hrefFor(dashboard, withState(state, { version: ex.corpus.version }))} target="_blank" rel="noopener">
          Open in the dashboard
        </a>{' '}
        ·{' '}
        <a href={dataPackageHref(view)} download>
          Download the data (ZIP)
        </a>
      </p>
    </main>
  );
}
