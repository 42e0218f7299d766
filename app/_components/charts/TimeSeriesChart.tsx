'use client';
import { useState, useSyncExternalStore } from 'react';
import { variantColor } from '@/lib/view/palette';
import { csvBody } from '@/lib/view/csvExport';
import {
  cellShare,
  intervalText,
  isSparse,
  pointTitle,
  rateTitle,
  timeSeriesCsv,
  timeSeriesTakeaway,
  type TimeCell,
  type TimeSeriesData,
} from '@/lib/view/timeChart';
import { StayLink } from '../AppLink';
import { ChartActions, type ChartSource } from '../ChartActions';
import { ScrollTable } from '../ScrollTable';
import { useViewState } from '../useViewState';

/** What every outlet's chart of one group shares: the periods, the group and its variants, and their source. */
export interface TimeSeriesFrame {
  periods: string[];
  bin: string;
  group: { id: string; short: string };
  variants: { id: string; label: string }[];
  version: string;
  source: ChartSource;
}

const noop = () => () => {};

// False while the server renders and while the page hydrates, true after: the points are drawn only in the browser.
function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

const W = 282;
// Styles as attributes, not classes, so a downloaded figure (which carries no stylesheet) looks as the page does.
const GRID = { stroke: 'rgba(127, 127, 127, 0.4)', strokeWidth: 0.15, strokeDasharray: '1 1' };
const CHANGE = { stroke: 'rgba(127, 127, 127, 0.8)', strokeWidth: 0.25, strokeDasharray: '0.6 0.6' };
const AXIS = { fontSize: 2.6, fill: 'var(--fg)', fillOpacity: 0.75 };
const y = (v: number) => 4 + (1 - v) * 52;

/**
 * One outlet's naming over time: each variant's share per period with its interval (hollow and without one when the
 * period is sparse), change points, and attention bars; a point opens its sentences. The server renders the frame;
 * the points, one link each, are drawn in the browser from the compact series (see lib/view/timeChart.ts).
 */
