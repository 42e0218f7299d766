import { filterCaption } from '@/lib/analysis/filters';
import { drillDown, timeseriesOf, type View } from '@/lib/server/dataset';
import { busiestOutlets, SPARSE_N } from '@/lib/time/series';
import { hrefFor, withState } from '@/lib/url/state';
import { entityList, entityName } from '@/lib/view/entities';
import { variantColor } from '@/lib/view/palette';
import { countOf } from '@/lib/view/plural';
import { AppLink, StayLink } from '../_components/AppLink';
import { Kwic } from '../_components/Kwic';
import { ScrollTable } from '../_components/ScrollTable';
import { Shell } from '../_components/Shell';
import { VoiceScope } from '../_components/Switches';

const BIN_CHOICES = ['auto', 'day', 'week', 'month', 'quarter'] as const;

/** Naming over time: each variant's share of a term group per period, per outlet, with attention and change points. */
export function TimePage({ view }: { view: View }) {
  const { stats: ex, query: state } = view;
  const pathname = '/time';
  const ts = timeseriesOf(view);
  const drill = drillDown(view);
  const group = ex.groups.find((g) => g.id === state.group);
  const chosen = state.outlets;
  const toggle = (id: string) => (chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);
  const all = ex.outlets.map((o) => o.id);
  const ids = chosen.length ? chosen : ts ? busiestOutlets(ts.rows, all) : all;
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
          {ids.map((id) => {
            const rows = ts.rows.filter((r) => r.outlet === id);
            // Looked up per period and variant below: an index keeps the page linear in its points (weeks × variants).
            const byPeriod = new Map<string, typeof rows>();
            for (const r of rows) {
              const list = byPeriod.get(r.period);
              if (list) list.push(r);
              else byPeriod.set(r.period, [r]);
            }
            const cell = (period: string, variant: string) => byPeriod.get(period)?.find((q) => q.variant === variant);
            const n = ts.periods.length;
            const x = (i: number) => 14 + (i + 0.5) * (282 / n);
            const y = (v: number) => 4 + (1 - v) * 52;
            const maxRate = Math.max(0, ...rows.map((r) => r.per1k ?? 0));
            return (
              <section key={id} className="card" data-testid={`series-${id}`}>
                <h2>{entityName(ex, id)}</h2>
                {/* On a phone the periods would be too thin to tap and the axis unreadable, so the chart scrolls. */}
                <p className="note phone-only">
                  The chart opens on the most recent periods; scroll sideways for earlier ones.
                </p>
                <div className="time-scroll">
                  <svg
                    viewBox="0 0 300 84"
                    className="time-chart"
                    role="group"
                    aria-label={`${group.short} shares per period, ${entityName(ex, id)}`}
                  >
                    {[0, 0.5, 1].map((t) => (
                      <g key={t}>
                        <line x1={14} x2={296} y1={y(t)} y2={y(t)} className="grid" />
                        <text x={12} y={y(t) + 1.2} className="axis" textAnchor="end">
                          {t * 100}%
                        </text>
                      </g>
                    ))}
                    {ts.periods.map((p, i) =>
                      i === 0 || p.id.slice(0, 4) !== ts.periods[i - 1].id.slice(0, 4) ? (
                        <text key={p.id} x={x(i)} y={83} className="axis">
                          {p.id.slice(0, 4)}
                        </text>
                      ) : null,
                    )}
                    {group.variants.map((v, vi) => (
                      <polyline
                        key={v.id}
                        fill="none"
                        stroke={variantColor(vi)}
                        strokeWidth={0.25}
                        strokeOpacity={0.6}
                        points={ts.periods
                          .flatMap((p, i) => {
                            const r = cell(p.id, v.id);
                            return r && r.share !== null && r.groupTotal >= SPARSE_N ? [`${x(i)},${y(r.share)}`] : [];
                          })
                          .join(' ')}
                      />
                    ))}
                    {ts.changes
                      .filter((c) => c.outlet === id)
                      .map((c) => {
                        const i = ts.periods.findIndex((p) => p.id === c.period);
                        return <line key={c.period} x1={x(i)} x2={x(i)} y1={2} y2={60} className="change" />;
                      })}
                    {group.variants.map((v, vi) =>
                      ts.periods.map((p, i) => {
                        const r = cell(p.id, v.id);
                        if (!r || r.share === null || r.count === 0) return null;
                        const sparse = r.groupTotal < SPARSE_N;
                        return (
                          <StayLink
                            key={`${v.id}-${p.id}`}
                            href={hrefFor(
                              pathname,
                              withState(state, {
                                sel: { kind: 'mentions', outlet: id, group: group.id, variant: v.id },
                                at: p.id,
                              }),
                            )}
                            data-testid="time-point"
                          >
                            <title>{`${v.label}, ${p.id}: ${r.count} of ${countOf(r.groupTotal, 'mention')} (${Math.round(r.share * 100)}%)${r.shareLow !== null && !sparse ? `, 95% ${Math.round(r.shareLow * 100)}–${Math.round((r.shareHigh ?? 0) * 100)}%` : sparse ? ', too few mentions to read' : ''}`}</title>
                            {!sparse && r.shareLow !== null && (
                              <line
                                x1={x(i)}
                                x2={x(i)}
                                y1={y(r.shareHigh!)}
                                y2={y(r.shareLow)}
                                stroke={variantColor(vi)}
                                strokeWidth={0.3}
                              />
                            )}
                            {/* A pale ring around each point keeps the darkest variant colours visible on a dark card. */}
                            <circle cx={x(i)} cy={y(r.share)} r={1.3} className="halo" />
                            <circle
                              cx={x(i)}
                              cy={y(r.share)}
                              r={1}
                              fill={sparse ? 'none' : variantColor(vi)}
                              stroke={variantColor(vi)}
                              strokeWidth={0.3}
                            />
                          </StayLink>
                        );
                      }),
                    )}
                    {ts.periods.map((p, i) => {
                      const r = byPeriod.get(p.id)?.[0];
                      const h = r?.per1k && maxRate ? (r.per1k / maxRate) * 14 : 0;
                      const bw = Math.max((282 / n) * 0.8, 0.3);
                      return (
                        <rect key={p.id} x={x(i) - bw / 2} y={78 - h} width={bw} height={h} className="rate">
                          <title>{`${p.id}: ${r?.per1k?.toFixed(2) ?? '—'} ${group.short} mentions per 1,000 tokens (${r?.groupTotal ?? 0} in ${r?.tokens ?? 0} tokens, ${countOf(r?.articles ?? 0, 'article')})`}</title>
                        </rect>
                      );
                    })}
                  </svg>
                </div>
                <p className="note">
                  {group.variants.map((v, vi) => (
                    <span key={v.id} className="time-key">
                      <span className="swatch" style={{ background: variantColor(vi) }} aria-hidden="true" />
                      {v.label}
                    </span>
                  ))}
                  Bars below: attention, the group&apos;s mentions per 1,000 tokens in each period (highest{' '}
                  {maxRate.toFixed(2)}).{' '}
                  <span className="nowrap">
                    {ts.periods[0].id} to {ts.periods[n - 1].id}.
                  </span>
                </p>
                <details data-testid={`series-table-${id}`}>
                  <summary>Numbers in this chart (periods with mentions)</summary>
                  <ScrollTable label={`${group.short} per period, ${entityName(ex, id)}`} sticky>
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">Period</th>
                          <th scope="col">n (articles)</th>
                          {group.variants.map((v) => (
                            <th key={v.id} scope="col">
                              {v.label}
                            </th>
                          ))}
                          <th scope="col">per 1,000 tokens</th>
                        </tr>
                      </thead>
                      <tbody>
                        {ts.periods.map((p) => {
                          const cells = byPeriod.get(p.id) ?? [];
                          if (!cells[0]?.groupTotal) return null;
                          return (
                            <tr key={p.id}>
                              <th scope="row">{p.id}</th>
                              <td>
                                {cells[0].groupTotal} ({cells[0].groupArticles})
                                {cells[0].groupTotal < SPARSE_N ? ' · sparse' : ''}
                              </td>
                              {cells.map((r) => (
                                <td key={r.variant}>
                                  {r.count} · {Math.round((r.share ?? 0) * 100)}%
                                  {r.groupTotal >= SPARSE_N && r.shareLow !== null
                                    ? ` (${Math.round(r.shareLow * 100)}–${Math.round((r.shareHigh ?? 0) * 100)}%)`
                                    : ''}
                                </td>
                              ))}
                              <td>{cells[0].per1k?.toFixed(2) ?? '—'}</td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  </ScrollTable>
                </details>
                {state.sel?.kind === 'mentions' && state.sel.outlet === id && (
                  <>
                    <p className="note" data-testid="time-drill">
                      Sentences of {state.at}:
                    </p>
                    <Kwic drill={drill} ex={ex} state={state} pathname={pathname} />
                  </>
                )}
              </section>
            );
          })}
        </>
      )}
    </Shell>
  );
}

function label(group: { variants: { id: string; label: string }[] }, id: string): string {
  return group.variants.find((v) => v.id === id)?.label ?? id;
}
