import { drillGroup } from '@/lib/view/model';
import { AppLink } from '../_components/AppLink';
import { hrefFor, withState } from '@/lib/url/state';
import { entityList, entityName } from '@/lib/view/entities';
import { Kwic } from '../_components/Kwic';
import { Shell } from '../_components/Shell';
import { VoiceScope } from '../_components/Switches';
import { DistinctiveCard, SentimentCard, SharesCard, StanceCard, zDomain } from './cards';
import { comparison, drillDown, sharedOf, type View } from '@/lib/server/dataset';
import { ActorLens } from './ActorLens';

/** Two or more outlets or groups side by side on the same scales, with log-odds z-scores between them. */
export function ComparePage({ view }: { view: View }) {
  const { stats: ex, query: state } = view;
  const drill = drillDown(view);
  const pathname = '/compare';
  const chosen = state.outlets;
  const toggle = (id: string) => (chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);
  const rows = comparison(view);
  const shared = sharedOf(view);
  const domain = zDomain(rows);
  const pairs: [string, string][] = chosen.length === 2 ? [[chosen[0], chosen[1]]] : chosen.map((id) => [id, 'others']);
  return (
    <Shell view={view}>
      <h1>Compare {chosen.length >= 2 ? chosen.map((id) => entityName(ex, id)).join(' · ') : 'outlets'}</h1>
      <VoiceScope pathname={pathname} state={state} />
      <nav className="chips" aria-label="Choose outlets to compare" data-testid="compare-picker">
        <span className="switch-label">Outlets</span>
        {entityList(ex).map((e) => (
          <AppLink
            key={e.id}
            href={hrefFor(pathname, withState(state, { outlets: toggle(e.id), sel: null }))}
            aria-current={chosen.includes(e.id) ? 'true' : undefined}
            className={chosen.includes(e.id) ? 'on' : undefined}
          >
            {chosen.includes(e.id) ? '✓ ' : '+ '}
            {e.name}
          </AppLink>
        ))}
      </nav>
      {chosen.length < 2 ? (
        <p className="card" data-testid="compare-empty">
          Choose at least two outlets or outlet groups above to compare them.
        </p>
      ) : (
        <>
          <nav className="chips" aria-label="Stories" data-testid="stories-mode">
            <span className="switch-label">Stories</span>
            <AppLink
              href={hrefFor(pathname, withState(state, { stories: 'all', sel: null }))}
              className={state.stories === 'all' ? 'on' : undefined}
              aria-current={state.stories === 'all' ? 'true' : undefined}
            >
              All articles
            </AppLink>
            <AppLink
              href={hrefFor(pathname, withState(state, { stories: 'shared', sel: null }))}
              className={state.stories === 'shared' ? 'on' : undefined}
              aria-current={state.stories === 'shared' ? 'true' : undefined}
              data-testid="same-stories"
            >
              Same stories only
            </AppLink>
          </nav>
          {shared && (
            <p className="note" data-testid="shared-count">
              Same stories only: {shared.stories} {shared.stories === 1 ? 'story' : 'stories'} covered by every chosen
              outlet, {shared.articles} of their articles by these outlets. Every number below counts only those
              articles.
            </p>
          )}
          <p className="lede" data-testid="compare-outlets">
            {chosen.map((id) => entityName(ex, id)).join(', ')}. All charts share one scale per measure.
            {chosen.length > 2 ? ' Z-scores compare each outlet with the other chosen outlets combined.' : ''}
          </p>
          {ex.groups.map((g) => (
            <section key={g.id} className="group" aria-labelledby={`h-${g.id}`}>
              <h2 id={`h-${g.id}`}>{g.label}</h2>
              <div className="pair">
                <SharesCard ex={ex} state={state} pathname={pathname} ids={chosen} group={g.id} metric="share" />
                <StanceCard ex={ex} state={state} pathname={pathname} ids={chosen} group={g.id} />
              </div>
              <div className="pair">
                {pairs.map(([a, b]) => (
                  <DistinctiveCard
                    key={`${a}-${b}`}
                    ex={ex}
                    state={state}
                    pathname={pathname}
                    rows={rows}
                    outlet={a}
                    vs={b}
                    group={g.id}
                    domain={domain}
                  />
                ))}
              </div>
              {drillGroup(state.sel) === g.id && <Kwic drill={drill} ex={ex} state={state} pathname={pathname} />}
            </section>
          ))}
          <section className="group">
            <h2>Tone</h2>
            <SentimentCard ex={ex} state={state} pathname={pathname} ids={chosen} />
            {state.sel?.kind === 'sentiment' && <Kwic drill={drill} ex={ex} state={state} pathname={pathname} />}
          </section>
          <ActorLens ex={ex} drill={drill} state={state} pathname={pathname} outlets={chosen} ids={chosen} />
        </>
      )}
    </Shell>
  );
}
