'use client';
import { useRouter } from 'next/navigation';
import { DIVERGING } from '@/lib/view/palette';
import { scatterTooltip, type ScatterData } from '@/lib/view/vocabulary';
import { useViewState } from '../useViewState';
import { ScatterChartBase } from './ScatterChartBase';

/**
 * Frequency against distinctiveness: each n-gram's uses on both sides (log scale) and its log-odds z; distinctive
 * n-grams (BH q < 0.05) in the diverging colours of their side, the rest grey; lexicon terms outlined. A click opens
 * the term's sentences.
 */
export function VocabularyScatter({ data, a, b }: { data: ScatterData; a: string; b: string }) {
  const router = useRouter();
  const { href } = useViewState();
  const color = (side: number) => (side > 0 ? DIVERGING.positive : side < 0 ? DIVERGING.negative : 'var(--muted)');
  return (
    <ScatterChartBase
      xLabel="uses on both sides (log scale)"
      yLabel="z"
      xLog
      referenceY={0}
      data={data.terms.map((term, i) => ({
        id: term,
        x: data.y[i] + data.yOther[i],
        y: data.z[i],
        color: color(data.side[i]),
        emphasis: data.lexicon[i] !== null,
        tooltip: scatterTooltip(data, i, a, b),
      }))}
      onPointClick={(term) => router.push(href({ term, q: '', sort: 'position' }), { scroll: false })}
    />
  );
}
