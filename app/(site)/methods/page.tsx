import { BadUrl } from '../../_components/Banners';
import { MethodsPage } from '../../_views/MethodsPage';
import { viewMetadata } from '../../_views/meta';
import { open, type SearchParams } from '../../_views/open';

type Props = { searchParams: SearchParams };

export const generateMetadata = async ({ searchParams }: Props) => viewMetadata(await open('/methods', searchParams));

export default async function Page({ searchParams }: Props) {
  const opened = await open('/methods', searchParams);
  return opened.ok ? <MethodsPage view={opened.view} /> : <BadUrl problems={opened.problems} home="/" />;
}
