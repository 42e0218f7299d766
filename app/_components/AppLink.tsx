'use client';
import Link from 'next/link';
import type { ComponentProps } from 'react';

type LinkProps = Omit<ComponentProps<typeof Link>, 'prefetch'>;

// A client component, so the server's payload carries only each link's href and text: the fixed props below are set
// here instead of being repeated for every one of the thousand links a corpus overview has.

/**
 * Every in-app link: a client-side navigation that is fetched when clicked, not prefetched. Views are rendered per
 * URL from the data; prefetching every outlet chip would render a dozen pages nobody opens.
 */
export function AppLink(props: LinkProps) {
  return <Link prefetch={false} {...props} />;
}

/** An in-app link that keeps the scroll position: a drill-down, sort or pager link inside the view it changes. */
export function StayLink(props: Omit<LinkProps, 'scroll'>) {
  return <Link prefetch={false} scroll={false} {...props} />;
}
