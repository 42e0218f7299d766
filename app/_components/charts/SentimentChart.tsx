'use client';
import type { ChartSpec } from '@/lib/view/charts';
import type { SharedAxis } from '@/lib/view/plot';
import { useDrillDown } from '../useViewState';
import { RowPlot } from './RowPlot';

const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** Mean AFINN score per sentence per outlet, a marker with its 95% interval; a click lists the scored sentences. */
export function SentimentChart({ spec, axis }: { spec: ChartSpec; axis: SharedAxis }) {
  const drill = useDrillDown();
  return (
    <RowPlot
      kind="dot"
      axis={axis}
      axisLabel="mean AFINN score per sentence"
      format={(v) => v.toFixed(2)}
      rows={spec.data.map((r) => ({
        id: String(r.id),
        label: String(r.entity),
        value: num(r.mean),
        low: num(r.low),
        high: num(r.high),
      }))}
      onRowClick={(r) => drill({ kind: 'sentiment', outlet: r.id })}
    />
  );
}
