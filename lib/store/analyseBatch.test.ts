import { describe, expect, test } from 'vitest';
import { analyzeArticle, compileEngine } from '../analysis/article';
import { testLexicon } from '../lexicon/testLexicon';
import type { Article } from '../types';
import { storedTextCounter } from '../vocabulary/whole';
import { analyseBatch } from './analyseBatch';
import { unpackAnalyses } from './codec';
import { articleKey } from './keys';

const body = (id: string, outlet: string, text: string) =>
  ({ id, outlet, title: '', date: null, url: null, segments: [{ section: 'body', text }] }) as never as Article;

describe('a batch analysed, with its vocabulary counted in the same pass', () => {
  const lexicon = testLexicon();
  const engine = compileEngine(lexicon);
  const batch = [body('a1', 'a', 'Rebels fired at the town.'), body('b1', 'b', 'Gunmen fled. Gunmen returned.')];
  // Read off the texts: a1 has rebels, fired, town, rebels fired, fired at, the town = 6 n-grams ("at", "the" are
  // stopwords, "at the" two of them); b1 has gunmen, fled, gunmen fled, gunmen, returned, gunmen returned = 6.
  test.each<[string, boolean, number[] | null]>([
    ['without a counter', false, null],
    ['with a counter', true, [6, 6]],
  ])('%s', (_, counting, n) => {
    const counter = counting ? storedTextCounter(lexicon.groups) : null;
    const b = analyseBatch(batch, engine, counter);
    expect(b.keys).toEqual(batch.map(articleKey));
    // The packed analyses are the analyses made one by one.
    expect(unpackAnalyses(b.packed, batch)).toEqual(batch.map((a) => analyzeArticle(a, engine)));
    if (!counter) return;
    expect(counter.keys).toEqual(b.keys);
    expect(counter.outletIds).toEqual(['a', 'b']);
    expect(counter.n).toEqual(n);
  });
  test('a counter kept from batch to batch adds them up', () => {
    const counter = storedTextCounter(lexicon.groups);
    analyseBatch(batch.slice(0, 1), engine, counter);
    analyseBatch(batch.slice(1), engine, counter);
    // The same 6 + 6 n-grams as in one batch, and both articles' keys.
    expect(counter.n).toEqual([6, 6]);
    expect(counter.keys).toEqual(batch.map(articleKey));
  });
});
