import { describe, expect, test } from 'vitest';
import { analyzeArticle, compileEngine } from '../analysis/article';
import { testLexicon } from '../lexicon/testLexicon';
import type { Article } from '../types';
import { addAnalysed, corpusProvenance, provenanceInput } from './corpusProvenance';

const engine = compileEngine(testLexicon());
const BODY = 'Fighters took the hill above the village after two days of shelling, residents said on Monday.';
const article = (id: string, date: string, body: string): Article => ({
  id,
  outlet: id.split('-')[0],
  title: `Title of ${id}`,
  date,
  url: null,
  raw: null,
  note: null,
  segments: [
    { section: 'title', text: `Title of ${id}` },
    { section: 'body', text: body },
  ],
});

describe('corpus provenance from analysed articles', () => {
  test.each([
    ['title', 0],
    ['body', 'Title of a-1\n\n'.length],
  ])('the body starts after the title (%s)', (_s, at) => {
    const input = provenanceInput(analyzeArticle(article('a-1', '2016-01-01', BODY), engine), null);
    expect(input.bodyStart).toBe('Title of a-1\n\n'.length);
    expect(input.sentences.some((s) => s.start === at)).toBe(true);
  });

  test('adding an article redoes it and the article it copies only', () => {
    const arts = [article('a-1', '2016-01-01', BODY), article('b-1', '2016-01-01', 'Nothing else is alike here.')];
    const analyses = arts.map((a) => analyzeArticle(a, engine));
    const p = corpusProvenance({ outlets: [], articles: arts }, analyses);
    const copy = article('c-1', '2016-01-02', BODY);
    expect(addAnalysed(p, [{ analysis: analyzeArticle(copy, engine), date: copy.date }]).sort()).toEqual([
      'a-1',
      'c-1',
    ]);
    expect(p.articles[2].sentences.find((s) => s.kind === 'shared')?.sourceArticle).toBe('a-1');
  });
});
