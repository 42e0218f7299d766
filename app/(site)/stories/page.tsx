import { BadUrl } from '../../_components/Banners';
import { StoriesPage } from '../../_views/StoriesPage';
import { viewMetadata } from '../../_views/meta';
import { open, type SearchParams } from '../../_views/open';

type Props = { searchParams: SearchParams };

export const generateMetadata = async ({ searchParams }: Props) => viewMetadata(await open('/stories', searchParams));

export default async function Page({ searchParams }: Props) {
  const opened = await open('/stories', searchParams);
  return opened.ok ? <StoriesPage view={opened.view} /> : <BadUrl problems={opened.problems} home="/" />;
}
