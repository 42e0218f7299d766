'use client';
import dynamic from 'next/dynamic';
import type { ChartRow } from '@/lib/view/charts';

/** Props of the one generic bar chart: flat rows, an index key, category keys, and a value formatter. */
export interface BarChartBaseProps {
  data: ChartRow[];
  index: string;
  categories: string[];
  labels?: Record<string, string>;
  valueFormatter?: (value: number) => string;
  colors?: string[];
  stacked?: boolean;
  domain?: [number, number];
  /** Text drawn on a bar segment (e.g. its count); null draws nothing. */
  barLabel?: (row: ChartRow, category: string) => string | null;
  errorBars?: { low: string; high: string };
  referenceAt?: number;
  /** Colour per bar, overriding the category colour (e.g. significance). */
  cellColor?: (row: ChartRow, category: string) => string | undefined;
  onValueClick?: (row: ChartRow, category: string) => void;
  legend?: boolean;
  indexWidth?: number;
}

/** The chart's height in pixels: axis room, one band per row, and the legend. */
export function barChartHeight(p: Pick<BarChartBaseProps, 'data' | 'legend'>): number {
  return 48 + p.data.length * 38 + (p.legend ? 44 : 0);
}

// recharts is most of a page's script, and charts size themselves in the browser anyway (they render nothing on the
// server), so it loads after the page, in its own chunk; the reserved height keeps the page from jumping.
const Chart = dynamic(() => import('./BarChartRecharts').then((m) => m.BarChartRecharts), { ssr: false });

/** Horizontal bar chart (stacked or not) with optional error bars, labels and click-through. */
export function BarChartBase(p: BarChartBaseProps) {
  return (
    <div style={{ minHeight: barChartHeight(p) }}>
      <Chart {...p} />
    </div>
  );
}
