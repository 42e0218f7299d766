import { describe, expect, test } from 'vitest';
import { indexedArticle, sampleArticles } from './testArticle';
import { findMatches, parseSearch } from './search';
import {
  addHits,
  decodeWordIndex,
  encodeWordIndex,
  hasSentences,
  makeWordIndex,
  matchingWords,
  type IndexReading,
} from './searchIndex';

const article = indexedArticle;

// Counted by hand: see sampleArticles.
const articles = sampleArticles();
const ix = makeWordIndex(articles);

const hits = (word: string[], r: IndexReading) => {
  const out = new Int32Array(ix.articles);
  addHits(ix, matchingWords(ix, word), r, out);
  return [...out];
};

describe('word index postings', () => {
  test.each<[string[], IndexReading, number[]]>([
    // Counted by reading the three articles above.
    [['rebels'], { voice: 'all', scope: 'all' }, [3, 0, 2]],
    [['rebels'], { voice: 'all', scope: 'body' }, [2, 0, 2]],
    [['rebels'], { voice: 'own', scope: 'all' }, [2, 0, 2]],
    [['rebels'], { voice: 'own', scope: 'body' }, [1, 0, 2]],
    [["don't"], { voice: 'all', scope: 'all' }, [0, 0, 1]],
    [['rest'], { voice: 'all', scope: 'all' }, [1, 0, 0]],
    [['rest'], { voice: 'all', scope: 'body' }, [0, 0, 0]],
    [['fled'], { voice: 'own', scope: 'all' }, [0, 0, 0]],
    [['fled'], { voice: 'all', scope: 'body' }, [1, 0, 0]],
    // "re*": rebels and rest.
    [['re', ''], { voice: 'all', scope: 'all' }, [4, 0, 2]],
    [['absent'], { voice: 'all', scope: 'all' }, [0, 0, 0]],
  ])('%j under %j: %j', (word, r, want) => expect(hits(word, r)).toEqual(want));

  test.each<[string, string[]]>([
    ['rebels', ['rebels']],
    ['reb*', ['rebels']],
    ['*e', ['here']],
    ['*e*', ['fled', 'here', 'rebels', 'rest']],
    ['d*t', ["don't"]],
    ['zz*', []],
  ])('%s matches %j', (q, want) => {
    const p = parseSearch(q);
    if (!p.ok) throw new Error(p.message);
    expect(matchingWords(ix, p.pattern.words[0]).map((k) => ix.words[k])).toEqual(want);
  });

  test.each<[number, 'all' | 'body', boolean]>([
    [0, 'all', true],
    [0, 'body', true],
    [1, 'all', true],
    [1, 'body', false],
    [2, 'body', true],
  ])('article %i has a sentence under scope %s: %s', (i, scope, want) =>
    expect(hasSentences(ix, i, { voice: 'all', scope })).toBe(want),
  );

  test('the words are those findMatches reads, lowercased, sorted', () =>
    expect(ix.words).toEqual(["don't", 'fled', 'here', 'nothing', 'rebels', 'rest', 'said', 'today']));

  test('gaps and counts over 127 take several varint bytes', () => {
    const many = makeWordIndex([
      ...Array.from({ length: 300 }, () => article([['body', 'x.']])),
      article([['body', Array.from({ length: 200 }, () => 'war').join(' ')]]),
    ]);
    const out = new Int32Array(many.articles);
    addHits(many, matchingWords(many, ['war']), { voice: 'own', scope: 'body' }, out);
    // 200 "war" in article 300 alone.
    expect(out[300]).toBe(200);
    expect(out.reduce((a, b) => a + b, 0)).toBe(200);
  });

  test('on news-like text (hyphens, abbreviations, URLs, brackets) the index counts what findMatches finds, sentence by sentence', () => {
    const a = article(
      [
        ['title', 'Al-Nusra and U.S. forces: the rebels’ advance'],
        ['body', 'The U.S. said al-nusra fighters (rebels) took http://x.y/rebels and www.rebels.org.'],
      ],
      'al-nusra fighters',
    );
    const one = makeWordIndex([a]);
    for (const q of ['al-nusra', 'said', 'rebels', 'the', 'www', 'x', 'fighters'])
      for (const r of [
        { voice: 'all', scope: 'all' },
        { voice: 'own', scope: 'body' },
      ] as IndexReading[]) {
        const p = parseSearch(q);
        if (!p.ok) throw new Error(p.message);
        const skip = r.voice === 'own' ? [...a.quotes] : [];
        const found = a.sentences
          .filter((s) => r.scope === 'all' || s.section === 'body')
          .reduce((n, s) => n + findMatches(a.text, s.start, s.end, p.pattern, skip).length, 0);
        const out = new Int32Array(1);
        addHits(one, matchingWords(one, p.pattern.words[0]), r, out);
        expect([q, r, out[0]]).toEqual([q, r, found]);
      }
  });
});

describe('word index bytes', () => {
  test.each([
    ['three articles', ix],
    ['no article', makeWordIndex([])],
    ['an article without words', makeWordIndex([article([['body', '...']])])],
  ])('%s: decoded as made, and the same bytes each time', (_, made) => {
    const bytes = encodeWordIndex(made);
    expect(decodeWordIndex(bytes, 'x')).toEqual(made);
    expect(Buffer.from(encodeWordIndex(decodeWordIndex(bytes, 'x'))).equals(Buffer.from(bytes))).toBe(true);
  });

  test.each<[string, (b: Buffer) => Uint8Array, string]>([
    ['another format', (b) => Buffer.concat([Buffer.from('XXXX'), b.subarray(4)]), 'does not start with FWI1'],
    ['cut short', (b) => b.subarray(0, b.length - 3), 'bytes where its header names'],
    ['a header cut short', (b) => b.subarray(0, 10), 'header is cut short'],
  ])('%s: a clear error naming the file', (_, spoil, why) => {
    const bytes = spoil(Buffer.from(encodeWordIndex(ix)));
    expect(() => decodeWordIndex(bytes, 'c/word-index-v')).toThrow(why);
    expect(() => decodeWordIndex(bytes, 'c/word-index-v')).toThrow('c/word-index-v');
  });
});
