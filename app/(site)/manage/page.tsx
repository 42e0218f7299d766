import { BadUrl } from '../../_components/Banners';
import { ManagePage } from '../../_views/ManagePage';
import { viewMetadata } from '../../_views/meta';
import { open, type SearchParams } from '../../_views/open';

type Props = { searchParams: SearchParams };

export const generateMetadata = async ({ searchParams }: Props) => viewMetadata(await open('/manage', searchParams));

export default async function Page({ searchParams }: Props) {
  const opened = await open('/manage', searchParams);
  return opened.ok ? <ManagePage view={opened.view} /> : <BadUrl problems={opened.problems} home="/" />;
}
