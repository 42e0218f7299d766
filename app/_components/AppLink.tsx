import Link from 'next/link';
import type { ComponentProps } from 'react';

/**
 * Every in-app link: a client-side navigation that is fetched when clicked, not prefetched. Views are rendered per
 * URL from the data; prefetching every outlet chip would render a dozen pages nobody opens.
 */
export function AppLink(props: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  return <Link prefetch={false} {...props} />;
}
