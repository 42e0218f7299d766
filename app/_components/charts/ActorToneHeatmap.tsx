'use client';
import type { HeatmapSpec } from '@/lib/view/actors';
import { useDrillDown } from '../useViewState';
import { DIVERGING, evidenceWeight, hexToRgb } from '@/lib/view/palette';
import { HeatmapBase } from './HeatmapBase';
import { countOf } from '@/lib/view/plural';

const rgb = (hex: string) =>
  hexToRgb(hex)
    .map((c) => Math.round(255 * c))
    .join(', ');
const RED = rgb(DIVERGING.negative);
const BLUE = rgb(DIVERGING.positive);

/** Mean AFINN score per sentence naming each actor, per outlet, on a diverging scale; a click lists the sentences. */
export function ActorToneHeatmap({ spec, span }: { spec: Omit<HeatmapSpec, 'csv'>; span: number }) {
  const drill = useDrillDown();
  return (
    <HeatmapBase
      {...spec}
      cellWidth={84}
      color={(v, row, c) => {
        if (v === null) return { fill: 'transparent', text: 'var(--muted)' };
        // Saturation by size and evidence: a mean over one sentence is drawn pale whatever its value.
        const a = Math.min(1, Math.abs(v) / span) * evidenceWeight(Number(row[`n:${c}`] ?? 0));
        return {
          fill: `rgba(${v < 0 ? RED : BLUE}, ${(0.08 + 0.85 * a).toFixed(3)})`,
          text: a > 0.55 ? '#fff' : 'var(--fg)',
        };
      }}
      cellText={(row, c) =>
        typeof row[c] === 'number' ? `${(row[c] as number).toFixed(2)} (${row[`n:${c}`]})` : '— (0)'
      }
      cellTitle={(row, c) =>
        `${spec.labels[c]} about ${row.actor}: ${typeof row[c] === 'number' ? (row[c] as number).toFixed(2) : 'no'} mean AFINN per sentence, ${countOf(Number(row[`n:${c}`] ?? 0), 'sentence')}`
      }
      onCellClick={(row, c) => drill({ kind: 'tone', outlet: c, actor: String(row.id) })}
    />
  );
}
