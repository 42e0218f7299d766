import { cache } from 'react';
import { openViewFor, type Opened } from '@/lib/server/dataset';
import { toSearchParams } from '@/lib/url/state';

/** Search params as Next passes them to pages. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Metadata and page of one request open the same view: parse and check the URL once per render (on PostgreSQL a date
// range's statistics are summed by the database first).
const openOnce = cache((pathname: string, query: string): Promise<Opened> =>
  openViewFor(pathname, new URLSearchParams(query)),
);

/** Opens the view a page's path and search params name, through the one data door. */
export async function open(pathname: string, searchParams: SearchParams): Promise<Opened> {
  return openOnce(pathname, toSearchParams(await searchParams).toString());
}