export function TimeSeriesChart({ frame, data, name }: { frame: TimeSeriesFrame; data: TimeSeriesData; name: string }) {
  const hydrated = useHydrated();
  const { href } = useViewState();
  const { periods, group, variants } = frame;
  const n = periods.length;
  const x = (i: number) => 14 + (i + 0.5) * (W / n);
  const maxRate = Math.max(0, ...data.cells.map((c) => c.r ?? 0));
  const readable = data.cells.filter((c) => c.n > 0 && !isSparse(c));
  return (
    <>
      <div className="time-scroll">
        <svg
          viewBox="0 0 300 84"
          className="time-chart"
          role="group"
          aria-label={`${group.short} shares per period, ${name}`}
          data-chart-svg
        >
          {[0, 0.5, 1].map((t) => (
            <g key={t}>
              <line x1={14} x2={296} y1={y(t)} y2={y(t)} {...GRID} />
              <text x={12} y={y(t) + 1.2} {...AXIS} textAnchor="end">
                {t * 100}%
              </text>
            </g>
          ))}
          {periods.map((p, i) =>
            i === 0 || p.slice(0, 4) !== periods[i - 1].slice(0, 4) ? (
              <text key={p} x={x(i)} y={83} {...AXIS}>
                {p.slice(0, 4)}
              </text>
            ) : null,
          )}
          {hydrated && (
            <>
              {variants.map((v, vi) => (
                <polyline
                  key={v.id}
                  fill="none"
                  stroke={variantColor(vi)}
                  strokeWidth={0.25}
                  strokeOpacity={0.6}
                  points={readable.map((c) => `${x(c.i)},${y(cellShare(c, vi) ?? 0)}`).join(' ')}
                />
              ))}
              {data.changes.map((i) => (
                <line key={i} x1={x(i)} x2={x(i)} y1={2} y2={60} {...CHANGE} />
              ))}
              {variants.map((v, vi) =>
                data.cells.map((c) => {
                  const share = cellShare(c, vi);
                  if (share === null || c.c[vi] === 0) return null;
                  const sparse = isSparse(c);
                  return (
                    <StayLink
                      key={`${v.id}-${c.i}`}
                      href={href({
                        sel: { kind: 'mentions', outlet: data.outlet, group: group.id, variant: v.id },
                        at: periods[c.i],
                      })}
                      data-testid="time-point"
                    >
                      <title>{pointTitle(c, vi, v.label, periods[c.i])}</title>
                      {c.lo && c.hi && (
                        <line
                          x1={x(c.i)}
                          x2={x(c.i)}
                          y1={y(c.hi[vi])}
                          y2={y(c.lo[vi])}
                          stroke={variantColor(vi)}
                          strokeWidth={0.3}
                        />
                      )}
                      {/* A pale ring around each point keeps the darkest variant colours visible on a dark card. */}
                      <circle cx={x(c.i)} cy={y(share)} r={1.3} className="halo" fill="none" stroke="none" />
                      <circle
                        cx={x(c.i)}
                        cy={y(share)}
                        r={1}
                        fill={sparse ? 'none' : variantColor(vi)}
                        stroke={variantColor(vi)}
                        strokeWidth={0.3}
                      />
                    </StayLink>
                  );
                }),
              )}
              {data.cells.map((c) => {
                const h = c.r && maxRate ? (c.r / maxRate) * 14 : 0;
                const bw = Math.max((W / n) * 0.8, 0.3);
                return (
                  <rect key={c.i} x={x(c.i) - bw / 2} y={78 - h} width={bw} height={h} fill="rgba(127, 127, 127, 0.5)">
                    <title>{rateTitle(c, group.short, periods[c.i])}</title>
                  </rect>
                );
              })}
            </>
          )}
        </svg>
      </div>
      <p className="note">
        {variants.map((v, vi) => (
          <span key={v.id} className="time-key">
            <span className="swatch" style={{ background: variantColor(vi) }} aria-hidden="true" />
            {v.label}
          </span>
        ))}
        Bars below: attention, the group&apos;s mentions per 1,000 tokens in each period (highest {maxRate.toFixed(2)}).{' '}
        <span className="nowrap">
          {periods[0]} to {periods[n - 1]}.
        </span>
      </p>
      <TimeSeriesTable frame={frame} data={data} name={name} />
      <ChartActions
        chartId={`series-${data.outlet}`}
        title={`${name}: naming of ${group.short} over time`}
        takeaway={timeSeriesTakeaway(
          data,
          variants.map((v) => v.label),
          group.short,
          frame.bin,
        )}
        legend={variants.map((v, vi) => ({ label: v.label, color: variantColor(vi) }))}
        csv={csvBody(
          timeSeriesCsv(
            data,
            periods,
            variants.map((v) => v.id),
          ),
        )}
        embed={null}
        embedHeight={0}
        version={frame.version}
        source={frame.source}
      />
    </>
  );
}

// The table is made when opened: with weekly periods it has thousands of cells that most readers never open.
function TimeSeriesTable({ frame, data, name }: { frame: TimeSeriesFrame; data: TimeSeriesData; name: string }) {
  const [open, setOpen] = useState(false);
  const { periods, group, variants } = frame;
  const rows = data.cells.filter((c) => c.n > 0);
  return (
    <details data-testid={`series-table-${data.outlet}`} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Numbers in this chart (periods with mentions)</summary>
      {open && (
        <ScrollTable label={`${group.short} per period, ${name}`} sticky>
          <table>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">n (articles)</th>
                {variants.map((v) => (
                  <th key={v.id} scope="col">
                    {v.label}
                  </th>
                ))}
                <th scope="col">per 1,000 tokens</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <TableRow key={c.i} cell={c} period={periods[c.i]} />
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </details>
  );
}

function TableRow({ cell, period }: { cell: TimeCell; period: string }) {
  return (
    <tr>
      <th scope="row">{period}</th>
      <td>
        {cell.n} ({cell.k}){isSparse(cell) ? ' · sparse' : ''}
      </td>
      {cell.c.map((count, vi) => {
        const interval = intervalText(cell, vi);
        return (
          <td key={vi}>
            {count} · {Math.round((cellShare(cell, vi) ?? 0) * 100)}%{interval ? ` (${interval})` : ''}
          </td>
        );
      })}
      <td>{cell.r?.toFixed(2) ?? '—'}</td>
    </tr>
  );
}
