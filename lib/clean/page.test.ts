import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseArticleFile } from '../corpus/articleFile';
import { growth } from '../importing/linearity';
import { cleanPage } from './page';

describe('cleanPage rules', () => {
  test.each([
    [
      'share button and advertisement',
      'Share\n\nTitle here\n\nAdvertisement\n\nBody text.',
      ['share button', 'advertisement'],
    ],
    ['navigation breadcrumb', 'News \u00a0/ \u00a0Military\n\nTitle\n\nBody.', ['navigation breadcrumb']],
    ['a three-level breadcrumb', 'Middle East / Syria / Aleppo news\n\nTitle\n\nBody.', ['navigation breadcrumb']],
    [
      'text-size toggles',
      'Title\n\nBody.\n\nXS\nSM\nMD\nLG',
      ['text-size toggle', 'text-size toggle', 'text-size toggle', 'text-size toggle'],
    ],
    [
      'alternate-address note cuts the rest',
      'Title\n\nBody.\n\nPress TV’s website can also be accessed at the following alternate addresses:\n\nPress TV News Roku',
      ['alternate-address note', 'alternate-address note'],
    ],
    [
      'comment policy and sign-in forms',
      'Title\n\nBody.\n\nJoin the conversation! encourages commentary.\n\nFacebook Sign-In',
      ['comment policy', 'sign-in form'],
    ],
    [
      'a trailing unpunctuated line is a related-story link',
      'Title\n\nBody.\n\nErdogan Putin agree to push for Aleppo cease-fire',
      ['related-story link'],
    ],
    ['a repeated line is removed once', 'Title\n\nA caption line\nA caption line\n\nBody.', ['repeated line']],
  ])('%s', (_rule, raw, rules) => expect(cleanPage(raw).removed.map((r) => r.rule)).toEqual(rules));

  test.each([
    [
      'agency credit makes a caption',
      'Title\n\nSoldiers in a tank. (AFP photo)\n\nBody.',
      ['title', 'caption', 'body'],
    ],
    [
      'a repeated line is a caption',
      'Title\n\nErdogan and Carter shake hands.\nErdogan and Carter shake hands.\n\nBody.',
      ['title', 'caption', 'body'],
    ],
    ['a mid-article subheading stays in the body', 'Title\n\nFirst.\n\nTurkish troops\n\nSecond.', ['title', 'body']],
  ])('%s', (_rule, raw, sections) => expect(cleanPage(raw).segments.map((s) => s.section)).toEqual(sections));
});

describe('cleaning is linear in its input', () => {
  // Runs of spaces around slashes, ending in a digit so no breadcrumb matches: the shape that made the old breadcrumb
  // rule backtrack exponentially. The factors allowed are those of lib/importing/linearity.test.ts.
  const crumbs = (n: number) =>
    `Title\n\n${'ab          /          '.repeat(Math.max(1, Math.round(n / 23)))}ab1\n\nBody.`;
  test.each([['spaced slashes', crumbs]])(
    '%s',
    (_name, make) => {
      const g = growth((text) => cleanPage(text), make, 2000);
      expect(g.r10, `10x input took ${g.r10.toFixed(1)}x as long`).toBeLessThan(100);
      expect(g.r100, `100x input took ${g.r100.toFixed(1)}x as long`).toBeLessThan(1000);
    },
    60_000,
  );
});

describe('the bundled seed articles are exactly what cleaning their raw pages gives', () => {
  const dir = path.join(process.cwd(), 'corpus', 'seeds');
  const sources = JSON.parse(readFileSync(path.join(dir, 'sources.json'), 'utf8')) as { raw: string; id: string }[];
  test.each(sources)('$id', ({ raw, id }) => {
    const page = cleanPage(readFileSync(path.join(dir, 'raw', raw), 'utf8'));
    const article = parseArticleFile(readFileSync(path.join(dir, 'articles', `${id}.txt`), 'utf8'), id);
    expect(article.segments).toEqual(page.segments);
    expect(article.title).toBe(page.title);
  });
});
