import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { Opened, View } from '@/lib/server/dataset';
import { EMBEDS } from '@/lib/url/routes';
import { buildQuery, hrefFor, withState } from '@/lib/url/state';
import { entityName } from '@/lib/view/entities';
import { OG_CHARTS } from '@/lib/view/ogModel';
import { publicOrigin } from '@/lib/view/origin';

/** What a view's preview draws: the chart, outlets and term group. */
function previewOf(view: View): { chart: string; outlets: string[]; group: string } {
  const ex = view.stats;
  const id = view.route.id ?? '';
  const first = ex.groups[0]?.id ?? '';
  const group = view.query.group ?? first;
  switch (view.route.route.id) {
    case 'embed':
      return {
        chart: (OG_CHARTS as readonly string[]).includes(id) ? id : 'shares',
        outlets: view.query.outlets,
        group,
      };
    case 'outlet':
      return { chart: 'distinctive', outlets: [id], group };
    case 'group':
      return { chart: 'shares', outlets: [], group: id };
    case 'time':
      return { chart: 'time', outlets: view.query.outlets.slice(0, 1), group };
    default:
      return { chart: 'shares', outlets: view.query.outlets, group };
  }
}

/** What a view shows, in words, for its title and preview (e.g. "Press TV vs VOA: What does … call the Islamic State?"). */
function titleOf(view: View): string {
  const ex = view.stats;
  const id = view.route.id ?? '';
  const p = previewOf(view);
  const g = ex.groups.find((x) => x.id === p.group);
  const who = (ids: string[]) =>
    ids.length === 0 ? `${ex.outlets.length} outlets` : ids.map((o) => entityName(ex, o)).join(' vs ');
  switch (view.route.route.id) {
    case 'compare':
      return view.query.outlets.length >= 2
        ? `${who(view.query.outlets)}: ${g?.label ?? 'how they name the same events'}`
        : 'Compare outlets';
    case 'outlet':
      return `${entityName(ex, id)} against the rest: distinctive terms for ${g?.short ?? ''}`;
    case 'group':
      return `${g?.label ?? id} (${ex.outlets.length} outlets)`;
    case 'article':
      return 'Article';
    case 'embed': {
      const chart = EMBEDS.find((e) => e.id === id)?.title ?? id;
      const outlets = id === 'distinctive' && p.outlets.length === 1 ? [...p.outlets, 'rest'] : p.outlets;
      return `${who(outlets)}: ${chart}${g && EMBEDS.find((e) => e.id === id)?.needsGroup ? `, ${g.short}` : ''}`;
    }
    case 'time':
      return `${p.outlets.length ? who(p.outlets) : 'Outlets'}: naming of ${g?.short ?? 'a term group'} over time`;
    case 'stories':
      return 'Stories: what each outlet called the same actors in the same events';
    case 'manage':
      return 'Corpus & lexicon';
    case 'methods':
      return 'Methods: how every number is computed';
    case 'provenance':
      return 'Whose words are these? Reuse and credits';
    case 'article-provenance':
      return 'Article provenance';
    case 'vocabulary': {
      const [a, b] = view.query.outlets;
      return a
        ? `${entityName(ex, a)} against ${b ? entityName(ex, b) : 'the rest'}: distinctive vocabulary`
        : 'Distinctive vocabulary';
    }
    case 'search':
      return view.query.term ? `Search: "${view.query.term}" in ${ex.outlets.length} outlets` : 'Search';
    default:
      return `How ${ex.outlets.length} outlets name the same events: ${g?.label ?? ''}`;
  }
}

/**
 * Title, description, canonical URL and Open Graph preview (the chart drawn by /api/og) for an opened view. Absolute
 * URLs use the operator-configured public origin (lib/view/origin.ts), never the request's Host header, since the
 * page is cached and served to everyone.
 */
export async function viewMetadata(opened: Opened): Promise<Metadata> {
  if (!opened.ok) return { title: 'Bad link · Framescope' };
  const { view } = opened;
  const h = await headers();
  const origin = publicOrigin(
    {
      FRAMESCOPE_URL: process.env.FRAMESCOPE_URL,
      FRAMESCOPE_TRUST_PROXY: process.env.FRAMESCOPE_TRUST_PROXY,
      PORT: process.env.PORT,
    },
    (name) => h.get(name),
  );
  const ex = view.stats;
  const title = `${titleOf(view)} — Framescope`;
  const p = previewOf(view);
  const og = new URLSearchParams(
    buildQuery(
      withState(view.query, {
        sel: null,
        q: '',
        page: 1,
        sort: 'position',
        lens: null,
        outlets: p.outlets,
        group: p.group || null,
      }),
    ),
  );
  og.set('chart', p.chart);
  const pinned = withState(view.query, { version: ex.corpus.version, sel: null, q: '', page: 1 });
  const canonical = `${origin}${hrefFor(view.pathname, pinned)}`;
  const description = `${titleOf(view)}. ${ex.corpus.title}, version ${ex.corpus.version}: ${view.articleCount} articles from ${ex.outlets.length} outlets; every number with its n, article-level 95% interval and the sentences behind it.`;
  const image = { url: `${origin}/api/og?${og.toString()}`, width: 1200, height: 630, alt: titleOf(view) };
  return {
    title,
    description,
    alternates: { canonical },
    openGraph: { title, description, url: canonical, siteName: 'Framescope', type: 'website', images: [image] },
    twitter: { card: 'summary_large_image', title, description, images: [image.url] },
  };
}
