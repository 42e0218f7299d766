'use client';
import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScatterChartBaseProps, ScatterDatum } from './ScatterChartBase';
import { useWidth } from './useWidth';

// Round ticks on a log axis (1, 2, 5, 10, 20, 50 …) within the data's range.
function logTicks(values: number[]): number[] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const out: number[] = [];
  for (let p = 1; p <= hi * 10; p *= 10) for (const m of [1, 2, 5]) if (m * p >= lo && m * p <= hi) out.push(m * p);
  return out;
}

/** A scatter chart of labelled points with tooltips and click-through (recharts). */
export function ScatterChartRecharts(p: ScatterChartBaseProps) {
  const { ref, width } = useWidth<HTMLDivElement>(560);
  const height = p.height ?? 360;
  const ticks = p.xLog && p.data.length ? logTicks(p.data.map((d) => d.x)) : undefined;
  return (
    <div ref={ref}>
      <ScatterChart width={width} height={height} margin={{ top: 8, right: 16, bottom: 28, left: 8 }}>
        <CartesianGrid stroke="var(--grid)" />
        <XAxis
          type="number"
          dataKey="x"
          scale={p.xLog ? 'log' : 'auto'}
          domain={p.xLog ? ['dataMin', 'dataMax'] : ['auto', 'auto']}
          allowDataOverflow={false}
          ticks={ticks}
          stroke="var(--muted)"
          fontSize={12}
          label={{ value: p.xLabel, position: 'insideBottom', offset: -16, fill: 'var(--muted)', fontSize: 12 }}
        />
        <YAxis
          type="number"
          dataKey="y"
          stroke="var(--muted)"
          fontSize={12}
          width={44}
          label={{ value: p.yLabel, angle: -90, position: 'insideLeft', fill: 'var(--muted)', fontSize: 12 }}
        />
        {p.referenceY !== undefined && <ReferenceLine y={p.referenceY} stroke="var(--muted)" />}
        <Tooltip
          cursor={{ strokeDasharray: '3 3' }}
          content={({ active, payload }) => {
            const d = active && payload?.[0] ? (payload[0].payload as ScatterDatum) : null;
            return d ? (
              <div
                className="tooltip"
                style={{ background: 'var(--card)', border: '1px solid var(--grid)', padding: 6 }}
              >
                {d.tooltip}
              </div>
            ) : null;
          }}
        />
        <Scatter
          data={p.data}
          isAnimationActive={false}
          cursor={p.onPointClick ? 'pointer' : undefined}
          onClick={
            p.onPointClick ? (e) => p.onPointClick!((e as unknown as { payload: ScatterDatum }).payload.id) : undefined
          }
          shape={(props: unknown) => {
            const s = props as { cx: number; cy: number; payload: ScatterDatum };
            return (
              <circle
                cx={s.cx}
                cy={s.cy}
                r={s.payload.emphasis ? 5 : 3}
                fill={s.payload.color}
                stroke={s.payload.emphasis ? 'var(--fg)' : 'none'}
                strokeWidth={1}
                fillOpacity={0.8}
              />
            );
          }}
        />
      </ScatterChart>
    </div>
  );
}
