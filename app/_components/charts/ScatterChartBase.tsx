'use client';
import dynamic from 'next/dynamic';

/** One point of the generic scatter: its position, id, colour, and the text its tooltip shows. */
export interface ScatterDatum {
  id: string;
  x: number;
  y: number;
  color: string;
  /** Drawn larger and outlined (e.g. a lexicon term). */
  emphasis?: boolean;
  tooltip: string;
}

/** Props of the one generic scatter chart. */
export interface ScatterChartBaseProps {
  data: ScatterDatum[];
  xLabel: string;
  yLabel: string;
  /** A logarithmic x axis (counts spanning orders of magnitude). */
  xLog?: boolean;
  height?: number;
  /** A horizontal reference line (e.g. z = 0). */
  referenceY?: number;
  onPointClick?: (id: string) => void;
}

// recharts loads after the page in its own chunk, as for the bar charts; the reserved height keeps the page still.
const Chart = dynamic(() => import('./ScatterChartRecharts').then((m) => m.ScatterChartRecharts), { ssr: false });

/** A scatter chart of labelled points with tooltips and click-through. */
export function ScatterChartBase(p: ScatterChartBaseProps) {
  return (
    <div style={{ minHeight: p.height ?? 360 }}>
      <Chart {...p} />
    </div>
  );
}
