import { DISTINCTIVE_RULE, isDistinctive } from '@/lib/view/charts';
import { drillGroup } from '@/lib/view/model';
import { METRICS } from '@/lib/url/state';
import { entityList, entityName } from '@/lib/view/entities';
import { Kwic } from '../_components/Kwic';
import { ScrollTable } from '../_components/ScrollTable';
import { Shell } from '../_components/Shell';
import { Switch, VoiceScope } from '../_components/Switches';
import { SharesCard, StanceCard } from './cards';
import { drillDown, type View } from '@/lib/server/dataset';

/**
 * One question across all outlets: its variants with stance and rationale, shares or rates, stance, and z against the
 * rest.
 */
export function GroupPage({ view, id }: { view: View; id: string }) {
  const { stats: ex, query: state } = view;
  const drill = drillDown(view);
  const pathname = `/group/${id}`;
  const g = ex.groups.find((x) => x.id === id)!;
  const ids = entityList(ex).map((e) => e.id);
  const corpusCount = (v: string) =>
    ex.counts
      .filter((c) => c.group === id && c.variant === v && ex.outlets.some((o) => o.id === c.outlet))
      .reduce((s, c) => s + c.count, 0);
  return (
    <Shell view={view}>
      <h1>{g.label}</h1>
      <VoiceScope pathname={pathname} state={state} />
      <Switch
        label="Measure"
        pathname={pathname}
        state={state}
        field="metric"
        testid="metric-switch"
        options={METRICS.map((m) => [
          m,
          m === 'share' ? 'Share of mentions' : m === 'count' ? 'Count' : 'Per 1,000 tokens',
        ])}
      />
      <div className="pair">
        <SharesCard ex={ex} state={state} pathname={pathname} ids={ids} group={id} metric={state.metric} />
        <StanceCard ex={ex} state={state} pathname={pathname} ids={ids} group={id} />
      </div>
      {drillGroup(state.sel) !== null && <Kwic drill={drill} ex={ex} state={state} pathname={pathname} />}
      <section className="group card" aria-labelledby="h-variants">
        <h2 id="h-variants">
          The answers and their stance (−1 = {g.axis.negative}; +1 = {g.axis.positive})
        </h2>
        <ScrollTable label="Variants" sticky>
          <table>
            <thead>
              <tr>
                <th scope="col">Variant</th>
                <th scope="col">Stance</th>
                <th scope="col">Why</th>
                <th scope="col">Mentions in corpus</th>
                {ex.outlets.map((o) => (
                  <th key={o.id} scope="col">
                    z: {entityName(ex, o.id)} vs rest
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {g.variants.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{v.label}</th>
                  <td>{v.stance.toFixed(2)}</td>
                  <td className="why">{v.rationale}</td>
                  <td>{corpusCount(v.id)}</td>
                  {ex.outlets.map((o) => {
                    const r = ex.distinctive.find(
                      (x) => x.outlet === o.id && x.vs === 'rest' && x.group === id && x.variant === v.id,
                    );
                    return (
                      <td key={o.id} className={r && isDistinctive(r) ? (r.z > 0 ? 'z-pos' : 'z-neg') : undefined}>
                        {r ? `${r.z.toFixed(2)}${isDistinctive(r) ? ' *' : ''}` : '—'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
        <p className="counts">
          z: log-odds z-score with informative Dirichlet prior, outlet vs all other outlets; * marks a distinctive row (
          {DISTINCTIVE_RULE}).
        </p>
      </section>
    </Shell>
  );
}
