import { BadUrl } from '../../../_components/Banners';
import { ArticlePage } from '../../../_views/ArticlePage';
import { viewMetadata } from '../../../_views/meta';
import { open, type SearchParams } from '../../../_views/open';

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

const opening = async ({ params, searchParams }: Props) =>
  open(`/article/${encodeURIComponent((await params).id)}`, searchParams);

export const generateMetadata = async (props: Props) => viewMetadata(await opening(props));

export default async function Page(props: Props) {
  const opened = await opening(props);
  return opened.ok ? (
    <ArticlePage view={opened.view} id={opened.view.route.id!} />
  ) : (
    <BadUrl problems={opened.problems} home="/" />
  );
}
