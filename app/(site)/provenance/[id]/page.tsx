import { BadUrl } from '../../../_components/Banners';
import { ArticleProvenancePage } from '../../../_views/ArticleProvenancePage';
import { viewMetadata } from '../../../_views/meta';
import { open, type SearchParams } from '../../../_views/open';

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

const opening = async ({ params, searchParams }: Props) =>
  open(`/provenance/${encodeURIComponent((await params).id)}`, searchParams);

export const generateMetadata = async (props: Props) => viewMetadata(await opening(props));

export default async function Page(props: Props) {
  const opened = await opening(props);
  return opened.ok ? (
    <ArticleProvenancePage view={opened.view} id={opened.view.route.id!} />
  ) : (
    <BadUrl problems={opened.problems} home="/" />
  );
}
