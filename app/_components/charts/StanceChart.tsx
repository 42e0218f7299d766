'use client';
import type { ChartSpec } from '@/lib/view/charts';
import { symmetricTicks } from '@/lib/view/plot';
import { useDrillDown } from '../useViewState';
import { RowPlot } from './RowPlot';

const AXIS = { max: 1, ticks: symmetricTicks(1), clipped: false };
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/**
 * Stance index per outlet on a fixed [-1, 1] scale: a marker at the mean (visible at exactly 0) with its article-level
 * 95% interval; a click lists the mentions behind it.
 */
export function StanceChart({ spec, group }: { spec: ChartSpec; group: string }) {
  const drill = useDrillDown();
  return (
    <RowPlot
      kind="dot"
      axis={AXIS}
      axisLabel="stance index (−1 to +1)"
      format={(v) => v.toFixed(2)}
      rows={spec.data.map((r) => ({
        id: String(r.id),
        label: String(r.entity),
        value: num(r.stance),
        low: num(r.low),
        high: num(r.high),
      }))}
      onRowClick={(r) => drill({ kind: 'mentions', outlet: r.id, group, variant: null })}
    />
  );
}
