import { BadUrl } from '../../../_components/Banners';
import { OutletPage } from '../../../_views/OutletPage';
import { viewMetadata } from '../../../_views/meta';
import { resolveView, type SearchParams } from '../../../_views/resolve';

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

export const generateMetadata = async ({ params, searchParams }: Props) => viewMetadata(`Outlet ${(await params).id}`, searchParams, { kind: 'shares', group: 'islamic-state' });

export default async function Page({ params, searchParams }: Props) {
  const { id } = await params;
  const view = await resolveView(`/outlet/${encodeURIComponent(id)}`, searchParams);
  return view.ok ? <OutletPage view={view} id={id} /> : <BadUrl problems={view.problems} home="/" />;
}
