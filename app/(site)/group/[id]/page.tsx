import { BadUrl } from '../../../_components/Banners';
import { GroupPage } from '../../../_views/GroupPage';
import { viewMetadata } from '../../../_views/meta';
import { open, type SearchParams } from '../../../_views/open';

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

const opening = async ({ params, searchParams }: Props) =>
  open(`/group/${encodeURIComponent((await params).id)}`, searchParams);

export const generateMetadata = async (props: Props) => viewMetadata(await opening(props));

export default async function Page(props: Props) {
  const opened = await opening(props);
  return opened.ok ? (
    <GroupPage view={opened.view} id={opened.view.route.id!} />
  ) : (
    <BadUrl problems={opened.problems} home="/" />
  );
}
