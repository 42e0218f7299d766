import { BadUrl } from '../../../_components/Banners';
import { ArticlePage } from '../../../_views/ArticlePage';
import { viewMetadata } from '../../../_views/meta';
import { pathProblem, resolveView, type SearchParams } from '../../../_views/resolve';

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

export const generateMetadata = async ({ params, searchParams }: Props) => viewMetadata(`Article ${(await params).id}`, searchParams, { kind: 'shares', group: 'islamic-state' });

export default async function Page({ params, searchParams }: Props) {
  const { id } = await params;
  const view = await resolveView(searchParams);
  if (!view.ok) return <BadUrl problems={view.problems} home="/" />;
  const problem = pathProblem(view, 'article', id);
  return problem ? <BadUrl problems={[problem]} home="/" /> : <ArticlePage view={view} id={id} />;
}
