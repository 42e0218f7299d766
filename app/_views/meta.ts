import type { Metadata } from 'next';
import { buildQuery, parseState } from '@/lib/url/state';
import type { SearchParams } from './resolve';

/** Title and Open Graph preview image (the chart drawn by /api/og) for a view URL. */
export async function viewMetadata(title: string, searchParams: SearchParams, chart: { kind: string; group?: string }): Promise<Metadata> {
  const { state } = parseState(await searchParams);
  const og = new URLSearchParams(buildQuery({ ...state, sel: null, q: '' }));
  og.set('chart', chart.kind);
  if (chart.group) og.set('group', chart.group);
  return {
    title: `${title} · Framescope`,
    openGraph: { title, images: [{ url: `/api/og?${og.toString()}`, width: 1200, height: 630 }] },
  };
}
