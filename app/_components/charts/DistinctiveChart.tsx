'use client';
import type { ChartSpec } from '@/lib/view/charts';
import { useDrillDown } from '../useViewState';
import { BarChartBase } from './BarChartBase';

/**
 * Diverging log-odds z-scores; bars marked distinctive (BH q < 0.05 within the comparison) are drawn solid, the rest
 * pale; a click lists the mentions.
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
  domain: [number, number];
}) {
  const drill = useDrillDown();
  return (
    <BarChartBase
      {...spec}
      categories={['z']}
      domain={domain}
      referenceAt={0}
      indexWidth={200}
      valueFormatter={(v) => v.toFixed(2)}
      cellColor={(row) => {
        const z = Number(row.z);
        if (row.significant) return z > 0 ? '#4e79a7' : '#e15759';
        return z > 0 ? '#a9c1dc' : '#f1b1b2';
      }}
      onValueClick={(row) => drill({ kind: 'mentions', outlet, group, variant: String(row.id) })}
    />
  );
}
