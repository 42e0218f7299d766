import { BadUrl } from '../_components/Banners';
import { OverviewPage } from '../_views/OverviewPage';
import { viewMetadata } from '../_views/meta';
import { open, type SearchParams } from '../_views/open';

type Props = { searchParams: SearchParams };

export const generateMetadata = async ({ searchParams }: Props) => viewMetadata(await open('/', searchParams));

export default async function Page({ searchParams }: Props) {
  const opened = await open('/', searchParams);
  return opened.ok ? <OverviewPage view={opened.view} /> : <BadUrl problems={opened.problems} home="/" />;
}
