'use client';
import type { ChartSpec } from '@/lib/view/charts';
import { useDrillDown } from '../useViewState';
import { BarChartBase } from './BarChartBase';

/** Stance index per outlet on a fixed [-1, 1] scale with its 95% interval; a click lists the mentions behind it. */
export function StanceChart({ spec, group }: { spec: ChartSpec; group: string }) {
  const drill = useDrillDown();
  return (
    <BarChartBase
      {...spec}
      categories={['stance']}
      domain={[-1, 1]}
      referenceAt={0}
      errorBars={{ low: 'low', high: 'high' }}
      valueFormatter={(v) => v.toFixed(2)}
      cellColor={(row) => (typeof row.stance === 'number' && row.stance < 0 ? '#e15759' : '#4e79a7')}
      onValueClick={(row) => drill({ kind: 'mentions', outlet: String(row.id), group, variant: null })}
    />
  );
}
