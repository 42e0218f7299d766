'use client';
import type { ChartSpec } from '@/lib/view/charts';
import type { SharedAxis } from '@/lib/view/plot';
import { useDrillDown } from '../useViewState';
import { RowPlot } from './RowPlot';

/**
 * Diverging log-odds z-scores on a symmetric axis shared by the panels of a view; bars marked distinctive (BH q < 0.05
 * within the comparison) are drawn strong, the rest pale; a bar beyond the axis is clipped with its value printed; a
 * click lists the mentions.
 */
export function DistinctiveChart({
  spec,
  outlet,
  group,
  domain,
}: {
  spec: ChartSpec;
  outlet: string;
  group: string;
  domain: SharedAxis;
}) {
  const drill = useDrillDown();
  return (
    <RowPlot
      kind="bar"
      axis={domain}
      axisLabel="log-odds z-score (right: more typical of the first side)"
      format={(v) => v.toFixed(1)}
      rows={spec.data.map((r) => ({
        id: String(r.id),
        label: String(r.variant),
        value: typeof r.z === 'number' ? r.z : null,
        marked: r.significant === 1,
      }))}
      onRowClick={(r) => drill({ kind: 'mentions', outlet, group, variant: r.id })}
    />
  );
}
