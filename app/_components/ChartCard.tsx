import type { ReactNode } from 'react';
import type { CsvRow } from '@/lib/view/charts';
import { csvBody } from '@/lib/view/csvExport';
import { embedHeight } from '@/lib/view/embed';
import type { LegendItem } from '@/lib/view/figure';
import { AppLink } from './AppLink';
import { ChartActions, type ChartSource, type EmbedTarget } from './ChartActions';
import { NumbersTable, type TableCell } from './NumbersTable';
import { ScrollTable } from './ScrollTable';

export type { TableCell };

/**
 * A chart with its title, what it counts, a one-line takeaway (the full text summary is kept for screen readers), a
 * legend, the numbers as a table on demand, a link to how it is computed, and share/export actions.
 */
export function ChartCard(p: {
  id: string;
  title: string;
  /** The title of exported figures and CSVs: says what is compared (defaults to the title). */
  figureTitle?: string;
  counts: string;
  takeaway: string;
  summary: string;
  legend: LegendItem[];
  /** The Methods page section that explains this chart, with the view's corpus kept. */
  methods: string;
  version: string;
  source: ChartSource;
  csv: CsvRow[];
  embed: EmbedTarget;
  columns: string[];
  rows: TableCell[][];
  children: ReactNode;
  /** Let a wide chart scroll sideways on narrow screens instead of shrinking. */
  wide?: boolean;
  /** Make the numbers table only when it is opened (a chart of many points). */
  lazyTable?: boolean;
}) {
  const chart = (
    <div className="chart" role="img" aria-label={`Chart: ${p.title}. ${p.summary}`}>
      {p.children}
    </div>
  );
  return (
    <figure className="card" id={p.id} data-testid={`chart-${p.id}`} aria-labelledby={`${p.id}-title`}>
      <h3 id={`${p.id}-title`}>{p.title}</h3>
      <p className="counts">
        {p.counts}{' '}
        <AppLink href={p.methods} data-testid="methods-link">
          How is this computed?
        </AppLink>
      </p>
      {p.legend.length > 0 && (
        <ul className="legend" aria-label="Legend" data-testid="legend">
          {p.legend.map((l) => (
            <li key={l.label}>
              <span className="swatch" style={{ background: l.color }} aria-hidden="true" />
              {l.label}
            </li>
          ))}
        </ul>
      )}
      {p.wide ? (
        <ScrollTable label={`Chart: ${p.title} (scrolls sideways)`} sticky>
          {chart}
        </ScrollTable>
      ) : (
        chart
      )}
      <p className="takeaway" data-testid="takeaway">
        {p.takeaway}
      </p>
      <NumbersTable id={p.id} title={p.title} columns={p.columns} rows={p.rows} lazy={p.lazyTable} />
      <ChartActions
        chartId={p.id}
        title={p.figureTitle ?? p.title}
        takeaway={p.takeaway}
        legend={p.legend}
        csv={csvBody(p.csv)}
        embed={p.embed}
        embedHeight={embedHeight(p.rows.length)}
        version={p.version}
        source={p.source}
      />
      <figcaption className="visually-hidden">{p.summary}</figcaption>
    </figure>
  );
}
