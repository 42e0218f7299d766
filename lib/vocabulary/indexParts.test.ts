import { describe, expect, test } from 'vitest';
import { indexedArticle, sampleArticles } from './testArticle';
import {
  decodeWordIndexHead,
  decodeWordPart,
  encodeWordIndexHead,
  encodeWordPart,
  isWordIndexHead,
  joinWordIndex,
  partsOfPattern,
  splitWordIndex,
  wholeSearchable,
  wordIndexParts,
  type WordLists,
} from './indexParts';
import { parseSearch } from './search';
import {
  addHits,
  encodeWordIndex,
  makeWordIndex,
  matchingWords,
  type IndexReading,
  type WordIndex,
  WordIndexBuilder,
} from './searchIndex';

const article = indexedArticle;

const ix = makeWordIndex([
  ...sampleArticles(),
  article([['body', 'Rebel forces and the rebellion rest.']]),
  article([['body', 'Terrorists, terror and the rebels.']]),
]);

const parted = (partBytes: number) => {
  const { head, parts } = splitWordIndex(ix, partBytes);
  const h = decodeWordIndexHead(encodeWordIndexHead(head), 'h');
  return { head: h, parts: parts.map((p, k) => decodeWordPart(p, `p${k}`)) };
};

// A pattern word's hits summed over the parts partsOfPattern names, against the whole index (the code before parts).
function hitsBoth(term: string, r: IndexReading, partBytes: number) {
  const parsed = parseSearch(term);
  if (!parsed.ok) throw new Error(term);
  const words = parsed.pattern.words[0];
  const whole = new Int32Array(ix.articles);
  addHits(ix, matchingWords(ix, words), r, whole);
  const { head, parts } = parted(partBytes);
  const read = partsOfPattern(head, words);
  const fromParts = new Int32Array(ix.articles);
  for (const k of read) addHits(parts[k], matchingWords(parts[k], words), r, fromParts);
  return { whole: [...whole], fromParts: [...fromParts], read: read.length };
}

describe('a word index cut into a head and parts', () => {
  test('the five articles hold 15 distinct words', () => {
    // Read from the texts: and, don't, fled, forces, here, nothing, rebel, rebellion, rebels, rest, said, terror,
    // terrorists, the, today.
    expect(ix.words.length).toBe(15);
  });

  test.each([
    // Every word is at least one byte: one word per part.
    ['one byte per part', 1, 15],
    // Far more than the whole index: one part.
    ['a megabyte per part', 1 << 20, 1],
  ])('%s: %i bytes give %i parts, joined back to the same index', (_what, bytes, count) => {
    const { head, parts } = parted(bytes);
    expect(parts.length).toBe(count);
    expect(head.firsts.length).toBe(count);
    expect(head.firsts[0]).toBe('and');
    expect(joinWordIndex(head, parts)).toEqual(ix);
  });

  test.each([8, 16, 40, 100])('%i bytes per part: every word in exactly one part, in order, none empty', (bytes) => {
    const { head, parts } = parted(bytes);
    expect(parts.every((p) => p.words.length > 0)).toBe(true);
    expect(parts.flatMap((p) => p.words)).toEqual(ix.words);
    expect(head.firsts).toEqual(parts.map((p) => p.words[0]));
    expect(joinWordIndex(head, parts)).toEqual(ix);
  });

  test.each([
    ['no article', makeWordIndex([])],
    ['an article without words', makeWordIndex([article([['body', '...']])])],
  ])('%s: a head and one empty part (part 0 is always there)', (_what, empty) => {
    const { head, parts } = splitWordIndex(empty, 8);
    expect(parts.length).toBe(1);
    const part = decodeWordPart(parts[0], 'p0');
    expect(part.words).toEqual([]);
    expect(partsOfPattern(head, ['rebels'])).toEqual([0]);
    expect(joinWordIndex(head, [part])).toEqual(empty);
  });

  test('the same index always gives the same bytes; a whole index is not taken for a head', () => {
    const a = splitWordIndex(ix, 16);
    const b = splitWordIndex(makeWordIndex([]), 16);
    expect(Buffer.from(encodeWordIndexHead(a.head)).equals(Buffer.from(encodeWordIndexHead(parted(16).head)))).toBe(
      true,
    );
    for (const p of a.parts)
      expect(Buffer.from(encodeWordPart(decodeWordPart(p, 'x'))).equals(Buffer.from(p))).toBe(true);
    expect(isWordIndexHead(encodeWordIndexHead(b.head))).toBe(true);
    expect(isWordIndexHead(encodeWordIndex(ix))).toBe(false);
  });

  test('a part size below one byte is refused, naming it', () => {
    expect(() => splitWordIndex(ix, 0)).toThrow('a word index part must hold at least 1 byte (asked for 0)');
  });
});

