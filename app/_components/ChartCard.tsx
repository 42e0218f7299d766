import type { ReactNode } from 'react';
import type { CsvRow } from '@/lib/view/charts';
import { AppLink } from './AppLink';
import { ChartActions, type EmbedTarget } from './ChartActions';
import { ScrollTable } from './ScrollTable';

/** A table cell: its text, and the drill-down it opens. */
export interface TableCell {
  text: string;
  href?: string;
}

/** A chart with its title, what it counts, a text summary, the numbers as a table, and share/export actions. */
export function ChartCard(p: {
  id: string;
  title: string;
  counts: string;
  summary: string;
  version: string;
  csv: CsvRow[];
  embed: EmbedTarget;
  columns: string[];
  rows: TableCell[][];
  children: ReactNode;
  /** Let a wide chart scroll sideways on narrow screens instead of shrinking. */
  wide?: boolean;
}) {
  const chart = (
    <div className="chart" role="img" aria-label={`Chart: ${p.title}. ${p.summary}`}>
      {p.children}
    </div>
  );
  return (
    <figure className="card" id={p.id} data-testid={`chart-${p.id}`} aria-labelledby={`${p.id}-title`}>
      <h3 id={`${p.id}-title`}>{p.title}</h3>
      <p className="counts">{p.counts}</p>
      {p.wide ? <ScrollTable label={`Chart: ${p.title} (scrolls sideways)`}>{chart}</ScrollTable> : chart}
      <figcaption className="sr-summary">{p.summary}</figcaption>
      <details>
        <summary>Numbers in this chart (table)</summary>
        <ScrollTable label={`Numbers: ${p.title}`}>
          <table data-testid={`table-${p.id}`}>
            <thead>
              <tr>
                {p.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) =>
                    j === 0 ? (
                      <th key={j} scope="row">
                        {c.text}
                      </th>
                    ) : (
                      <td key={j}>
                        {c.href ? (
                          <AppLink href={c.href} scroll={false}>
                            {c.text}
                          </AppLink>
                        ) : (
                          c.text
                        )}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </details>
      <ChartActions chartId={p.id} title={p.title} csv={p.csv} embed={p.embed} version={p.version} />
    </figure>
  );
}
