import { BadUrl } from '../../../_components/Banners';
import { GroupPage } from '../../../_views/GroupPage';
import { viewMetadata } from '../../../_views/meta';
import { resolveView, type SearchParams } from '../../../_views/resolve';

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

export const generateMetadata = async ({ params, searchParams }: Props) => {
  const { id } = await params;
  return viewMetadata(`Term group ${id}`, searchParams, { kind: 'shares', group: id });
};

export default async function Page({ params, searchParams }: Props) {
  const { id } = await params;
  const view = await resolveView(`/group/${encodeURIComponent(id)}`, searchParams);
  return view.ok ? <GroupPage view={view} id={id} /> : <BadUrl problems={view.problems} home="/" />;
}
