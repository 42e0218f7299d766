import { THEMES, type ThemeName } from './palette';

/**
 * Exported figures: a chart's SVG wrapped with everything it needs to stand alone (title, takeaway, legend, source
 * line with corpus, version, filters, URL and date), in the light theme unless asked, at a slide-friendly width.
 */

/** One legend entry: a swatch colour and what it means. */
export interface LegendItem {
  label: string;
  color: string;
}

/** What a figure shows besides the chart. */
export interface FigureInput {
  title: string;
  takeaway: string;
  legend: LegendItem[];
  /** The chart's own <svg> element as text, and its size in px. */
  chart: { svg: string; width: number; height: number };
  /** Source lines (corpus and version, filters, URL, date). */
  source: string[];
  theme: ThemeName;
}

/** Figure width in px at 1x: wide enough for a slide, and an article column at half size. */
export const FIGURE_WIDTH = 1200;

const PAD = 40;

/** XML-escaped text for SVG content and attributes. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Words of `text` broken into lines of at most `max` characters (a longer word gets a line of its own). */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (!word) continue;
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The chart's CSS variables replaced by the theme's colours (a downloaded file carries no stylesheet). */
export function resolveVars(svg: string, theme: ThemeName): string {
  const t = THEMES[theme] as Record<string, string>;
  return svg.replace(/var\(--([a-z-]{1,40})\)/g, (_m, name: string) => t[name] ?? t.fg);
}

/** A self-contained SVG figure and its size in px. */
export function figureSvg(f: FigureInput): { svg: string; width: number; height: number } {
  const t = THEMES[f.theme];
  const inner = FIGURE_WIDTH - 2 * PAD;
  const scale = Math.min(2, inner / f.chart.width);
  const parts: string[] = [];
  let y = PAD;
  const text = (s: string, size: number, color: string, weight = 400) => {
    y += size * 1.25;
    parts.push(
      `<text x="${PAD}" y="${y.toFixed(1)}" font-size="${size}" font-weight="${weight}" fill="${color}">${escapeXml(s)}</text>`,
    );
  };
  for (const l of wrapText(f.title, 62)) text(l, 30, t.fg, 700);
  y += 6;
  for (const l of wrapText(f.takeaway, 100)) text(l, 18, t.fg);
  y += 10;
  // Legend: swatches in rows that wrap at the figure width.
  let x = PAD;
  const rowH = 26;
  if (f.legend.length) y += 4;
  let legendTop = y;
  for (const item of f.legend) {
    const w = 30 + 8.6 * item.label.length;
    if (x > PAD && x + w > FIGURE_WIDTH - PAD) {
      x = PAD;
      legendTop += rowH;
    }
    parts.push(
      // A legend colour may be a theme variable (the grey of unmarked points), resolved as the chart's are.
      `<rect x="${x}" y="${legendTop + 4}" width="16" height="16" rx="3" fill="${resolveVars(item.color, f.theme)}" stroke="${t.grid}"/>`,
      `<text x="${x + 22}" y="${legendTop + 17}" font-size="15" fill="${t.fg}">${escapeXml(item.label)}</text>`,
    );
    x += w + 18;
  }
  y = f.legend.length ? legendTop + rowH + 10 : y;
  const chart = resolveVars(f.chart.svg, f.theme).replace(/^<svg\b/, '<svg x="0" y="0"');
  parts.push(`<g transform="translate(${PAD},${y.toFixed(1)}) scale(${scale.toFixed(4)})">${chart}</g>`);
  y += f.chart.height * scale + 12;
  parts.push(`<line x1="${PAD}" x2="${FIGURE_WIDTH - PAD}" y1="${y}" y2="${y}" stroke="${t.grid}"/>`);
  y += 4;
  for (const s of f.source) for (const l of wrapText(s, 130)) text(l, 14, t.muted);
  const height = Math.ceil(y + PAD / 2);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${FIGURE_WIDTH}" height="${height}" viewBox="0 0 ${FIGURE_WIDTH} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">` +
    `<title>${escapeXml(f.title)}</title>` +
    `<rect width="100%" height="100%" fill="${t.bg}"/>${parts.join('')}</svg>`;
  return { svg, width: FIGURE_WIDTH, height };
}
