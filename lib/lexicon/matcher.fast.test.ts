import { describe, expect, test } from 'vitest';
import { compileActors } from '../actors/matcher';
import { articleLayout } from '../corpus/layout';
import { loadCorpus } from '../corpus/load';
import { compileLexicon, scanPhrases, scanPhrasesExactly } from './matcher';
import { testLexicon } from './testLexicon';

const matcher = compileLexicon(testLexicon());
const spans = (found: { start: number; end: number; text: string }[]) =>
  found.map((m) => `${m.start}-${m.end}:${m.text}`);

describe('the fast scan finds exactly the spans of the single alternation', () => {
  test.each([
    ['a letter before the phrase', 'éterrorists and terrorists', ['16-26:terrorists']],
    ['an underscore before the phrase', '_terrorists', ['1-11:terrorists']],
    ['a letter after the longest phrase backs off to none', 'terroristsé terrorists’', ['12-23:terrorists’']],
    [
      'a case-sensitive and a folded phrase in one text',
      'IS and ISIS, then Islamic State’s',
      ['0-2:IS', '7-11:ISIS', '18-33:Islamic State’s'],
    ],
    ['a letter that lowercases to two characters', 'İ terrorists', ['2-12:terrorists']],
  ])('%s', (_case, text, expected) => {
    expect(spans(scanPhrases(matcher, text))).toEqual(expected);
    expect(scanPhrases(matcher, text)).toEqual(scanPhrasesExactly(matcher, text));
  });

  test.each(['corpus/seeds', 'corpus/fa-kes'])('every article of %s, lexicon terms and actor aliases', (dir) => {
    const corpus = loadCorpus(dir);
    const lexicon = compileLexicon(corpus.lexicon);
    const actors = compileActors(corpus.lexicon.actors)!;
    let found = 0;
    for (const a of corpus.articles) {
      const { text } = articleLayout(a);
      const terms = scanPhrases(lexicon, text);
      expect(terms, a.id).toEqual(scanPhrasesExactly(lexicon, text));
      expect(scanPhrases(actors, text), a.id).toEqual(scanPhrasesExactly(actors, text));
      found += terms.length;
    }
    expect(found).toBeGreaterThan(dir.endsWith('seeds') ? 50 : 3000);
  });
});
