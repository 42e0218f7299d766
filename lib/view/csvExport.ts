import { toCsv, type CsvRow } from './charts';

/** Columns that are p- or q-values: kept to 3 significant figures, since their small values matter. */
const SIGNIFICANT = new Set(['p', 'q']);

/**
 * A number as written to CSV: integers as they are; p- and q-values to 3 significant figures; everything else to 4
 * decimals (shares are proportions, so 0.0001 is a hundredth of a percentage point), which removes float noise such
 * as 5.551115123125783e-17.
 */
export function roundValue(column: string, v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return v;
  const r = SIGNIFICANT.has(column) ? Number(v.toPrecision(3)) : Number(v.toFixed(4));
  return r === 0 ? 0 : r;
}

/** Rows with every number rounded by roundValue. */
export function roundRows(rows: CsvRow[]): CsvRow[] {
  return rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? roundValue(k, v) : v])),
  );
}

/** Where an exported table comes from, written as comment lines above its header. */
export interface CsvSource {
  title: string;
  corpus: string;
  corpusTitle: string;
  version: string;
  filters: string;
  url: string;
  exported: string;
  attribution?: string;
}

/**
 * A CSV file: "# " comment lines naming the chart, corpus, version, filters, URL and date (read with
 * pandas `comment="#"` or R `comment.char = "#"`), then the rounded rows.
 */
export function csvDocument(rows: CsvRow[], s: CsvSource): string {
  return csvWithSource(csvBody(rows), s);
}

/**
 * The rounded rows as CSV text: what a page sends its export button, since text is a third the size of the row objects
 * in the page's payload and needs no rounding in the browser.
 */
export function csvBody(rows: CsvRow[]): string {
  return toCsv(roundRows(rows));
}

/** A CSV body (from csvBody) with its source comment lines above it. */
export function csvWithSource(body: string, s: CsvSource): string {
  const oneLine = (x: string) => x.replace(/[\r\n]+/g, ' ');
  const head = [
    `# ${oneLine(s.title)}`,
    `# corpus: ${oneLine(s.corpusTitle)} (${s.corpus}), version ${s.version}`,
    `# filters: ${oneLine(s.filters)}`,
    `# url: ${oneLine(s.url)}`,
    `# exported: ${s.exported} by Framescope; columns are described in the README (CSV columns)`,
    ...(s.attribution ? [`# source: ${oneLine(s.attribution)}`] : []),
  ];
  return `${head.join('\n')}\n${body}`;
}
