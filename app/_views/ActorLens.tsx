import { AppLink, StayLink } from '../_components/AppLink';
import type { Drill } from '@/lib/server/dataset';
import type { ViewStats } from '@/lib/view/model';
import { hrefFor, withState, type ViewState } from '@/lib/url/state';
import { attributedGroups } from '@/lib/view/actors';
import { entityList } from '@/lib/view/entities';
import { Kwic } from '../_components/Kwic';
import { ActorLabelCard, ActorToneCard } from './actorCards';
import { methodsHref } from './cards';

/**
 * The actor lens section: actor × label heatmaps for the given outlets (with an outlet picker on the overview),
 * tone toward each actor for `ids`, and the drill-down of either.
 */
export function ActorLens(p: {
  ex: ViewStats;
  drill: Drill | null;
  state: ViewState;
  pathname: string;
  outlets: string[];
  ids: string[];
  picker?: boolean;
}) {
  const { ex, state, pathname } = p;
  const groups = attributedGroups(ex);
  const sel = state.sel;
  const kwic = <Kwic drill={p.drill} ex={ex} state={state} pathname={pathname} />;
  return (
    <section className="group" aria-labelledby="h-actors" data-testid="actor-lens">
      <h2 id="h-actors">Actor lens: who gets which label</h2>
      <p className="counts">
        Each label is attributed to the actor its own phrase names: a modifier (&quot;Kurdish militants&quot;,
        &quot;US-backed militias&quot;), an of-phrase (&quot;militants from the YPG&quot;), an apposition or a
        designation (&quot;the PKK as a terrorist organisation&quot;). Labels whose phrase names no actor are counted as
        unattributed. The rules and the actor aliases are on the{' '}
        <AppLink href={methodsHref(p.state, 'actors-list')}>methods page</AppLink>.
      </p>
      {p.picker && (
        <nav className="chips" aria-label="Outlet shown in the actor heatmap" data-testid="lens-picker">
          <span className="switch-label">Outlet</span>
          {entityList(ex).map((e) => {
            const on = e.id === p.outlets[0];
            return (
              <StayLink
                key={e.id}
                href={`${hrefFor(pathname, withState(state, { lens: e.id, sel: null }))}#h-actors`}
                aria-current={on ? 'true' : undefined}
                className={on ? 'on' : undefined}
              >
                {e.name}
              </StayLink>
            );
          })}
        </nav>
      )}
      {groups.length === 0 && <p className="card">This corpus&apos;s lexicon attributes no term group to actors.</p>}
      {groups.map((g) => (
        <div key={g} className="pair">
          {p.outlets.map((o) => (
            <ActorLabelCard key={o} ex={ex} state={state} pathname={pathname} outlet={o} group={g} />
          ))}
        </div>
      ))}
      {sel?.kind === 'actor' && kwic}
      <ActorToneCard ex={ex} state={state} pathname={pathname} ids={p.ids} />
      {sel?.kind === 'tone' && kwic}
    </section>
  );
}
