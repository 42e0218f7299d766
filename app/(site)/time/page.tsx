import { BadUrl } from '../../_components/Banners';
import { TimePage } from '../../_views/TimePage';
import { viewMetadata } from '../../_views/meta';
import { open, type SearchParams } from '../../_views/open';

type Props = { searchParams: SearchParams };

export const generateMetadata = async ({ searchParams }: Props) => viewMetadata(await open('/time', searchParams));

export default async function Page({ searchParams }: Props) {
  const opened = await open('/time', searchParams);
  return opened.ok ? <TimePage view={opened.view} /> : <BadUrl problems={opened.problems} home="/" />;
}
