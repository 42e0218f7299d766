'use client';
import type { ChartRow } from '@/lib/view/charts';

/** Fill and text colour of one cell. */
export interface CellColor {
  fill: string;
  text: string;
}

/** Props of the one generic heatmap: flat rows, an index key, category keys as columns, and a value formatter. */
export interface HeatmapBaseProps {
  data: ChartRow[];
  index: string;
  categories: string[];
  labels?: Record<string, string>;
  valueFormatter?: (value: number) => string;
  /** Cell colour from its value (null: no value). */
  color: (value: number | null, row: ChartRow, category: string) => CellColor;
  /** Text shown in a cell; defaults to the formatted value, or "—". */
  cellText?: (row: ChartRow, category: string) => string;
  /** Tooltip of a cell. */
  cellTitle?: (row: ChartRow, category: string) => string;
  /** A note at the end of each row, e.g. its total. */
  rowNote?: { header: string; text: (row: ChartRow) => string; onClick?: (row: ChartRow) => void };
  onCellClick?: (row: ChartRow, category: string) => void;
  /** Cell width in pixels (wide enough for the cell text). */
  cellWidth?: number;
}

const CELL_H = 30;
const NOTE_W = 64;
const CHAR_W = 7;

/**
 * A grid of coloured cells with their values, rows labelled by `index`, one column per category; cells click through.
 */
export function HeatmapBase(p: HeatmapBaseProps) {
  const CELL_W = p.cellWidth ?? 64;
  const fmt = p.valueFormatter ?? ((v: number) => String(v));
  const label = (c: string) => p.labels?.[c] ?? c;
  const indexW = Math.min(230, 16 + CHAR_W * Math.max(4, ...p.data.map((r) => String(r[p.index]).length)));
  // Column headers are drawn at an angle, so their height follows the longest label.
  const headerH = Math.min(130, 20 + 5.2 * Math.max(4, ...p.categories.map((c) => label(c).length)));
  const lastLabel = label(p.categories[p.categories.length - 1] ?? '').length;
  // The last rotated header reaches right of its column by about cos(35°) × its length.
  // Row labels are drawn in their own SVG that stays put (sticky) while the cells scroll sideways.
  const width =
    p.categories.length * CELL_W +
    (p.rowNote ? NOTE_W : 0) +
    Math.max(24, 5.4 * lastLabel - CELL_W / 2 - (p.rowNote ? NOTE_W : 0));
  const height = headerH + p.data.length * CELL_H + 4;
  const value = (r: ChartRow, c: string) => (typeof r[c] === 'number' ? (r[c] as number) : null);
  const headers = p.categories.map((c, j) => (
    <text key={c} transform={`translate(${j * CELL_W + CELL_W / 2},${headerH - 6}) rotate(-35)`} fill="var(--fg)">
      {label(c)}
    </text>
  ));
  return (
    <div className="heatmap-frame">
      {/* A copy of the column headers that stays at the top while the rows scroll under it (drawn over the headers
          of the chart itself, which figures export); its corner stays at the left while the columns scroll. */}
      <div className="heatmap-head" style={{ height: headerH, marginBottom: -headerH }} aria-hidden="true">
        <svg className="heatmap-corner" width={indexW} height={headerH} viewBox={`0 0 ${indexW} ${headerH}`}>
          <rect width={indexW} height={headerH} fill="var(--card)" />
        </svg>
        <svg width={width} height={headerH} viewBox={`0 0 ${width} ${headerH}`} fontSize={12}>
          <rect width={width} height={headerH} fill="var(--card)" />
          {headers}
          {p.rowNote && (
            <text x={p.categories.length * CELL_W + NOTE_W / 2} y={headerH - 6} textAnchor="middle" fill="var(--muted)">
              {p.rowNote.header}
            </text>
          )}
        </svg>
      </div>
      <div className="heatmap">
        <svg
          data-chart-svg
          className="heatmap-labels"
          width={indexW}
          height={height}
          viewBox={`0 0 ${indexW} ${height}`}
          fontSize={12}
          aria-hidden="true"
        >
          <rect width={indexW} height={height} fill="var(--card)" />
          {p.data.map((r, i) => (
            <text
              key={String(r.id ?? i)}
              x={indexW - 8}
              y={headerH + i * CELL_H + CELL_H / 2 + 4}
              textAnchor="end"
              fill="var(--fg)"
            >
              {String(r[p.index])}
            </text>
          ))}
        </svg>
        <svg
          data-chart-svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          fontSize={12}
          aria-hidden="true"
        >
          {headers}
          {p.rowNote && (
            <text x={p.categories.length * CELL_W + NOTE_W / 2} y={headerH - 6} textAnchor="middle" fill="var(--muted)">
              {p.rowNote.header}
            </text>
          )}
          {p.data.map((r, i) => {
            const y = headerH + i * CELL_H;
            return (
              <g key={String(r.id ?? i)}>
                {p.categories.map((c, j) => {
                  const v = value(r, c);
                  const col = p.color(v, r, c);
                  const x = j * CELL_W;
                  return (
                    <g
                      key={c}
                      onClick={p.onCellClick ? () => p.onCellClick!(r, c) : undefined}
                      style={{ cursor: p.onCellClick ? 'pointer' : undefined }}
                      data-testid="heat-cell"
                    >
                      {p.cellTitle && <title>{p.cellTitle(r, c)}</title>}
                      <rect
                        x={x + 1}
                        y={y + 1}
                        width={CELL_W - 2}
                        height={CELL_H - 2}
                        rx={3}
                        fill={col.fill}
                        stroke="var(--grid)"
                      />
                      <text
                        x={x + CELL_W / 2}
                        y={y + CELL_H / 2 + 4}
                        textAnchor="middle"
                        fill={col.text}
                        style={{ pointerEvents: 'none' }}
                      >
                        {p.cellText ? p.cellText(r, c) : v === null ? '—' : fmt(v)}
                      </text>
                    </g>
                  );
                })}
                {p.rowNote && (
                  <text
                    x={p.categories.length * CELL_W + NOTE_W / 2}
                    y={y + CELL_H / 2 + 4}
                    textAnchor="middle"
                    fill="var(--muted)"
                    onClick={p.rowNote.onClick ? () => p.rowNote!.onClick!(r) : undefined}
                    style={{ cursor: p.rowNote.onClick ? 'pointer' : undefined }}
                  >
                    {p.rowNote.text(r)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
