import { BadUrl } from '../../_components/Banners';
import { ComparePage } from '../../_views/ComparePage';
import { viewMetadata } from '../../_views/meta';
import { open, type SearchParams } from '../../_views/open';

type Props = { searchParams: SearchParams };

export const generateMetadata = async ({ searchParams }: Props) => viewMetadata(await open('/compare', searchParams));

export default async function Page({ searchParams }: Props) {
  const opened = await open('/compare', searchParams);
  return opened.ok ? <ComparePage view={opened.view} /> : <BadUrl problems={opened.problems} home="/" />;
}
