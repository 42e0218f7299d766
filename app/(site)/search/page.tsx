import { BadUrl } from '../../_components/Banners';
import { SearchPage } from '../../_views/SearchPage';
import { viewMetadata } from '../../_views/meta';
import { open, type SearchParams } from '../../_views/open';

type Props = { searchParams: SearchParams };

export const generateMetadata = async ({ searchParams }: Props) => viewMetadata(await open('/search', searchParams));

export default async function Page({ searchParams }: Props) {
  const opened = await open('/search', searchParams);
  return opened.ok ? <SearchPage view={opened.view} /> : <BadUrl problems={opened.problems} home="/" />;
}
