'use client';
import type { ChartSpec } from '@/lib/view/charts';
import { useDrillDown } from '../useViewState';
import { BarChartBase } from './BarChartBase';

/** Mean AFINN score per sentence per outlet with its 95% interval; a click lists the scored sentences. */
export function SentimentChart({ spec, domain }: { spec: ChartSpec; domain: [number, number] }) {
  const drill = useDrillDown();
  return (
    <BarChartBase
      {...spec}
      categories={['mean']}
      domain={domain}
      referenceAt={0}
      errorBars={{ low: 'low', high: 'high' }}
      valueFormatter={(v) => v.toFixed(2)}
      cellColor={(row) => (typeof row.mean === 'number' && row.mean < 0 ? '#e15759' : '#59a14f')}
      onValueClick={(row) => drill({ kind: 'sentiment', outlet: String(row.id) })}
    />
  );
}
