import { describe, expect, test } from 'vitest';
import { analyzeArticle, compileEngine } from '../analysis/article';
import { testLexicon } from '../lexicon/testLexicon';
import type { Corpus } from '../types';
import { isStoredText, tableOf } from './whole';

describe('the text the store keeps a vocabulary table for', () => {
  test.each([
    [{ voice: 'all', scope: 'all', provenance: 'all' }, true],
    [{ voice: 'all', scope: 'all' }, true],
    [{ voice: 'own', scope: 'all', provenance: 'all' }, false],
    [{ voice: 'all', scope: 'body', provenance: 'all' }, false],
    [{ voice: 'all', scope: 'all', provenance: 'original' }, false],
    [{ voice: 'all', scope: 'all', provenance: 'reused' }, false],
  ] as const)('%j is the stored text: %s', (f, stored) => {
    expect(isStoredText(f)).toBe(stored);
  });

  test('a tiny corpus counted by hand', () => {
    const lexicon = testLexicon();
    const engine = compileEngine(lexicon);
    const articles = [
      {
        id: 'a1',
        outlet: 'a',
        title: '',
        date: null,
        url: null,
        segments: [{ section: 'body', text: 'Takfiri gunmen fled. The gunmen said "we fled".' }],
      },
      {
        id: 'b1',
        outlet: 'b',
        title: '',
        date: null,
        url: null,
        segments: [
          { section: 'title', text: 'Gunmen fled' },
          { section: 'body', text: 'Rebels fled.' },
        ],
      },
    ] as never as Corpus['articles'];
    const corpus = { outlets: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], lexicon, articles } as never as Corpus;
    const { table, reading } = tableOf(
      corpus,
      articles.map((a) => analyzeArticle(a, engine)),
      undefined,
    );
    // By hand, all voices and sections: a writes "gunmen" twice (one per sentence) and "fled" twice (once inside the
    // quotation, counted under all voices); b writes "gunmen" in its title ("Gunmen" opens it: lowercased) and "fled"
    // twice (title and body). c has no articles.
    expect([...table.terms.get('gunmen')!.uses]).toEqual([2, 1, 0]);
    expect([...table.terms.get('fled')!.uses]).toEqual([2, 2, 0]);
    // "gunmen fled" is used twice (a's first sentence, b's title): under the minimum of 3 uses it is pruned.
    expect(table.terms.has('gunmen fled')).toBe(false);
    expect(table.pruning.minCount).toBe(3);
    expect(table.articles).toEqual([1, 1, 0]);
    expect(reading.marks).toBeInstanceOf(Map);
  });
});
