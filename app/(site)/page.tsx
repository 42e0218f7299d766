import { BadUrl } from '../_components/Banners';
import { OverviewPage } from '../_views/OverviewPage';
import { viewMetadata } from '../_views/meta';
import { resolveView, type SearchParams } from '../_views/resolve';

export const generateMetadata = ({ searchParams }: { searchParams: SearchParams }) => viewMetadata('Overview', searchParams, { kind: 'shares', group: 'islamic-state' });

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const view = await resolveView('/', searchParams);
  return view.ok ? <OverviewPage view={view} /> : <BadUrl problems={view.problems} home="/" />;
}
