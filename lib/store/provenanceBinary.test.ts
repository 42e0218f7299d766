import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { encodePagesPartV1, encodeProvenanceV1 } from '../../bench/lib/legacyProvenance';
import { generatedProvenance, pagePartsOf } from '../../bench/lib/provenanceBench';
import { sentencePool } from '../../bench/lib/sentencePool';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { corpusProvenance } from '../provenance/corpusProvenance';
import type { ArticleProvenance, SentenceProvenance } from '../provenance/model';
import type { ArticlePageRecord } from '../provenance/pages';
import type { PairMatch } from '../provenance/reuseIndex';
import { decodeProvenance, encodeProvenance, PROVENANCE_PART } from './derived';
import { compactProvenance, type StoredProvenance } from './provenanceCodec';
import { decodePagesPart, decodePagesRecord, encodePagesPart } from './provenancePages';

const fakesCorpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
const fakes = corpusProvenance(fakesCorpus, analyzeArticles(fakesCorpus));
// 600 generated articles over 8 outlets: sentences resampled from one pool, so many are reprinted across articles.
const generated = generatedProvenance(sentencePool(), 600, 8, 2016);

/** The format byte of each stored part of an FSP2 provenance ("B" binary, "V" v8). */
function partFormats(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes);
  const end = 8 + buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, end)) as { articles: number[]; pairs: number[] };
  let at = end;
  let out = '';
  for (const size of [...header.articles, ...header.pairs]) {
    out += String.fromCharCode(buf[at]);
    at += size;
  }
  return out;
}

const sentence = (x: Partial<SentenceProvenance>): SentenceProvenance => ({
  start: 0,
  end: 10,
  words: 2,
  credited: [],
  others: [],
  kind: 'original',
  sourceArticle: null,
  similarity: null,
  ...x,
});

const article = (id: string, x: Partial<ArticleProvenance> = {}): ArticleProvenance => ({
  id,
  outlet: 'o',
  date: null,
  credits: [],
  credited: [],
  sentences: [],
  ...x,
});

const other = (article: string, similarity: number, start: number, end: number) => ({
  article,
  outlet: 'ألجزيرة',
  date: null,
  similarity,
  start,
  end,
});

const stored = (articles: ArticleProvenance[], pairs: PairMatch[][] = articles.map(() => [])): StoredProvenance => ({
  options: fakes.index.options,
  sources: fakes.sources,
  articles,
  pairs,
});

const BIG = 2 ** 31 + 5;
const pair: PairMatch = {
  a: 1,
  b: 0,
  passages: [
    {
      aStart: BIG,
      aEnd: BIG + 40,
      bStart: 3,
      bEnd: 41,
      anchors: [
        { a: BIG, b: 3, len: 20 },
        { a: BIG + 22, b: 23, len: 18 },
      ],
      matched: 38,
    },
  ],
};

// Edge cases: each reads back deep-equal from the binary form (and is stored binary, not by the v8 fallback).
const edges: [string, StoredProvenance][] = [
  ['an empty provenance', stored([])],
  ['an article with no sentences', stored([article('a')])],
  [
    'null dates, non-ASCII ids and outlets, similarity 1 and 1/3',
    stored([
      article('مقال-١', {
        outlet: 'Le Monde — édition',
        date: '2016-01-02',
        credited: ['afp', 'وكالة'],
        credits: [{ source: 'afp', style: 'dateline', start: 0, end: 3 }],
        sentences: [
          sentence({
            kind: 'shared',
            sourceArticle: '新华社-2',
            similarity: 1 / 3,
            others: [other('新华社-2', 1 / 3, 5, 90), other('x', 1, 0, 0)],
          }),
          sentence({ start: 12, end: 30, kind: 'credited', credited: ['afp'] }),
        ],
      }),
    ]),
  ],
  [
    'offsets past 2^31 and a similarity that is no small ratio',
    stored(
      [
        article('a', { sentences: [sentence({ start: BIG, end: BIG * 2, similarity: Math.PI / 4, kind: 'shared' })] }),
        article('b'),
      ],
      [[pair], [pair]],
    ),
  ],
  [
    `${PROVENANCE_PART + 1} articles (two parts), over 255 distinct ids in each`,
    stored(Array.from({ length: PROVENANCE_PART + 1 }, (_, i) => article(`id-${i}`, { date: `2016-01-${i % 30}` }))),
  ],
];

