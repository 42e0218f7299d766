'use client';
import { useState } from 'react';
import { apaCitation, bibtexCitation } from '@/lib/view/cite';
import { csvWithSource } from '@/lib/view/csvExport';
import { figureSvg, type LegendItem } from '@/lib/view/figure';
import { hrefFor, withState, type ViewState } from '@/lib/url/state';
import { useViewState } from './useViewState';
import { EmbedSnippet } from './EmbedSnippet';

function download(name: string, blob: Blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// The chart's own drawing: the bar chart's surface, or the SVGs our charts and heatmaps mark (a heatmap draws its
// sticky row labels and its cells as two, side by side).
function chartElements(chartId: string): SVGSVGElement[] {
  const id = CSS.escape(chartId);
  return [
    ...document.querySelectorAll<SVGSVGElement>(
      `#${id} .recharts-wrapper svg.recharts-surface, #${id} svg[data-chart-svg]`,
    ),
  ];
}

// Bar charts load their drawing code after the page, so an export clicked straight away waits for the chart.
async function loadedChart(chartId: string, ms = 8000): Promise<{ svg: string; width: number; height: number } | null> {
  const until = Date.now() + ms;
  for (;;) {
    const els = chartElements(chartId);
    if (els.length) return joined(els);
    if (Date.now() > until) return null;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function joined(els: SVGSVGElement[]): { svg: string; width: number; height: number } {
  let x = 0;
  let height = 0;
  const parts = els.map((el) => {
    const { width: w, height: h } = el.getBoundingClientRect();
    const clone = el.cloneNode(true) as SVGSVGElement;
    clone.setAttribute('x', String(Math.round(x)));
    clone.setAttribute('width', String(Math.round(w)));
    clone.setAttribute('height', String(Math.round(h)));
    // A chart drawn in its own units (a viewBox scaled to the page) keeps them; the others are drawn in pixels.
    if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${Math.round(w)} ${Math.round(h)}`);
    clone.removeAttribute('style');
    clone.removeAttribute('class');
    x += w;
    height = Math.max(height, h);
    return new XMLSerializer().serializeToString(clone);
  });
  const width = Math.round(x);
  height = Math.round(height);
  return {
    svg: `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`,
    width,
    height,
  };
}

/** Where a chart's numbers come from, for the source line of its figure and the header of its CSV. */
export interface ChartSource {
  corpus: string;
  corpusTitle: string;
  filters: string;
  attribution: string | null;
}

/** What an embed shows: its chart route and the state that chart needs (outlets, group), or null for none. */
export type EmbedTarget = { path: string; state: Partial<ViewState> } | null;

/** Copy link, figure downloads (PNG, 2x PNG, SVG, light or dark), the CSV with its source, and the embed snippet. */
export function ChartActions({
  chartId,
  title,
  takeaway,
  legend,
  csv,
  embed,
  embedHeight,
  version,
  source,
}: {
  chartId: string;
  title: string;
  takeaway: string;
  legend: LegendItem[];
  /** The chart's rows as rounded CSV text (csvBody), made on the server. */
  csv: string;
  embed: EmbedTarget;
  embedHeight: number;
  version: string;
  source: ChartSource;
}) {
  const { state, pathname } = useViewState();
  const [status, setStatus] = useState('');
  const [dark, setDark] = useState(false);
  const [cite, setCite] = useState<{ apa: string; bibtex: string } | null>(null);
  const pinned = withState(state, { version });
  const base = chartId.replace(/[^a-z0-9-]/gi, '-');
  const link = () => `${window.location.origin}${hrefFor(pathname, pinned)}#${chartId}`;
  const sourceLines = () => [
    `Source: Framescope, ${source.corpusTitle} (corpus ${source.corpus}, version ${version}); ${source.filters}.`,
    `${link()} · exported ${new Date().toISOString().slice(0, 10)}`,
    ...(source.attribution ? [source.attribution] : []),
  ];
  const copy = async () => {
    const url = link();
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied');
    } catch {
      window.prompt('Copy this link', url);
      setStatus('Link shown for copying');
    }
  };
  const figure = async () => {
    const chart = await loadedChart(chartId);
    if (!chart) {
      setStatus('The chart has not loaded; try again in a moment');
      return null;
    }
    return figureSvg({
      title,
      takeaway,
      legend,
      chart,
      source: sourceLines(),
      theme: dark ? 'dark' : 'light',
    });
  };
  const svg = async () => {
    const f = await figure();
    if (f) download(`${base}.svg`, new Blob([f.svg], { type: 'image/svg+xml' }));
  };
  const png = async (scale: number) => {
    const f = await figure();
    if (!f) return;
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = f.width * scale;
      canvas.height = f.height * scale;
      const ctx = canvas.getContext('2d')!;
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, f.width, f.height);
      canvas.toBlob((b) => b && download(`${base}${scale > 1 ? `@${scale}x` : ''}.png`, b), 'image/png');
    };
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(f.svg)}`;
  };
  const csvFile = () =>
    download(
      `${base}.csv`,
      new Blob(
        [
          csvWithSource(csv, {
            title,
            corpus: source.corpus,
            corpusTitle: source.corpusTitle,
            version,
            filters: source.filters,
            url: link(),
            exported: new Date().toISOString().slice(0, 10),
            attribution: source.attribution ?? undefined,
          }),
        ],
        { type: 'text/csv' },
      ),
    );
  return (
    <div className="actions" role="group" aria-label={`Share and export: ${title}`}>
      <button type="button" onClick={copy} data-testid="copy-link">
        Copy link
      </button>
      <button type="button" onClick={() => png(1)} data-testid="export-png">
        PNG
      </button>
      <button type="button" onClick={() => png(2)} aria-label="PNG at twice the size" data-testid="export-png2">
        PNG 2×
      </button>
      <button type="button" onClick={svg} data-testid="export-svg">
        SVG
      </button>
      <label className="check">
        <input type="checkbox" checked={dark} onChange={(e) => setDark(e.target.checked)} /> dark figure
      </label>
      <button type="button" onClick={csvFile} data-testid="export-csv">
        CSV
      </button>
      {embed && (
        <EmbedSnippet
          path={hrefFor(
            embed.path,
            withState(pinned, { ...embed.state, sel: null, q: '', sort: 'position', lens: null, page: 1 }),
          )}
          title={title}
          height={embedHeight}
        />
      )}
      <button
        type="button"
        aria-expanded={cite !== null}
        data-testid="cite-button"
        onClick={() => {
          if (cite) return setCite(null);
          const c = {
            title,
            url: link(),
            corpusTitle: source.corpusTitle,
            corpusId: source.corpus,
            version,
            attribution: source.attribution,
            accessed: new Date().toISOString().slice(0, 10),
          };
          setCite({ apa: apaCitation(c), bibtex: bibtexCitation(c) });
        }}
      >
        Cite
      </button>
      <span role="status" aria-live="polite" className="muted">
        {status}
      </span>
      {cite && (
        <div className="embed-snippet" data-testid="cite">
          <label className="field wide">
            APA
            <textarea readOnly rows={3} value={cite.apa} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <label className="field wide">
            BibTeX
            <textarea readOnly rows={7} value={cite.bibtex} onFocus={(e) => e.currentTarget.select()} />
          </label>
        </div>
      )}
    </div>
  );
}
