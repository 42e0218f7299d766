import { describe, expect, test } from 'vitest';
import { countVocabulary, type ArticleText } from './table';
import { decodeTable, encodeTable, TABLE_CODEC_VERSION } from './tableCodec';
import { serialize } from 'node:v8';

const article = (outlet: string, text: string): ArticleText => ({
  outlet,
  text,
  sentences: [{ start: 0, end: text.length, section: 'body' }],
  skip: [],
  mentions: [{ start: 0, end: 5, group: 1 }],
  tokens: text.split(' ').length,
});

describe('vocabulary table codec', () => {
  const table = countVocabulary(
    [article('a', 'Daesh gunmen fired at gunmen'), article('b', 'Daesh rebels fired'), article('b', 'rebels fled')],
    ['a', 'b', 'c'],
    ['armed-groups', 'islamic-state'],
    { minCount: 1, cap: 100, liveCap: 1000 },
  );
  const reading = {
    marks: new Map([['Daesh', { group: 'islamic-state', variant: 'daesh' }]]),
    candidates: [{ group: 'islamic-state', term: 'gunmen', together: 2, uses: 2, lift: 3, score: 2.2 }],
    contexts: [],
  };
  const back = decodeTable(encodeTable(table, reading))!;

  // Read off the three texts: "gunmen" twice in a; "fired" once in a and once in b; "rebels" twice in b (2 articles).
  // Each text has a group-1 mention over characters 0-5: "Daesh" in the first two (the other n-grams co-occur with
  // it), but "rebels" itself in the third, so "rebels" co-occurs once and a bigram holding the mention never.
  test.each<[string, number[], number[], number[]]>([
    ['gunmen', [2, 0, 0], [1, 0, 0], [0, 2]],
    ['fired', [1, 1, 0], [1, 1, 0], [0, 2]],
    ['rebels', [0, 2, 0], [0, 2, 0], [0, 1]],
    ['daesh rebels', [0, 1, 0], [0, 1, 0], [0, 0]],
  ])('%s keeps uses %j, articles %j, co-occurrence %j', (term, uses, articles, withGroup) => {
    const row = back.table.terms.get(term)!;
    expect([...row.uses]).toEqual(uses);
    expect([...row.articles]).toEqual(articles);
    expect([...row.withGroup]).toEqual(withGroup);
    expect([...row.uses]).toEqual([...table.terms.get(term)!.uses]);
  });

  test('totals, term order and the lexicon reading survive', () => {
    expect([...back.table.terms.keys()]).toEqual([...table.terms.keys()]);
    expect(back.table.n).toEqual(table.n);
    expect(back.table.tokens).toEqual(table.tokens);
    expect(back.table.articles).toEqual([1, 2, 0]);
    expect(back.table.groupNgrams).toEqual(table.groupNgrams);
    expect(back.table.pruning).toEqual(table.pruning);
    expect(back.reading).toEqual(reading);
  });

  // "gunmen" as the counter can hold it: cut from a text with a character above U+00FF ("Ā"), so held two bytes per
  // character, which the serializer writes as such (tag "c", where "gunmen" cut from plain text is tag '"').
  const wide = 'gunmen Ā'.slice(0, 6);
  const withGunmen = (g: string) => ({
    table: { ...table, terms: new Map([...table.terms].map(([t, r]) => [t === 'gunmen' ? g : t, r])) },
    reading: {
      ...reading,
      marks: new Map([[g, reading.marks.get('Daesh')!]]),
      candidates: [{ ...reading.candidates[0], term: g }],
    },
  });
  test.each([
    ['held two bytes per character', wide],
    ['held one byte per character', 'gunmen'],
  ])('a term, mark and candidate %s are stored as the same bytes', (_case, g) => {
    expect(String.fromCharCode(serialize(wide)[2], serialize('gunmen')[2])).toBe('c"');
    const plain = withGunmen('gunmen');
    const other = withGunmen(g);
    expect(
      Buffer.from(encodeTable(other.table, other.reading)).equals(Buffer.from(encodeTable(plain.table, plain.reading))),
    ).toBe(true);
  });

  // A list the serializer sees with holes (made with its length first, as an unoptimised `map` can make it) is written
  // in its sparse form (tag "a", where a packed list is "A"): the stored bytes must not depend on which it was.
  test.each([
    [
      'with holes',
      () => {
        const list = new Array(reading.candidates.length);
        reading.candidates.forEach((c, i) => (list[i] = c));
        return list;
      },
    ],
    ['packed', () => [...reading.candidates]],
  ])('candidates held in a list %s are stored as the same bytes', (_case, make) => {
    const holey = new Array(1);
    holey[0] = 1;
    expect(String.fromCharCode(serialize(holey)[2], serialize([1])[2])).toBe('aA');
    const packed = Buffer.from(encodeTable(table, { ...reading, candidates: [...reading.candidates] }));
    expect(Buffer.from(encodeTable(table, { ...reading, candidates: make() })).equals(packed)).toBe(true);
  });

  test('without a reading, none comes back', () => {
    expect(decodeTable(encodeTable(table, null))!.reading).toBeNull();
  });

  test.each([
    ['another layout version', serialize({ v: TABLE_CODEC_VERSION + 1 })],
    ['bytes cut short', encodeTable(table, null).subarray(0, 20)],
    ['not a table', serialize(null)],
  ])('%s decodes to null (made again by its reader)', (_case, bytes) => {
    expect(decodeTable(bytes)).toBeNull();
  });
});
