'use client';
import { useState } from 'react';
import { StayLink } from './AppLink';
import { ScrollTable } from './ScrollTable';

/** A table cell: its text, and the drill-down it opens. */
export interface TableCell {
  text: string;
  href?: string;
}

// A client component, so the page's payload carries each cell's text and href once, as data, instead of the table's
// markup (a row element, a cell element and a link per number): on the FA-KES overview that markup was a fifth of
// the page. The server still renders the table into the HTML, so it reads the same with or without scripts.

/** A chart's numbers as a table on demand (a closed disclosure), each number linked to its drill-down. */
export function NumbersTable({
  id,
  title,
  columns,
  rows,
  lazy,
}: {
  id: string;
  title: string;
  columns: string[];
  rows: TableCell[][];
  /** Made only when opened: for a chart of many points (a scatter), whose table would outweigh the page. */
  lazy?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Numbers in this chart (table)</summary>
      {(open || !lazy) && (
        <ScrollTable label={`Numbers: ${title}`} sticky>
          <table data-testid={`table-${id}`}>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) =>
                    j === 0 ? (
                      <th key={j} scope="row">
                        {c.text}
                      </th>
                    ) : (
                      <td key={j}>{c.href ? <StayLink href={c.href}>{c.text}</StayLink> : c.text}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </details>
  );
}
