import { BadUrl } from '../../_components/Banners';
import { VocabularyPage } from '../../_views/VocabularyPage';
import { viewMetadata } from '../../_views/meta';
import { open, type SearchParams } from '../../_views/open';

type Props = { searchParams: SearchParams };

export const generateMetadata = async ({ searchParams }: Props) =>
  viewMetadata(await open('/vocabulary', searchParams));

export default async function Page({ searchParams }: Props) {
  const opened = await open('/vocabulary', searchParams);
  return opened.ok ? <VocabularyPage view={opened.view} /> : <BadUrl problems={opened.problems} home="/" />;
}
