'use client';
import type { HeatmapSpec } from '@/lib/view/actors';
import { useDrillDown } from '../useViewState';
import { DIVERGING, evidenceWeight, hexToRgb } from '@/lib/view/palette';
import { HeatmapBase } from './HeatmapBase';

const BLUE = hexToRgb(DIVERGING.positive)
  .map((c) => Math.round(255 * c))
  .join(', ');

/** One outlet's actor × label counts, shaded by the share of the actor's labels; a click lists the mentions. */
export function ActorLabelHeatmap({
  spec,
  outlet,
  group,
}: {
  spec: Omit<HeatmapSpec, 'csv'>;
  outlet: string;
  group: string;
}) {
  const drill = useDrillDown();
  const share = (row: Record<string, unknown>, c: string) =>
    Number(row.n) > 0 ? Number(row[c] ?? 0) / Number(row.n) : 0;
  return (
    <HeatmapBase
      {...spec}
      cellWidth={52}
      color={(v, row, c) => {
        // Shade by share, damped by the actor's number of labels: one label out of one is not a certainty.
        const a = share(row, c) * evidenceWeight(Number(row.n));
        if (!v) return { fill: 'transparent', text: 'var(--muted)' };
        return { fill: `rgba(${BLUE}, ${(0.12 + 0.88 * a).toFixed(3)})`, text: a > 0.5 ? '#fff' : 'var(--fg)' };
      }}
      cellText={(row, c) => String(row[c] ?? 0)}
      cellTitle={(row, c) =>
        `${row.actor} called "${spec.labels[c]}": ${row[c]} of ${row.n} attributed labels (${Math.round(100 * share(row, c))}%)`
      }
      rowNote={{
        header: 'n',
        text: (row) => `n=${row.n}`,
        onClick: (row) => drill({ kind: 'actor', outlet, actor: String(row.id), group, variant: null }),
      }}
      onCellClick={(row, c) => drill({ kind: 'actor', outlet, actor: String(row.id), group, variant: c })}
    />
  );
}
