import { BadUrl } from '../../_components/Banners';
import { EmbedPage } from '../../_views/EmbedPage';
import { viewMetadata } from '../../_views/meta';
import { open, type SearchParams } from '../../_views/open';

type Props = { params: Promise<{ chart: string }>; searchParams: SearchParams };

const opening = async ({ params, searchParams }: Props) =>
  open(`/embed/${encodeURIComponent((await params).chart)}`, searchParams);

export const generateMetadata = async (props: Props) => viewMetadata(await opening(props));

export default async function Page(props: Props) {
  const opened = await opening(props);
  return opened.ok ? (
    <EmbedPage view={opened.view} chart={opened.view.route.id!} />
  ) : (
    <BadUrl problems={opened.problems} home="/" />
  );
}
