import { BadUrl } from '../../_components/Banners';
import { ProvenancePage } from '../../_views/ProvenancePage';
import { viewMetadata } from '../../_views/meta';
import { open, type SearchParams } from '../../_views/open';

type Props = { searchParams: SearchParams };

export const generateMetadata = async ({ searchParams }: Props) =>
  viewMetadata(await open('/provenance', searchParams));

export default async function Page({ searchParams }: Props) {
  const opened = await open('/provenance', searchParams);
  return opened.ok ? <ProvenancePage view={opened.view} /> : <BadUrl problems={opened.problems} home="/" />;
}
