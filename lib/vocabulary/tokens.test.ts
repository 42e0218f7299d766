import { describe, expect, test } from 'vitest';
import { articleTokens, isAcronym, ngrams, normaliseCase, termSpans, vocabularyTokens, hasUpper } from './tokens';
import { scanWords, scanWordsInto, WordSpans } from './words';

const terms = (text: string, skip: { start: number; end: number }[] = []) => {
  const out: string[] = [];
  ngrams(vocabularyTokens(text, 0, text.length, skip), (t) => out.push(t));
  return out;
};

describe('scanWords', () => {
  test.each<[string, string[]]>([
    ['al-Nusra fighters', ['al-Nusra', 'fighters']],
    ["Assad's army didn't", ["Assad's", 'army', "didn't"]],
    ['see https://t.co/x?a=1 now', ['see', 'now']],
    ['www.sputnik.com said', ['said']],
    // URL heads in any ASCII case are URLs; words that only begin like one ("http", "whom", "wwwx") are words.
    ['HTTPS://T.CO/X and Www.Sputnik.com', ['and']],
    ['http status whom www wwwx', ['http', 'status', 'whom', 'www', 'wwwx']],
    ['ends with htt', ['ends', 'with', 'htt']],
    ['rebels — fighters', ['rebels', 'fighters']],
    ['the U.S. and U.N. said', ['the', 'U.S.', 'and', 'U.N.', 'said']],
    ['Plan B. Then', ['Plan', 'B', 'Then']],
  ])('%s', (text, words) => {
    const out: string[] = [];
    scanWords(text, 0, text.length, (s, e) => out.push(text.slice(s, e)));
    expect(out).toEqual(words);
  });

  // scanWordsInto is the scan itself (scanWords calls it): the same words and joins, written into a reused buffer
  // that widens when a range holds more words than it has room for (3 here, 40 words below).
  test.each<[string, string]>([
    ['words, punctuation and a URL', 'Rebels, fighters see https://t.co/x now — the U.S. and al-Nusra'],
    ['more words than the buffer holds', Array.from({ length: 40 }, (_, i) => `w${'abcdefghij'[i % 10]}`).join(' ')],
    ['a skipped quotation', 'He said "rebels fled" then left'],
  ])('scanWordsInto: %s', (_, text) => {
    const skip = text.includes('"') ? [{ start: text.indexOf('"'), end: text.lastIndexOf('"') + 1 }] : [];
    const viaCallback: [number, number, boolean][] = [];
    scanWords(text, 0, text.length, (s, e, j) => viaCallback.push([s, e, j]), skip);
    const out = scanWordsInto(text, 0, text.length, skip, new WordSpans(1));
    const viaBuffer = Array.from({ length: out.count }, (_, k) => [
      out.spans[k * 3],
      out.spans[k * 3 + 1],
      out.spans[k * 3 + 2] === 1,
    ]);
    expect(viaBuffer).toEqual(viaCallback);
    expect(viaBuffer.length).toBeGreaterThan(3);
  });
});

describe('case rule', () => {
  test.each<[string, boolean, boolean, string]>([
    ['IS', false, false, 'IS'],
    ['IS', true, false, 'IS'],
    ['ISIL', true, true, 'ISIL'],
    ['SYRIA', false, false, 'syria'],
    ['Takfiri', false, false, 'Takfiri'],
    ['Takfiri', true, false, 'takfiri'],
    ['Syrian', false, true, 'syrian'],
    ['The', false, false, 'the'],
    ['rebels', false, false, 'rebels'],
    ['I', true, false, 'i'],
  ])('%s (first %s, title case %s) -> %s', (word, first, title, out) => {
    expect(normaliseCase(word, first, title)).toBe(out);
  });
  test.each<[string, boolean]>([
    ['IS', true],
    ['ISIL', true],
    ['NATO', true],
    ['ISISX', false],
    ['I', false],
    ['Is', false],
  ])('isAcronym(%s) = %s', (w, yes) => expect(isAcronym(w)).toBe(yes));
});

