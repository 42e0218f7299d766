import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeArticle, compileEngine } from '../analysis/article';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { parseLexicon } from '../lexicon/parse';
import {
  SUMMARY_FIELDS,
  decodeMentionPostings,
  encodeMentionPostings,
  makeMentionPostings,
  mentionPostingsMaker,
  pairKey,
  type MentionPostings,
} from './mentionPostings';

const file = path.join(process.cwd(), 'corpus', 'lexicon.json');
const engine = compileEngine(parseLexicon(JSON.parse(readFileSync(file, 'utf8')), file));
const article = (id: string, text: string) =>
  analyzeArticle(
    {
      id,
      outlet: 'o',
      title: 'Title',
      date: null,
      url: null,
      raw: null,
      note: null,
      segments: [{ section: 'body', text }],
    },
    engine,
  );

// Three articles; what each names was read off its text (the lexicon's Daesh/ISIS variants, the actor "turkey" by its
// alias "Turkish", and "militants" of the armed-groups group).
const analyses = [
  article('a0', 'Daesh fighters retreated. Turkish troops crossed the border.'),
  article('a1', 'ISIS claimed the attack.'),
  article('a2', 'Daesh and ISIS both appear here. Daesh again.'),
];
const made = makeMentionPostings(analyses);
const list = (m: ReadonlyMap<string, Uint32Array>, key: string) => [...(m.get(key) ?? [])];

describe('makeMentionPostings', () => {
  test.each([
    // a0 and a2 name Daesh (a2 twice: listed once).
    ['Daesh', made.variants, pairKey('islamic-state', 'daesh'), [0, 2]],
    ['ISIS', made.variants, pairKey('islamic-state', 'isis'), [1, 2]],
    ['a variant no article names', made.variants, pairKey('islamic-state', 'isil'), []],
    // Only a0 names Turkey ("Turkish troops").
    ['sentences naming Turkey', made.tone, 'turkey', [0]],
  ])('%s', (_, m, key, expected) => {
    expect(list(m, key)).toEqual(expected);
  });

  test('keeps every article’s row numbers under each voice and scope, as articleCounts reads them', () => {
    expect(made.articles).toBe(3);
    expect(made.summary.length).toBe(3 * SUMMARY_FIELDS);
    // a1 "ISIS claimed the attack." is body text: one counted mention under every voice and scope.
    const mentions = [0, 1, 2, 3].map((k) => made.summary[1 * SUMMARY_FIELDS + k * 4 + 1]);
    expect(mentions).toEqual([1, 1, 1, 1]);
    // a2 names Daesh twice and ISIS once: three mentions.
    expect(made.summary[2 * SUMMARY_FIELDS + 1]).toBe(3);
  });
});

const small: MentionPostings = {
  articles: 2,
  variants: new Map([[pairKey('g', 'v'), Uint32Array.from([0, 1])]]),
  actors: new Map([[pairKey('g', ''), Uint32Array.from([1])]]),
  tone: new Map([['x', Uint32Array.from([0])]]),
  summary: Int32Array.from({ length: 2 * SUMMARY_FIELDS }, (_, i) => i - 5),
};

describe('the postings codec', () => {
  test.each([
    ['hand-made postings', small],
    ['postings of analysed articles', made],
  ])('%s decode to what was encoded, and encode to the same bytes again', (_, p) => {
    const bytes = encodeMentionPostings(p);
    const back = decodeMentionPostings(bytes, 'test');
    expect(back).toEqual(p);
    expect(Buffer.from(encodeMentionPostings(back)).equals(Buffer.from(bytes))).toBe(true);
  });

  test('decodes from an unaligned offset (a slice of a larger buffer)', () => {
    const bytes = encodeMentionPostings(small);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodeMentionPostings(shifted.subarray(1), 'test')).toEqual(small);
  });

  const bytes = Buffer.from(encodeMentionPostings(small));
  test.each([
    ['another format', Buffer.from('FSP1xxxxxxxx'), /does not start with FMP1/],
    ['a cut header', bytes.subarray(0, 12), /header is cut short/],
    ['cut values', bytes.subarray(0, bytes.length - 4), /bytes of values where its header names/],
  ])('%s is refused, naming the file and how to fix it', (_, b, why) => {
    expect(() => decodeMentionPostings(b, 'seeds/mention-postings-x')).toThrow(why);
    expect(() => decodeMentionPostings(b, 'seeds/mention-postings-x')).toThrow(/seeds\/mention-postings-x.*delete/);
  });
});

describe('mentionPostingsMaker: the postings of the whole list, made a chunk at a time', () => {
  // FA-KES (784 articles): lists and summary rows that run across every chunk boundary below.
  const fakes = analyzeArticles(loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes')));
  const whole = Buffer.from(encodeMentionPostings(makeMentionPostings(fakes)));
  test.each([[1], [7], [100], [784], [5000]])('%i at a time: the same bytes', (chunk) => {
    const maker = mentionPostingsMaker();
    for (let from = 0; from < fakes.length; from += chunk) maker.add(fakes.slice(from, from + chunk));
    const made = maker.finish();
    expect(made.articles).toBe(784);
    expect(Buffer.from(encodeMentionPostings(made)).equals(whole)).toBe(true);
  });

  test('the hand-made articles one at a time: the lists read off their texts', () => {
    const maker = mentionPostingsMaker();
    analyses.forEach((a) => maker.add([a]));
    expect(maker.finish()).toEqual(made);
  });
});
