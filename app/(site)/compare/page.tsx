import { BadUrl } from '../../_components/Banners';
import { ComparePage } from '../../_views/ComparePage';
import { viewMetadata } from '../../_views/meta';
import { resolveView, type SearchParams } from '../../_views/resolve';

export const generateMetadata = ({ searchParams }: { searchParams: SearchParams }) => viewMetadata('Compare outlets', searchParams, { kind: 'shares', group: 'islamic-state' });

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const view = await resolveView('/compare', searchParams);
  return view.ok ? <ComparePage view={view} /> : <BadUrl problems={view.problems} home="/" />;
}
