import { BadUrl } from '../../_components/Banners';
import { ManagePage } from '../../_views/ManagePage';
import { resolveView, type SearchParams } from '../../_views/resolve';

export const metadata = { title: 'Corpus & lexicon · Framescope' };

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const view = await resolveView('/manage', searchParams);
  return view.ok ? <ManagePage view={view} /> : <BadUrl problems={view.problems} home="/" />;
}
