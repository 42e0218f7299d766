'use client';
import { useRouter } from 'next/navigation';
import { DIVERGING } from '@/lib/view/palette';
import type { ScatterPoint } from '@/lib/view/vocabulary';
import { useViewState } from '../useViewState';
import { ScatterChartBase } from './ScatterChartBase';

/**
 * Frequency against distinctiveness: each n-gram's uses on both sides (log scale) and its log-odds z; distinctive
 * n-grams (BH q < 0.05) in the diverging colours of their side, the rest grey; lexicon terms outlined. A click opens
 * the term's sentences.
 */
export function VocabularyScatter({ points, a, b }: { points: ScatterPoint[]; a: string; b: string }) {
  const router = useRouter();
  const { href } = useViewState();
  const color = (side: number) => (side > 0 ? DIVERGING.positive : side < 0 ? DIVERGING.negative : 'var(--muted)');
  return (
    <ScatterChartBase
      xLabel="uses on both sides (log scale)"
      yLabel="z"
      xLog
      referenceY={0}
      data={points.map((p) => ({
        id: p.term,
        x: p.uses,
        y: p.z,
        color: color(p.side),
        emphasis: p.lexicon,
        tooltip: `"${p.term}": ${p.uses} uses, z ${p.z.toFixed(2)}${p.side ? ` (distinctive of ${p.side > 0 ? a : b})` : ''}${p.lexicon ? ', lexicon term' : ''}`,
      }))}
      onPointClick={(term) => router.push(href({ term, q: '', sort: 'position' }), { scroll: false })}
    />
  );
}