describe('stored provenance: binary parts (FSP2)', () => {
  test.each([
    ['FA-KES', compactProvenance(fakes)],
    ['600 generated articles with reprints', compactProvenance(generated)],
    ...edges,
  ])('%s: reads back deep-equal, every part binary', (_, p) => {
    const bytes = encodeProvenance(p);
    expect(Buffer.from(bytes).toString('latin1', 0, 4)).toBe('FSP2');
    expect(partFormats(bytes)).toMatch(/^B*$/);
    const back = decodeProvenance(bytes);
    expect(back).toEqual(p);
    // The same keys in the same order, as the provenance code makes them.
    expect(JSON.stringify(back)).toBe(JSON.stringify(p));
  });

  test('a pair sits in both its articles’ lists: stored once, read back as one object', () => {
    const back = decodeProvenance(encodeProvenance(edges[3][1]))!;
    expect(back.pairs[0][0]).toBe(back.pairs[1][0]);
  });

  test('a pair of articles in two parts: written in the first, referred to from the second', () => {
    const across: PairMatch = { ...pair, a: PROVENANCE_PART, b: 0 };
    const lists = Array.from({ length: PROVENANCE_PART + 1 }, (): PairMatch[] => []);
    lists[0].push(across);
    lists[PROVENANCE_PART].push(across);
    const p = stored(
      lists.map((_, i) => article(`a${i}`)),
      lists,
    );
    const bytes = encodeProvenance(p);
    const back = decodeProvenance(bytes)!;
    expect(back).toEqual(p);
    expect(back.pairs[PROVENANCE_PART][0]).toBe(back.pairs[0][0]);
    // Written twice (two equal objects) it takes more bytes: the reference is what was stored.
    const twice = encodeProvenance({ ...p, pairs: lists.map((l) => l.map((x) => ({ ...x }))) });
    expect(twice.length).toBeGreaterThan(bytes.length);
  });

  test.each([
    ['FA-KES', compactProvenance(fakes)],
    ['600 generated articles', compactProvenance(generated)],
    ['an empty provenance', stored([])],
  ])('%s stored before (FSP1, v8 parts) still reads', (_, p) => {
    expect(decodeProvenance(encodeProvenanceV1(p))).toEqual(p);
  });

  test('an article of another shape (one field more): its part is stored by v8, and reads back equal', () => {
    const p = stored([{ ...article('a'), extra: 1 } as ArticleProvenance]);
    const bytes = encodeProvenance(p);
    expect(partFormats(bytes)).toBe('VB');
    expect(decodeProvenance(bytes)).toEqual(p);
  });

  const whole = encodeProvenance(compactProvenance(fakes));
  test.each([
    ['before its header', 6],
    ['inside its header', 20],
    ['inside the first part', Math.floor(whole.length / 4)],
    ['inside the last part', whole.length - 200],
    ['one byte short', whole.length - 1],
  ])('cut short %s: null, never a wrong provenance', (_, cut) => {
    expect(decodeProvenance(whole.subarray(0, cut))).toBeNull();
  });

  test('a byte too many: null', () => {
    expect(decodeProvenance(Buffer.concat([whole, Buffer.of(0)]))).toBeNull();
  });
});

describe('stored page parts: binary (FPP2)', () => {
  const cases: [string, ArticlePageRecord[]][] = [
    ...pagePartsOf(fakes).map((part, k): [string, ArticlePageRecord[]] => [`FA-KES part ${k}`, part]),
    ...pagePartsOf(generated).map((part, k): [string, ArticlePageRecord[]] => [`generated part ${k}`, part]),
    ['an empty part', []],
    [
      'records of the edge cases, with a side-by-side past 2^31',
      edges[2][1].articles.map((a) => ({
        provenance: a,
        partners: [
          {
            article: '新华社-2',
            outlet: 'ألجزيرة',
            date: null,
            passages: [
              {
                left: [
                  { start: BIG, end: BIG + 9, same: true },
                  { start: BIG + 9, end: BIG + 9, same: false },
                ],
                right: [],
                similarity: 1 / 3,
              },
            ],
          },
        ],
      })),
    ],
  ];

  test.each(cases)('%s: the part and each record alone read back deep-equal', (_, records) => {
    const bytes = encodePagesPart(records);
    expect(Buffer.from(bytes).toString('latin1', 0, 4)).toBe('FPP2');
    const back = decodePagesPart(bytes, 'here');
    expect(back).toEqual(records);
    expect(JSON.stringify(back)).toBe(JSON.stringify(records));
    records.forEach((r, j) => expect(decodePagesRecord(bytes, 'here', j)).toEqual(r));
    expect(decodePagesRecord(bytes, 'here', records.length)).toBeUndefined();
  });

  test.each(cases.slice(0, 2))('%s stored before (FPP1, JSON) still reads', (_, records) => {
    const bytes = encodePagesPartV1(records);
    expect(decodePagesPart(bytes, 'here')).toEqual(records);
    expect(decodePagesRecord(bytes, 'here', 3)).toEqual(records[3]);
  });

  test('a record of another shape: the part is stored as JSON (FPP1) and reads back equal', () => {
    const records = [{ ...cases[0][1][0], extra: true } as ArticlePageRecord];
    const bytes = encodePagesPart(records);
    expect(Buffer.from(bytes).toString('latin1', 0, 4)).toBe('FPP1');
    expect(decodePagesPart(bytes, 'here')).toEqual(records);
  });

  const part = encodePagesPart(cases[0][1]);
  test.each([
    ['inside the tag', 3],
    ['inside the string table', 40],
    ['5,000 bytes in', 5000],
    ['inside a record', Math.floor(part.length / 2)],
    ['one byte short', part.length - 1],
  ])('cut short %s: a clear error naming the file, for the part and for one record', (_, cut) => {
    const bytes = part.subarray(0, cut);
    const where = 'c/provenance-pages-v1-p0';
    expect(() => decodePagesPart(bytes, where)).toThrow(`${where}: not readable as provenance pages`);
    expect(() => decodePagesRecord(bytes, where, 0)).toThrow(`${where}: not readable as provenance pages`);
  });
});
