import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeArticle, compileEngine } from '../analysis/article';
import { parseLexicon } from '../lexicon/parse';
import type { Section } from '../types';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import {
  countsKey,
  decodeDrillCounts,
  drillCountsMaker,
  encodeDrillCounts,
  makeDrillCounts,
  type DrillCounts,
} from './drillCounts';

const file = path.join(process.cwd(), 'corpus', 'lexicon.json');
const engine = compileEngine(parseLexicon(JSON.parse(readFileSync(file, 'utf8')), file));
const article = (id: string, segments: { section: Section; text: string }[]) =>
  analyzeArticle({ id, outlet: 'o', title: 'T', date: null, url: null, raw: null, note: null, segments }, engine);

// Read off the texts: a0 has "Turkish-backed rebels" (own voice, body, labelling the actor turkish-backed) and
// "militants" inside a quotation (quoted voice, body, no actor); a1 has "Rebels" in its title, two "rebels" in its
// body (no actor), "Kurdish fighters" (actor kurdish-groups) and "State forces" (set aside as generic).
const analyses = [
  article('a0', [
    { section: 'body', text: 'Turkish-backed rebels attacked the town. "The militants fled," a resident said.' },
  ]),
  article('a1', [
    { section: 'title', text: 'Rebels advance' },
    { section: 'body', text: 'Rebels shelled the city. Kurdish fighters held the rebels back. State forces arrived.' },
  ]),
];
const made = makeDrillCounts(analyses);
// Each article in a list and its counts under all/all, all/body, own/all, own/body.
const rowsOf = (c: DrillCounts, key: string) => {
  const l = c.lists.get(key);
  return l ? [...l.at].map((i, j) => [i, [...l.counts.subarray(j * 4, j * 4 + 4)]]) : [];
};

describe('makeDrillCounts', () => {
  test.each([
    // a0 once in the body; a1 three times, one of them in its title (left out under body only).
    [
      'a term’s variant',
      countsKey('m', 'armed-groups', 'rebels'),
      [
        [0, [1, 1, 1, 1]],
        [1, [3, 2, 3, 2]],
      ],
    ],
    // Quoted: counted under all voices only.
    ['a quoted variant', countsKey('m', 'armed-groups', 'militants'), [[0, [1, 1, 0, 0]]]],
    // "State forces" is set aside: no term row, a set-aside row.
    ['a set-aside mention is no term row', countsKey('m', 'armed-groups', 'forces'), []],
    ['a set-aside reason', countsKey('s', 'armed-groups', 'generic'), [[1, [1, 1, 1, 1]]]],
    ['an actor’s label', countsKey('a', 'armed-groups', 'turkish-backed', 'rebels'), [[0, [1, 1, 1, 1]]]],
    ['labels naming no actor', countsKey('a', 'armed-groups', '', 'rebels'), [[1, [3, 2, 3, 2]]]],
    ['another actor', countsKey('a', 'armed-groups', 'kurdish-groups', 'fighters'), [[1, [1, 1, 1, 1]]]],
    // An actor's labels keep set-aside mentions, as its drill-down lists them.
    ['an unattributed set-aside label', countsKey('a', 'armed-groups', '', 'forces'), [[1, [1, 1, 1, 1]]]],
  ])('%s', (_, key, expected) => {
    expect(rowsOf(made, key)).toEqual(expected);
  });

  test('counts one row per actor even when a label names the actor twice', () => {
    const twice = structuredClone(analyses[0]);
    twice.mentions[0].actors = ['turkish-backed', 'turkish-backed'];
    expect(rowsOf(makeDrillCounts([twice]), countsKey('a', 'armed-groups', 'turkish-backed', 'rebels'))).toEqual([
      [0, [1, 1, 1, 1]],
    ]);
  });
});

const small: DrillCounts = {
  articles: 3,
  lists: new Map([
    [countsKey('m', 'g', 'v'), { at: Uint32Array.from([0, 2]), counts: Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8]) }],
    [countsKey('s', 'g', 'state'), { at: Uint32Array.from([1]), counts: Uint32Array.from([9, 9, 0, 0]) }],
  ]),
};

describe('the counts codec', () => {
  test.each([
    ['hand-made counts', small],
    ['counts of analysed articles', made],
  ])('%s decode to what was encoded, and encode to the same bytes again', (_, c) => {
    const bytes = encodeDrillCounts(c);
    const back = decodeDrillCounts(bytes, 'test');
    expect(back).toEqual(c);
    expect(Buffer.from(encodeDrillCounts(back)).equals(Buffer.from(bytes))).toBe(true);
  });

  const good = Buffer.from(encodeDrillCounts(small));
  const headerEnd = 8 + good.readUInt32LE(4);
  const withHeader = (header: string) => {
    const json = Buffer.from(header.padEnd(Math.ceil(header.length / 4) * 4, ' '));
    const out = Buffer.alloc(8 + json.length);
    out.write('FDC1', 0, 'latin1');
    out.writeUInt32LE(json.length, 4);
    json.copy(out, 8);
    return Buffer.concat([out, good.subarray(headerEnd)]);
  };
  test.each([
    ['another format', Buffer.from('FMP1\0\0\0\0'), 'does not start with FDC1'],
    ['a header cut short', good.subarray(0, 12), 'its header is cut short'],
    ['a header that is not JSON', withHeader('{"articles":'), 'its header is not JSON'],
    ['a header without lists', withHeader('{"articles":3}'), 'its header has no lists'],
    ['values cut short', good.subarray(0, good.length - 4), 'runs past the end'],
    ['values left over', Buffer.concat([good, Buffer.alloc(4)]), 'bytes of values where its header names'],
    [
      'an article past the last',
      withHeader(JSON.stringify({ articles: 1, lists: [...small.lists].map(([k, l]) => [k, l.at.length]) })),
      'names an article past the last',
    ],
  ])('%s is refused, naming the file and what to do', (_, bytes, why) => {
    expect(() => decodeDrillCounts(bytes, 'c/drill-counts-x')).toThrow(why);
    expect(() => decodeDrillCounts(bytes, 'c/drill-counts-x')).toThrow(/^c\/drill-counts-x: .*delete the file/);
  });
});

describe('drillCountsMaker: the counts of the whole list, made a chunk at a time', () => {
  // FA-KES (784 articles): lists that run across every chunk boundary below.
  const fakes = analyzeArticles(loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes')));
  const whole = Buffer.from(encodeDrillCounts(makeDrillCounts(fakes)));
  test.each([[1], [7], [100], [784], [5000]])('%i at a time: the same bytes', (chunk) => {
    const maker = drillCountsMaker();
    for (let from = 0; from < fakes.length; from += chunk) maker.add(fakes.slice(from, from + chunk));
    const made = maker.finish();
    expect(made.articles).toBe(784);
    expect(Buffer.from(encodeDrillCounts(made)).equals(whole)).toBe(true);
  });

  test('the hand-made articles one at a time: the rows read off their texts', () => {
    const maker = drillCountsMaker();
    analyses.forEach((a) => maker.add([a]));
    expect(maker.finish()).toEqual(made);
  });
});
