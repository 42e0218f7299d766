'use client';
import type { ChartSpec } from '@/lib/view/charts';
import type { Metric } from '@/lib/url/state';
import { useDrillDown } from '../useViewState';
import { BarChartBase } from './BarChartBase';

const FORMAT: Record<Metric, (v: number) => string> = {
  share: (v) => `${Math.round(v)}%`,
  count: (v) => String(v),
  per1k: (v) => v.toFixed(2),
};

/**
 * Term choices per outlet: 100% stacked shares (or counts, or rates) with the count on each segment, in each
 * variant's own colour (the card draws the legend, so exported figures carry it); a click drills down.
 */
export function SharesChart({ spec, group, metric }: { spec: ChartSpec; group: string; metric: Metric }) {
  const drill = useDrillDown();
  return (
    <BarChartBase
      {...spec}
      stacked
      domain={metric === 'share' ? [0, 100] : undefined}
      valueFormatter={FORMAT[metric]}
      barLabel={(row, c) => {
        const n = row[`count:${c}`];
        return typeof n === 'number' && n > 0 ? String(n) : null;
      }}
      onValueClick={(row, c) => drill({ kind: 'mentions', outlet: String(row.id), group, variant: c })}
    />
  );
}
