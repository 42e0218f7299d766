import type { ArticleAnalysis } from '../analysis/article';
import type { DatedAnalysis } from './cells';

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

/**
 * FA-KES's analyses moved onto four outlets ("a" to "d") and 60 days of 2020 at random, a fifth of them undated
 * (mulberry32 seeded with 42: the same corpus every run): a corpus whose cells hold many days and undated articles.
 */
export function scatteredAnalyses(articles: readonly { analysis: DatedAnalysis['analysis'] }[]): {
  outlets: string[];
  analyses: DatedAnalysis[];
} {
  let s = 42;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const outlets = ['a', 'b', 'c', 'd'];
  const analyses = articles.map(({ analysis }) => {
    const outlet = outlets[Math.floor(random() * outlets.length)];
    const day = 1 + Math.floor(random() * 60);
    const date = random() < 0.2 ? null : new Date(Date.UTC(2020, 0, day)).toISOString().slice(0, 10);
    return { analysis: { ...analysis, outlet }, date };
  });
  return { outlets, analyses };
}
