import { BadUrl } from '../../../_components/Banners';
import { ArticlePage } from '../../../_views/ArticlePage';
import { viewMetadata } from '../../../_views/meta';
import { resolveView, type SearchParams } from '../../../_views/resolve';

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

export const generateMetadata = async ({ params, searchParams }: Props) => viewMetadata(`Article ${(await params).id}`, searchParams, { kind: 'shares', group: 'islamic-state' });

export default async function Page({ params, searchParams }: Props) {
  const { id } = await params;
  const view = await resolveView(`/article/${encodeURIComponent(id)}`, searchParams);
  return view.ok ? <ArticlePage view={view} id={id} /> : <BadUrl problems={view.problems} home="/" />;
}