describe('parts a pattern word reads', () => {
  // Hand-made directory: part 0 holds [a, ba), 1 [ba, bb), 2 [bb, bc), 3 [bc, c), 4 [c, ...).
  const head = { firsts: ['a', 'ba', 'bb', 'bc', 'c'] };
  test.each<[string, string[], number[]]>([
    ['a literal word in the first part', ['az'], [0]],
    ['a literal word sorting before every part', ['0'], [0]],
    ['a literal word that is a first word', ['bb'], [2]],
    ['a literal word between two first words', ['bbz'], [2]],
    ['a literal word past the last first word', ['zz'], [4]],
    // "b" itself or "b-x" would sort in part 0, "ba…" in 1, "bb…" in 2, "bc…" in 3; "c" does not start with "b".
    ['a head spanning parts', ['b', ''], [0, 1, 2, 3]],
    // Part 1 ends before "bb", part 3 starts at "bc": only part 2 can hold "bb…".
    ['a head inside one part', ['bb', ''], [2]],
    ['a head with a tail', ['bb', 's'], [2]],
    ['no head', ['', 's'], [0, 1, 2, 3, 4]],
  ])('%s: %j reads parts %j', (_what, pattern, want) => {
    expect(partsOfPattern(head, pattern)).toEqual(want);
  });
});

describe('hits from the parts equal hits from the whole index', () => {
  const READINGS: IndexReading[] = [
    { voice: 'all', scope: 'all' },
    { voice: 'own', scope: 'body' },
  ];
  test.each<[string, number, number]>([
    // One word per part: the literal reads its one part; rebel* reads rebel, rebellion, rebels; terror* reads terror,
    // terrorists; *s reads all 15; r*s reads nothing (the part "r" would sort in), rebel, rebellion, rebels, rest; zzz
    // reads the last part (today) and finds nothing. At 16 and 40 bytes a part, only the hits are compared.
    ['rebels', 1, 1],
    ["don't", 1, 1],
    ['rebel*', 1, 3],
    ['terror*', 1, 2],
    ['*s', 1, 15],
    ['r*s', 1, 5],
    ['zzz', 1, 1],
    ['rebel*', 16, -1],
    ['*s', 40, -1],
    ['the', 40, 1],
  ])('%s, %i bytes per part, parts read %i (-1: not checked)', (term, bytes, read) => {
    for (const r of READINGS) {
      const got = hitsBoth(term, r, bytes);
      expect(got.fromParts).toEqual(got.whole);
      if (read >= 0) expect(got.read).toBe(read);
    }
  });

  test('a whole index (stored before parts) is one part for every pattern word', () => {
    const s = wholeSearchable(ix);
    expect(s.partsFor(['rebels'])).toEqual([ix]);
    expect(s.partsFor(['', 's'])).toEqual([ix]);
    expect(s.partReads(['', 's']).map((read) => read())).toEqual([ix]);
  });
});

describe('bytes that are not a head or a part', () => {
  const { head, parts } = splitWordIndex(ix, 16);
  const headBytes = Buffer.from(encodeWordIndexHead(head));
  const partBytes = Buffer.from(parts[0]);
  test.each<[string, () => WordIndex | unknown, string]>([
    ['a head of another tag', () => decodeWordIndexHead(Buffer.from('FWX1....'), 'c/h'), 'does not start with FWH1'],
    ['a head cut short', () => decodeWordIndexHead(headBytes.subarray(0, headBytes.length - 1), 'c/h'), 'holds'],
    ['a head with a cut header', () => decodeWordIndexHead(headBytes.subarray(0, 10), 'c/h'), 'header is cut short'],
    ['a part read as a head', () => decodeWordIndexHead(partBytes, 'c/h'), 'does not start with FWH1'],
    ['a part cut short', () => decodeWordPart(partBytes.subarray(0, partBytes.length - 1), 'c/h-w0'), 'holds'],
    ['a head read as a part', () => decodeWordPart(headBytes, 'c/h-w0'), 'does not start with FWP1'],
  ])('%s: a clear error naming the file', (_what, read, why) => {
    expect(read).toThrow(why);
    expect(read).toThrow(/^c\/h(-w0)?: not readable as a word index (head|part)/);
  });
});

