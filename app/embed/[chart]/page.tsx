import { BadUrl } from '../../_components/Banners';
import { EmbedPage } from '../../_views/EmbedPage';
import { viewMetadata } from '../../_views/meta';
import { resolveView, type SearchParams } from '../../_views/resolve';

type Props = { params: Promise<{ chart: string }>; searchParams: SearchParams };

export const generateMetadata = async ({ params, searchParams }: Props) => {
  const { chart } = await params;
  const { group } = await searchParams;
  return viewMetadata(`Chart: ${chart}`, searchParams, { kind: chart, group: typeof group === 'string' ? group : undefined });
};

export default async function Page({ params, searchParams }: Props) {
  const { chart } = await params;
  const view = await resolveView(`/embed/${encodeURIComponent(chart)}`, searchParams);
  return view.ok ? <EmbedPage view={view} chart={chart} /> : <BadUrl problems={view.problems} home="/" />;
}