describe('n-grams', () => {
  test.each<[string, string[]]>([
    // Stopword unigrams dropped; "of the" (both stopwords) dropped; "fighters of" kept (one stopword).
    [
      'Fighters of the Takfiri groups',
      ['fighters', 'fighters of', 'the Takfiri', 'Takfiri', 'Takfiri groups', 'groups'],
    ],
    // A comma, a dash, a colon and brackets break bigrams.
    ['rebels, militants', ['rebels', 'militants']],
    ['rebels – militants', ['rebels', 'militants']],
    ['rebels: militants (gunmen)', ['rebels', 'militants', 'gunmen']],
    ['"rebels" militants', ['rebels', 'militants']],
    // A number is dropped and breaks the bigram around it.
    ['killed 25 gunmen', ['killed', 'gunmen']],
    // IS keeps its case and is not the stopword "is".
    ['Attacks by IS is news', ['attacks', 'attacks by', 'by IS', 'IS', 'IS is', 'news', 'is news']],
    // A possessive is dropped.
    [
      "Army troops entered Assad's palace",
      [
        'army',
        'army troops',
        'troops',
        'troops entered',
        'entered',
        'entered Assad',
        'Assad',
        'Assad palace',
        'palace',
      ],
    ],
    // Title case: every word lowercased.
    [
      'Syrian Army Kills Daesh Terrorists',
      [
        'syrian',
        'syrian army',
        'army',
        'army kills',
        'kills',
        'kills daesh',
        'daesh',
        'daesh terrorists',
        'terrorists',
      ],
    ],
  ])('%s', (text, expected) => {
    expect(terms(text).sort()).toEqual([...expected].sort());
  });

  test('own voice: quoted words are skipped and break bigrams', () => {
    const text = 'Officials said "terrorists attacked" the town';
    const q = { start: text.indexOf('"'), end: text.lastIndexOf('"') + 1 };
    expect(terms(text, [q]).sort()).toEqual(['officials', 'officials said', 'said', 'the town', 'town'].sort());
  });
});

describe('article-level case rule', () => {
  const sentences = (text: string) => {
    const out: { start: number; end: number }[] = [];
    let start = 0;
    for (const part of text.split('. ')) {
      out.push({ start, end: start + part.length });
      start += part.length + 2;
    }
    return out;
  };
  test.each<[string, string[]]>([
    // "Takfiri" opens a sentence, and the article writes it capitalised mid-sentence: the capital is kept.
    ['Takfiri gunmen fled. The Takfiri groups left', ['Takfiri', 'gunmen', 'fled', 'the', 'Takfiri', 'groups', 'left']],
    // Never capitalised mid-sentence: lowercased.
    ['Militants fled. The militants left', ['militants', 'fled', 'the', 'militants', 'left']],
    // "U.S." is the acronym "US"; one-letter words are dropped.
    ['The U.S. said a plan B exists', ['the', 'US', 'said', 'plan', 'exists']],
  ])('%s', (text, tokens) => {
    expect(articleTokens(text, sentences(text)).flatMap((s) => s.map((t) => t.text))).toEqual(tokens);
  });
  test('termSpans finds the counted form, sentence by sentence', () => {
    const text = 'Takfiri gunmen fled. The Takfiri groups left';
    const found = termSpans(text, sentences(text), 'Takfiri').map((s) => s.map((x) => text.slice(x.start, x.end)));
    expect(found).toEqual([['Takfiri'], ['Takfiri']]);
  });
});

describe('hasUpper: whether lowercasing changes a word', () => {
  // Each checked against toLowerCase by reading: only the last two change.
  test.each<[string, boolean]>([
    ['gunmen', false],
    ['al-nusra', false],
    ['don’t', false],
    ['şam', false],
    ['Takfiri', true],
    ['İdlib', true],
  ])('%s: %s', (word, changes) => {
    expect(hasUpper(word)).toBe(changes);
    expect(hasUpper(word)).toBe(word !== word.toLowerCase());
  });
});
