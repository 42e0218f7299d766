import { describe, expect, test } from 'vitest';
import { analyzeArticle, compileEngine } from '../../lib/analysis/article';
import { testLexicon } from '../../lib/lexicon/testLexicon';
import {
  addedPct,
  benchTable,
  countingCost,
  explorerAnswer,
  storedBytes,
  storedExplorerAnswer,
} from './vocabularyBench';

describe('vocabulary bench helpers', () => {
  test.each([
    [50, 100, 50],
    [1, 3, 33.3],
    [250, 100, 250],
  ])('addedPct(%f, %f) = %f', (v, e, pct) => expect(addedPct(v, e)).toBe(pct));

  test('a table of analysed articles and an explorer answer on it', () => {
    const lexicon = testLexicon();
    const engine = compileEngine(lexicon);
    const article = (id: string, outlet: string, body: string) =>
      analyzeArticle(
        { id, outlet, title: '', date: null, url: null, segments: [{ section: 'body', text: body }] } as never,
        engine,
      );
    const analyses = [
      article('a1', 'a', 'Takfiri gunmen fired at the town. The Takfiri gunmen fled.'),
      article('a2', 'a', 'Takfiri gunmen returned.'),
      article('a3', 'a', 'Takfiri gunmen attacked. Takfiri gunmen left.'),
      article('b1', 'b', 'Rebels fired at the town. Rebels fled.'),
      article('b2', 'b', 'Rebels returned to the town.'),
    ];
    const table = benchTable(analyses, lexicon, ['a', 'b']);
    // Read off the texts: "gunmen" 5 times in 3 articles of a, "town" once in a and twice in b.
    expect([...table.terms.get('gunmen')!.uses]).toEqual([5, 0]);
    expect([...table.terms.get('town')!.uses]).toEqual([1, 2]);
    // Scored (5+ uses in 2+ articles): only "gunmen" ("town" and "rebels" have 3 uses each).
    expect(explorerAnswer(table, lexicon)).toBe(1);
    // Through the stored bytes: the same one row.
    expect(storedExplorerAnswer(storedBytes(table, lexicon), lexicon)).toBe(1);
  });

  test('the counting pass counts what a table counts', () => {
    const body = (id: string, outlet: string, text: string) =>
      ({ id, outlet, title: '', date: null, url: null, segments: [{ section: 'body', text }] }) as never;
    // Read off the texts: "Rebels fired at the town.": unigrams rebels, fired, town ("at" and "the" are stopwords),
    // bigrams rebels fired, fired at, the town ("at the" is two stopwords) = 6; "Gunmen fled.": gunmen, fled, gunmen
    // fled = 3. Batches of one article.
    const r = countingCost(
      [body('a1', 'a', 'Rebels fired at the town.'), body('b1', 'b', 'Gunmen fled.')],
      testLexicon(),
      1,
    );
    expect(r.ngrams).toBe(9);
    expect(r.analyseMs).toBeGreaterThanOrEqual(0);
    expect(r.countedMs).toBeGreaterThanOrEqual(0);
  });

  test('bytes that are not a stored table are an error, not an empty answer', () => {
    expect(() => storedExplorerAnswer(new Uint8Array([1, 2, 3]), testLexicon())).toThrow(/could not be decoded/);
  });
});