// The split as it was made before parts were streamed (commit bd4134f): the whole index sliced part by part, kept here
// as a second implementation the streamed parts must equal byte for byte.
function splitBefore(whole: WordIndex, partBytes: number): { head: Uint8Array; parts: Uint8Array[] } {
  const parts: Uint8Array[] = [];
  const firsts: string[] = [];
  let from = 0;
  let size = 0;
  const cut = (to: number) => {
    firsts.push(whole.words[from] ?? '');
    const base = whole.starts[from];
    const starts = new Uint32Array(to - from + 1);
    for (let k = from; k <= to; k++) starts[k - from] = whole.starts[k] - base;
    const words = whole.words.slice(from, to);
    parts.push(encodeWordPart({ words, starts, postings: whole.postings.subarray(base, whole.starts[to]) }));
    from = to;
    size = 0;
  };
  for (let k = 0; k < whole.words.length; k++) {
    size += whole.starts[k + 1] - whole.starts[k] + whole.words[k].length + 1;
    if (size >= partBytes) cut(k + 1);
  }
  if (from < whole.words.length || parts.length === 0) cut(whole.words.length);
  const head = { articles: whole.articles, inScope: whole.inScope, firsts, sizes: parts.map((p) => p.length) };
  return { head: encodeWordIndexHead(head), parts };
}

// The articles of `ix` above plus a longer generated run, so parts of 1 MB hold many words and several parts are cut.
function manyArticles() {
  const words = ['rebels', 'forces', 'Daesh', 'ISIS', 'fighters', 'militants', 'said', 'the', 'town', 'army'];
  const out = [
    ...sampleArticles(),
    article([['body', 'Rebel forces and the rebellion rest.']]),
    article([['body', 'Terrorists, terror and the rebels.']]),
  ];
  for (let i = 0; i < 400; i++) {
    const s = Array.from({ length: 12 }, (_, j) => `${words[(i * 7 + j * 3) % words.length]}${(i * j) % 97}`);
    out.push(article([[i % 3 ? 'body' : 'caption', `${s.join(' ')}.`]]));
  }
  return out;
}

describe('parts streamed from a builder (wordIndexParts over WordIndexBuilder.lists)', () => {
  test.each([
    ['one word per part', 1],
    ['16-byte parts', 16],
    ['4 KB parts', 4096],
    ['the stored size (one part here)', 1 << 20],
  ])('%s: the same head and parts, byte for byte, as the whole index split before streaming', (_name, partBytes) => {
    const before = splitBefore(makeWordIndex(manyArticles()), partBytes);
    const b = new WordIndexBuilder();
    for (const a of manyArticles()) b.add(a);
    const streamed: Uint8Array[] = [];
    const steps = wordIndexParts(b.lists(), partBytes);
    let r = steps.next();
    for (; !r.done; r = steps.next()) streamed.push(r.value);
    expect(streamed.length).toBe(before.parts.length);
    streamed.forEach((p, k) => expect(Buffer.from(p).equals(Buffer.from(before.parts[k]))).toBe(true));
    expect(Buffer.from(encodeWordIndexHead(r.value)).equals(Buffer.from(before.head))).toBe(true);
    // And splitWordIndex (now the same generator over the whole index) still gives them.
    const split = splitWordIndex(makeWordIndex(manyArticles()), partBytes);
    expect(split.parts.map((p) => Buffer.from(p).toString('hex'))).toEqual(
      before.parts.map((p) => Buffer.from(p).toString('hex')),
    );
  });

  test('an empty builder gives one empty part, as the whole split did', () => {
    const before = splitBefore(makeWordIndex([]), 16);
    const parts = [...wordIndexParts(new WordIndexBuilder().lists(), 16)];
    expect(parts.map((p) => Buffer.from(p).toString('hex'))).toEqual(
      before.parts.map((p) => Buffer.from(p).toString('hex')),
    );
  });

  test.each([
    [
      'a word taken twice',
      (l: WordLists) => (l.take(0), l.take(0)), // The sample articles' first word in sorted order (read from lib/vocabulary/testArticle.ts: no "and" among them).
      'word 0 ("don\'t") of the index was taken twice',
    ],
    [
      'an article added after lists()',
      (_l: WordLists, b: WordIndexBuilder) => b.add(article([['body', 'more']])),
      'this word index builder was used up by lists()',
    ],
  ])('%s throws', (_name, act, message) => {
    const b = new WordIndexBuilder();
    for (const a of sampleArticles()) b.add(a);
    const lists = b.lists();
    expect(() => act(lists, b)).toThrow(message);
  });
});
