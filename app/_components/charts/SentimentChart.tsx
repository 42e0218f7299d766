'use client';
import { useRouter } from 'next/navigation';
import type { ChartSpec } from '@/lib/view/charts';
import { useViewState } from '../useViewState';
import { BarChartBase } from './BarChartBase';

/** Mean AFINN score per sentence per outlet with its 95% interval; a click lists the scored sentences. */
export function SentimentChart({ spec, domain }: { spec: ChartSpec; domain: [number, number] }) {
  const router = useRouter();
  const { href } = useViewState();
  return (
    <BarChartBase
      data={spec.data}
      index={spec.index}
      categories={['mean']}
      labels={spec.labels}
      domain={domain}
      referenceAt={0}
      errorBars={{ low: 'low', high: 'high' }}
      valueFormatter={(v) => v.toFixed(2)}
      cellColor={(row) => (typeof row.mean === 'number' && row.mean < 0 ? '#e15759' : '#59a14f')}
      onValueClick={(row) => router.push(href({ sel: { kind: 'sentiment', outlet: String(row.id) } }), { scroll: false })}
    />
  );
}
