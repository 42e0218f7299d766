import type { Metadata } from 'next';
import type { Opened, View } from '@/lib/server/dataset';
import { EMBEDS } from '@/lib/url/routes';
import { buildQuery } from '@/lib/url/state';
import { entityName } from '@/lib/view/entities';

/** What a view shows, in a few words, for its title and preview. */
function titleOf(view: View): string {
  const ex = view.stats;
  const id = view.route.id ?? '';
  const group = ex.groups.find((g) => g.id === view.query.group);
  switch (view.route.route.id) {
    case 'compare':
      return view.query.outlets.length >= 2
        ? view.query.outlets.map((o) => entityName(ex, o)).join(' vs ')
        : 'Compare outlets';
    case 'outlet':
      return `${entityName(ex, id)} against the rest`;
    case 'group':
      return ex.groups.find((g) => g.id === id)?.label ?? id;
    case 'article':
      return 'Article';
    case 'embed':
      return `${EMBEDS.find((e) => e.id === id)?.title ?? id}${group ? `: ${group.short}` : ''}`;
    case 'manage':
      return 'Corpus & lexicon';
    case 'provenance':
      return 'Whose words are these? Reuse and credits';
    case 'article-provenance':
      return 'Article provenance';
    default:
      return `How ${ex.outlets.length} outlets name the same events`;
  }
}

/** Title and Open Graph preview image (the chart drawn by /api/og) for an opened view. */
export function viewMetadata(opened: Opened): Metadata {
  if (!opened.ok) return { title: 'Bad link · Framescope' };
  const { view } = opened;
  const title = `${titleOf(view)} · ${view.stats.corpus.title}`;
  const og = new URLSearchParams(buildQuery({ ...view.query, sel: null, q: '', page: 1 }));
  og.set('chart', view.route.route.id === 'embed' ? (view.route.id ?? 'shares') : 'shares');
  if (!og.has('group')) og.set('group', view.stats.groups[0]?.id ?? '');
  return {
    title: `${title} — Framescope`,
    openGraph: { title, images: [{ url: `/api/og?${og.toString()}`, width: 1200, height: 630 }] },
  };
}
