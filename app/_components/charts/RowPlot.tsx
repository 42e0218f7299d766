'use client';
import { linearX, rowLayout, tickLabel, type SharedAxis } from '@/lib/view/plot';
import { signedColor, textOn } from '@/lib/view/palette';
import { useWidth } from './useWidth';

/** One row of a signed chart: its label, value (null: nothing to draw), optional interval, and whether it is marked. */
export interface PlotRow {
  id: string;
  label: string;
  value: number | null;
  low?: number | null;
  high?: number | null;
  /** Strong colour (e.g. distinctive); unmarked rows are drawn pale. */
  marked?: boolean;
}

/**
 * Signed values on a symmetric axis with 0 labelled: `bar` draws a bar from 0 (log-odds z), `dot` a marker with its
 * interval (stance, sentiment) so a value of exactly 0 is still visible. Values beyond the axis are drawn to the
 * edge with their value printed. Labels move above the plot on narrow screens.
 */
export function RowPlot({
  rows,
  axis,
  kind,
  format,
  axisLabel,
  onRowClick,
}: {
  rows: PlotRow[];
  axis: SharedAxis;
  kind: 'bar' | 'dot';
  format: (v: number) => string;
  axisLabel: string;
  onRowClick?: (row: PlotRow) => void;
}) {
  const { ref, width } = useWidth<HTMLDivElement>(560);
  const layout = rowLayout(width, Math.max(8, ...rows.map((r) => r.label.length)));
  const x = linearX(axis.max, layout.plotLeft, layout.plotWidth);
  const top = 6;
  const height = top + rows.length * layout.rowHeight + 40;
  const step = axis.ticks[1] - axis.ticks[0];
  const bottom = top + rows.length * layout.rowHeight;
  return (
    <div ref={ref} className="rowplot">
      <svg data-chart-svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} fontSize={12}>
        {axis.ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={top} y2={bottom} stroke={t === 0 ? 'var(--muted)' : 'var(--grid)'} />
            <text x={x(t)} y={bottom + 16} textAnchor="middle" fill="var(--muted)">
              {tickLabel(t, step)}
            </text>
          </g>
        ))}
        <text x={layout.plotLeft + layout.plotWidth / 2} y={bottom + 34} textAnchor="middle" fill="var(--muted)">
          {axisLabel}
        </text>
        {rows.map((r, i) => {
          const y0 = top + i * layout.rowHeight;
          const cy = layout.stacked ? y0 + 32 : y0 + layout.rowHeight / 2;
          const v = r.value;
          const color = v === null ? 'var(--muted)' : signedColor(v, r.marked ?? true);
          const beyond = v !== null && Math.abs(v) > axis.max;
          const click = onRowClick ? () => onRowClick(r) : undefined;
          return (
            <g key={r.id} data-testid="plot-row" onClick={click} style={{ cursor: click ? 'pointer' : undefined }}>
              <title>
                {`${r.label}: ${v === null ? 'nothing to draw' : format(v)}${r.low != null && r.high != null ? ` (95% CI ${format(r.low)} to ${format(r.high)})` : ''}`}
              </title>
              <rect x={0} y={y0} width={width} height={layout.rowHeight} fill="transparent" />
              <text
                x={layout.stacked ? layout.plotLeft : layout.labelWidth - 8}
                y={layout.stacked ? y0 + 14 : cy + 4}
                textAnchor={layout.stacked ? 'start' : 'end'}
                fill="var(--fg)"
              >
                {r.label}
              </text>
              {v === null ? (
                <text x={x(0) + 6} y={cy + 4} fill="var(--muted)">
                  no data
                </text>
              ) : kind === 'bar' ? (
                <rect
                  x={Math.min(x(0), x(v))}
                  y={cy - 9}
                  width={Math.max(1, Math.abs(x(v) - x(0)))}
                  height={18}
                  fill={color}
                  data-value={v}
                />
              ) : (
                <>
                  {r.low != null && r.high != null && (
                    <g stroke="var(--fg)" strokeWidth={1.5} data-interval={`${r.low},${r.high}`}>
                      <line x1={x(r.low)} x2={x(r.high)} y1={cy} y2={cy} />
                      <line x1={x(r.low)} x2={x(r.low)} y1={cy - 6} y2={cy + 6} />
                      <line x1={x(r.high)} x2={x(r.high)} y1={cy - 6} y2={cy + 6} />
                    </g>
                  )}
                  <circle cx={x(v)} cy={cy} r={6} fill={color} stroke="var(--card)" strokeWidth={1.5} data-value={v} />
                </>
              )}
              {beyond && (
                <text
                  x={v! > 0 ? x(v!) - 4 : x(v!) + 4}
                  y={cy + 4}
                  textAnchor={v! > 0 ? 'end' : 'start'}
                  fill={textOn(signedColor(v!, r.marked ?? true))}
                  fontWeight={700}
                  data-testid="clipped-value"
                >
                  {`${v! > 0 ? '' : '◀ '}${format(v!)}${v! > 0 ? ' ▶' : ''}`}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
