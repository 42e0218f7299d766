'use client';
import { useState } from 'react';
import { toCsv, type CsvRow } from '@/lib/view/charts';
import { hrefFor, withState, type ViewState } from '@/lib/url/state';
import { AppLink } from './AppLink';
import { useViewState } from './useViewState';

function download(name: string, blob: Blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function chartSvg(chartId: string): string | null {
  const svg = document.querySelector<SVGSVGElement>(
    `#${CSS.escape(chartId)} .recharts-wrapper > svg.recharts-surface, #${CSS.escape(chartId)} svg[data-chart-svg]`,
  );
  if (!svg) return null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const style = getComputedStyle(document.documentElement);
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  let source = new XMLSerializer().serializeToString(clone);
  // CSS variables do not travel with the file: write their current values in.
  source = source.replace(
    /var\(--([a-z-]+)\)/g,
    (_m, name: string) => style.getPropertyValue(`--${name}`).trim() || '#888',
  );
  const bg = style.getPropertyValue('--card').trim() || '#fff';
  return source.replace(
    /^<svg([^>]*)>/,
    `<svg$1 font-family="system-ui, sans-serif"><rect width="100%" height="100%" fill="${bg}"/>`,
  );
}

// Bar charts load their drawing code after the page, so an export clicked straight away waits for the chart.
async function loadedChartSvg(chartId: string, ms = 8000): Promise<string | null> {
  const until = Date.now() + ms;
  for (;;) {
    const s = chartSvg(chartId);
    if (s || Date.now() > until) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What an embed link shows: its chart route and the state that chart needs (outlets, group), or null for none. */
export type EmbedTarget = { path: string; state: Partial<ViewState> } | null;

/** Copy link, downloads (PNG, SVG, CSV) and the embed link of one chart. */
export function ChartActions({
  chartId,
  title,
  csv,
  embed,
  version,
}: {
  chartId: string;
  title: string;
  csv: CsvRow[];
  embed: EmbedTarget;
  version: string;
}) {
  const { state, pathname } = useViewState();
  const [status, setStatus] = useState('');
  const pinned = withState(state, { version });
  const base = chartId.replace(/[^a-z0-9-]/gi, '-');
  const copy = async () => {
    const url = `${window.location.origin}${hrefFor(pathname, pinned)}#${chartId}`;
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied');
    } catch {
      window.prompt('Copy this link', url);
      setStatus('Link shown for copying');
    }
  };
  const svg = async () => {
    const s = await loadedChartSvg(chartId);
    if (!s) return setStatus('The chart has not loaded; try again in a moment');
    download(`${base}.svg`, new Blob([s], { type: 'image/svg+xml' }));
  };
  const png = async () => {
    const s = await loadedChartSvg(chartId);
    if (!s) return setStatus('The chart has not loaded; try again in a moment');
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = img.width * 2;
      canvas.height = img.height * 2;
      const ctx = canvas.getContext('2d')!;
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0);
      canvas.toBlob((b) => b && download(`${base}.png`, b), 'image/png');
    };
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(s)}`;
  };
  return (
    <div className="actions" role="group" aria-label={`Share and export: ${title}`}>
      <button type="button" onClick={copy} data-testid="copy-link">
        Copy link
      </button>
      <button type="button" onClick={png}>
        PNG
      </button>
      <button type="button" onClick={svg}>
        SVG
      </button>
      <button
        type="button"
        onClick={() => download(`${base}.csv`, new Blob([toCsv(csv)], { type: 'text/csv' }))}
        data-testid="export-csv"
      >
        CSV
      </button>
      {embed && (
        <AppLink
          href={hrefFor(
            embed.path,
            withState(pinned, { ...embed.state, sel: null, q: '', sort: 'position', lens: null }),
          )}
          data-testid="embed-link"
        >
          Embed
        </AppLink>
      )}
      <span role="status" aria-live="polite" className="muted">
        {status}
      </span>
    </div>
  );
}
