import { analyzeArticle, type Engine } from '../analysis/article';
import type { Article, Mention } from '../types';

/** What an upload preview shows of one analysed article. */
export interface PreviewPart {
  text: string;
  mentions: Pick<Mention, 'start' | 'end' | 'text' | 'group' | 'variant' | 'voice' | 'actors'>[];
}

/** The preview of one article: its text and the mentions found in it. */
export function previewOf(article: Article, engine: Engine): PreviewPart {
  const analysis = analyzeArticle(article, engine);
  return {
    text: analysis.text,
    mentions: analysis.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      text: m.text,
      group: m.group,
      variant: m.variant,
      voice: m.voice,
      actors: m.actors,
    })),
  };
}
