import { filterCaption } from '@/lib/analysis/filters';
import { drillDown, timeseriesFor, type View } from '@/lib/server/dataset';
import { busiestOutlets, SPARSE_N } from '@/lib/time/series';
import { hrefFor, withState } from '@/lib/url/state';
import { entityList, entityName } from '@/lib/view/entities';
import { timeSeriesData } from '@/lib/view/timeChart';
import { countOf } from '@/lib/view/plural';
import { AppLink } from '../_components/AppLink';
import { Kwic } from '../_components/Kwic';
import { Shell } from '../_components/Shell';
import { VoiceScope } from '../_components/Switches';
import { TimeSeriesChart, type TimeSeriesFrame } from '../_components/charts/TimeSeriesChart';
import { sourceOf } from './cards';

const BIN_CHOICES = ['auto', 'day', 'week', 'month', 'quarter'] as const;

/** Naming over time: each variant's share of a term group per period, per outlet, with attention and change points. */
export async function TimePage({ view }: { view: View }) {
  const { stats: ex, query: state } = view;
  const pathname = '/time';
  const ts = await timeseriesFor(view);
  const drill = drillDown(view);
  const group = ex.groups.find((g) => g.id === state.group);
  const chosen = state.outlets;
  const toggle = (id: string) => (chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);
  const all = ex.outlets.map((o) => o.id);
  const ids = chosen.length ? chosen : ts ? busiestOutlets(ts.rows, all) : all;
  const variants = group?.variants.map((v) => v.id) ?? [];
  // One object for every outlet's chart, so the page's payload carries the periods and variants once.
  const frame: TimeSeriesFrame = {
    periods: ts?.periods.map((p) => p.id) ?? [],
    bin: ts?.bin ?? 'month',
    group: { id: group?.id ?? '', short: group?.short ?? '' },
    variants: group?.variants.map((v) => ({ id: v.id, label: v.label })) ?? [],
    version: ex.corpus.version,
    source: sourceOf(ex, state),
  };
  return (
    <Shell view={view}>
      <h1>Naming over time{group ? `: ${group.label}` : ''}</h1>
      <VoiceScope pathname={pathname} state={state} />
      <nav className="chips" aria-label="Term group">
        <span className="switch-label">Group</span>
        {ex.groups.map((g) => (
          <AppLink
            key={g.id}
            href={hrefFor(pathname, withState(state, { group: g.id, sel: null, at: null }))}
            className={g.id === state.group ? 'on' : undefined}
            aria-current={g.id === state.group ? 'true' : undefined}
          >
            {g.short}
          </AppLink>
        ))}
      </nav>
      <nav className="chips" aria-label="Period length" data-testid="bin-picker">
        <span className="switch-label">Period</span>
        {BIN_CHOICES.map((b) => (
          <AppLink
            key={b}
            href={hrefFor(pathname, withState(state, { bin: b, sel: null, at: null }))}
            className={b === state.bin ? 'on' : undefined}
            aria-current={b === state.bin ? 'true' : undefined}
          >
            {b === 'auto' && ts ? `auto (${ts.bin})` : b}
          </AppLink>
        ))}
      </nav>
      <nav className="chips" aria-label="Outlets">
        <span className="switch-label">Outlets</span>
        {entityList(ex).map((e) => (
          <AppLink
            key={e.id}
            href={hrefFor(pathname, withState(state, { outlets: toggle(e.id), sel: null, at: null }))}
            className={chosen.includes(e.id) ? 'on' : undefined}
            aria-current={chosen.includes(e.id) ? 'true' : undefined}
          >
            {chosen.includes(e.id) ? '✓ ' : '+ '}
            {e.name}
          </AppLink>
        ))}
      </nav>
      {!group || !ts ? (
        <p className="card">Choose a term group above to chart its variants over time.</p>
      ) : (
        <>
          <p className="lede">
            Each point is one variant&apos;s share of the {group.short} mentions in one period ({ts.bin}), with its
            article-level 95% interval; hollow points are periods with fewer than {SPARSE_N} mentions, too few to read
            as a trend. Click a point for its sentences. Counted: {filterCaption(state)}.
          </p>
          {!chosen.length && ids.length < all.length && (
            <p className="counts" data-testid="series-default">
              Showing the {ids.length} of {all.length} outlets with the most {group.short} mentions; pick outlets above
              to chart others.
            </p>
          )}
          {ts.changes.length > 0 && (
            <ul className="card change-list" data-testid="change-points">
              {ts.changes.map((c) => {
                const articles = ts.rows.find((r) => r.outlet === c.outlet && r.period === c.period)?.groupArticles;
                return (
                  <li key={`${c.outlet}-${c.period}`}>
                    <strong>{entityName(ex, c.outlet)}</strong>, {c.period}: “{label(group, c.to)}” overtakes “
                    {label(group, c.from)}” as the most used ({countOf(c.n, `${group.short} mention`)}
                    {articles === undefined ? '' : ` in ${countOf(articles, 'article')}`} that {ts.bin}; “
                    {label(group, c.from)}” led in {c.previous} before).
                  </li>
                );
              })}
            </ul>
          )}
          {ids.map((id) => (
            <section key={id} id={`series-${id}`} className="card" data-testid={`series-${id}`}>
              <h2>{entityName(ex, id)}</h2>
              {/* On a phone the periods would be too thin to tap and the axis unreadable, so the chart scrolls. */}
              <p className="note phone-only">
                The chart opens on the most recent periods; scroll sideways for earlier ones.
              </p>
              <TimeSeriesChart
                frame={frame}
                name={entityName(ex, id)}
                data={timeSeriesData(
                  ts.rows,
                  id,
                  frame.periods,
                  variants,
                  ts.changes.filter((c) => c.outlet === id).map((c) => c.period),
                )}
              />
              {state.sel?.kind === 'mentions' && state.sel.outlet === id && (
                <>
                  <p className="note" data-testid="time-drill">
                    Sentences of {state.at}:
                  </p>
                  <Kwic drill={drill} ex={ex} state={state} pathname={pathname} />
                </>
              )}
            </section>
          ))}
        </>
      )}
    </Shell>
  );
}

function label(group: { variants: { id: string; label: string }[] }, id: string): string {
  return group.variants.find((v) => v.id === id)?.label ?? id;
}
