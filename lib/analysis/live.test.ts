import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import type { AnalysisOptions, Article } from '../types';
import { DEFAULT_OPTIONS, aggregate } from './aggregate';
import { addArticles, liveCorpus, liveExport } from './live';
import { analyzeArticles } from './run';

const seeds = loadCorpus('corpus/seeds');
const outlet = seeds.outlets[0].id;
const extra: Article = {
  id: 'added-1',
  outlet,
  title: 'Added',
  date: null,
  url: null,
  raw: null,
  note: null,
  segments: [
    { section: 'title', text: 'Turkish forces shell Kurdish militia' },
    { section: 'body', text: 'Daesh terrorists were killed, officials said. "The rebels are gone," one said.' },
  ],
};
const options: AnalysisOptions[] = [
  DEFAULT_OPTIONS,
  { ...DEFAULT_OPTIONS, voice: 'own' },
  { ...DEFAULT_OPTIONS, scope: 'body' },
];

describe('a live corpus', () => {
  test.each(options)(
    'adding an article gives the export of the whole corpus analysed afresh (voice $voice, scope $scope)',
    (o) => {
      const live = liveCorpus(seeds);
      // Rows read before the addition must be extended, not rebuilt.
      expect(liveExport(live, o).mentions.length).toBeGreaterThan(0);
      addArticles(live, [extra], 'v2');
      const fresh = { ...seeds, articles: [...seeds.articles, extra], version: 'v2' };
      expect(liveExport(live, o)).toEqual(aggregate(fresh, analyzeArticles(fresh), o));
    },
  );

  test.each([
    ['read before the addition', true],
    ['first read after the addition', false],
  ])('an export handed out earlier does not change when articles are added (%s)', (_case, readFirst) => {
    const live = liveCorpus(seeds);
    const before = liveExport(live, DEFAULT_OPTIONS);
    if (readFirst) expect(before.mentions.length).toBeGreaterThan(0);
    addArticles(live, [extra], 'v2');
    const unchanged = aggregate(seeds, analyzeArticles(seeds), DEFAULT_OPTIONS);
    expect(before.mentions).toEqual(unchanged.mentions);
    expect(before.articles).toEqual(unchanged.articles);
    const after = liveExport(live, DEFAULT_OPTIONS);
    expect(after.articles.map((a) => a.id)).toEqual([...seeds.articles.map((a) => a.id), extra.id]);
    expect(after.mentions.length).toBeGreaterThan(unchanged.mentions.length);
  });

  test('a new version re-analyses only changed articles when the lexicon is the same', () => {
    const first = liveCorpus(seeds);
    const changed = { ...seeds.articles[1], segments: [{ section: 'body' as const, text: 'Rebels advanced.' }] };
    const next = liveCorpus({ ...seeds, articles: [seeds.articles[0], changed, ...seeds.articles.slice(2)] }, first);
    expect(next.analyses[0]).toBe(first.analyses[0]);
    expect(next.analyses[1]).not.toBe(first.analyses[1]);
    expect(next.analyses[1].mentions.map((m) => m.text)).toEqual(['Rebels']);
    const otherLexicon = liveCorpus({ ...seeds, lexicon: { ...seeds.lexicon, exclusions: [] } }, first);
    expect(otherLexicon.analyses[0]).not.toBe(first.analyses[0]);
  });

  test.each([
    ['a duplicate id', { ...extra, id: seeds.articles[0].id }, /already in the corpus/],
    ['an unknown outlet', { ...extra, outlet: 'nowhere' }, /outlet "nowhere" is not in the corpus/],
  ])('rejects %s and adds nothing', (_case, article, message) => {
    const live = liveCorpus(seeds);
    expect(() => addArticles(live, [article], 'v2')).toThrow(message);
    expect(live.analyses).toHaveLength(seeds.articles.length);
  });
});
