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
