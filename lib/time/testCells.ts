import type { ArticleAnalysis } from '../analysis/article';

/**
 * A test analysis holding only what the time cells read: its outlet, its mentions ([group, variant, voice = own,
 * section = body], set aside or not) and its tokens (a title of `title` words, all own; a body of `body` words, 40 of
 * them quoted).
 */
export function cellAnalysis(
  outlet: string,
  mentions: [string, string, string?, string?][],
  { body = 100, title = 10, setAside = false }: { body?: number; title?: number; setAside?: boolean } = {},
): ArticleAnalysis {
  return {
    outlet,
    mentions: mentions.map(([group, variant, voice = 'own', section = 'body']) => ({
      group,
      variant,
      section,
      voice,
      setAside: setAside ? 'self' : null,
    })),
    tokens: {
      title: { all: title, own: title },
      caption: { all: 0, own: 0 },
      body: { all: body, own: body - 40 },
    },
  } as unknown as ArticleAnalysis;
}

/**
 * The bins and date ranges the FA-KES cell tests compare (JS sums against the whole analyses, SQL against the JS sums):
 * ranges only, since whole FA-KES by day or week is hundreds to thousands of periods per outlet, slow to compare.
 */
export const FAKES_RANGES = [
  ['week', ['2015-03-17', null], ['2016-08-09', '2014-12-31']],
  ['month', [null, '2015-03-17', null], [null, '2016-08-09', '2014-12-31']],
  ['quarter', [null, '2015-03-17', null], [null, '2016-08-09', '2014-12-31']],
  ['day', ['2016-06-01'], ['2016-08-31']],
] as const;

/** Each outlet as its own entity, and the outlet group "turkish-media" (trt and dailysabah), as the views list them. */
export function fakesEntities(outlets: readonly string[]): { id: string; members: Set<string> }[] {
  return [
    ...outlets.map((id) => ({ id, members: new Set([id]) })),
    { id: 'turkish-media', members: new Set(['trt', 'dailysabah']) },
  ];
}
