'use client';
import type { HeatmapSpec } from '@/lib/view/actors';
import { useDrillDown } from '../useViewState';
import { HeatmapBase } from './HeatmapBase';

/** Mean AFINN score per sentence naming each actor, per outlet, on a diverging scale; a click lists the sentences. */
export function ActorToneHeatmap({ spec, span }: { spec: Omit<HeatmapSpec, 'csv'>; span: number }) {
  const drill = useDrillDown();
  return (
    <HeatmapBase
      {...spec}
      cellWidth={84}
      color={(v) => {
        if (v === null) return { fill: 'transparent', text: 'var(--muted)' };
        const a = Math.min(1, Math.abs(v) / span);
        const rgb = v < 0 ? '225, 87, 89' : '78, 121, 167';
        return { fill: `rgba(${rgb}, ${(0.1 + 0.8 * a).toFixed(3)})`, text: a > 0.6 ? '#fff' : 'var(--fg)' };
      }}
      cellText={(row, c) =>
        typeof row[c] === 'number' ? `${(row[c] as number).toFixed(2)} (${row[`n:${c}`]})` : '— (0)'
      }
      cellTitle={(row, c) =>
        `${spec.labels[c]} about ${row.actor}: ${typeof row[c] === 'number' ? (row[c] as number).toFixed(2) : 'no'} mean AFINN per sentence, ${row[`n:${c}`]} sentences`
      }
      onCellClick={(row, c) => drill({ kind: 'tone', outlet: c, actor: String(row.id) })}
    />
  );
}
