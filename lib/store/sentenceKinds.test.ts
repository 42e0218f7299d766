import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import { analyzeArticles } from '../analysis/run';
import { corpusProvenance } from '../provenance/corpusProvenance';
import { sentenceAt } from '../provenance/views';
import {
  decodeSentenceKinds,
  encodeSentenceKinds,
  kindAt,
  kindOfSentence,
  makeSentenceKinds,
  type SentenceKinds,
} from './sentenceKinds';

// Two articles by hand: a's sentences [0,10) original, [12,20) shared (a gap at 10-11), b's one [5,9) credited; c none.
const made = makeSentenceKinds([
  {
    id: 'a',
    sentences: [
      { start: 0, end: 10, kind: 'original' },
      { start: 12, end: 20, kind: 'shared' },
    ],
  },
  { id: 'b', sentences: [{ start: 5, end: 9, kind: 'credited' }] },
  { id: 'c', sentences: [] },
]);

describe('the kind of the sentence holding a position', () => {
  test.each([
    ['a', 0, 'original'],
    ['a', 9, 'original'],
    ['a', 10, null], // between sentences
    ['a', 11, null],
    ['a', 12, 'shared'],
    ['a', 19, 'shared'],
    ['a', 20, null], // past the last
    ['b', 4, null],
    ['b', 5, 'credited'],
    ['b', 8, 'credited'],
    ['b', 9, null],
    ['c', 0, null],
    ['nobody', 0, null],
  ])('%s at %i: %s', (article, pos, kind) => {
    expect(kindAt(made, article, pos)).toBe(kind);
    expect(kindAt(decodeSentenceKinds(encodeSentenceKinds(made), 'test'), article, pos)).toBe(kind);
  });
});

describe('the kind of a sentence by index', () => {
  test.each([
    ['a', 0, 'original'],
    ['a', 1, 'shared'],
    ['a', 2, null], // a has two sentences
    ['a', -1, null],
    ['a', 0.5, null],
    ['b', 0, 'credited'],
    ['b', 1, null], // not a's second sentence
    ['c', 0, null],
    ['nobody', 0, null],
  ])('%s sentence %s: %s', (article, index, kind) => {
    expect(kindOfSentence(made, article, index)).toBe(kind);
  });
});

describe('stored bytes', () => {
  const bytes = encodeSentenceKinds(made);
  const same = (k: SentenceKinds) => ({ ...k, byId: [...k.byId] });
  test('read back equal, and the same kinds give the same bytes', () => {
    expect(same(decodeSentenceKinds(bytes, 'x'))).toEqual(same(made));
    expect(Buffer.from(encodeSentenceKinds(decodeSentenceKinds(bytes, 'x')))).toEqual(Buffer.from(bytes));
  });
  const header = 8 + Buffer.from(bytes).readUInt32LE(4);
  const wrongKind = Buffer.from(bytes);
  wrongKind[wrongKind.length - 1] = 7;
  test.each([
    ['another tag', Buffer.concat([Buffer.from('XXXX'), Buffer.from(bytes).subarray(4)]), 'does not start with FSK1'],
    ['cut inside the header', Buffer.from(bytes).subarray(0, 12), 'header is cut short'],
    ['cut inside the offsets', Buffer.from(bytes).subarray(0, header + 6), 'offsets are cut short'],
    ['cut inside the spans', Buffer.from(bytes).subarray(0, bytes.length - 2), 'bytes of spans where its offsets name'],
    ['a kind byte past the list', wrongKind, 'sentence 2 has kind 7'],
  ])('%s: refused, saying where and what', (_, b, message) => {
    expect(() => decodeSentenceKinds(b, 'fa-kes/sentence-kinds-v1')).toThrow(message);
    expect(() => decodeSentenceKinds(b, 'fa-kes/sentence-kinds-v1')).toThrow(/^fa-kes\/sentence-kinds-v1: .*delete/);
  });
});

// The independent reading: the whole provenance's own lookup (a linear search of the article's sentences).
describe('on FA-KES, every mention is marked as the whole provenance marks it', () => {
  const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
  const analyses = analyzeArticles(corpus);
  const p = corpusProvenance(corpus, analyses);
  const k = decodeSentenceKinds(encodeSentenceKinds(makeSentenceKinds(p.articles)), 'fa-kes');
  test('each mention position and each sentence index', () => {
    let checked = 0;
    const kinds = new Set<string>();
    for (const a of analyses) {
      for (const m of a.mentions) {
        const want = sentenceAt(p, a.id, m.start)?.kind ?? null;
        expect(kindAt(k, a.id, m.start)).toBe(want);
        if (want) kinds.add(want);
        checked++;
      }
      p.articles[p.byId.get(a.id)!].sentences.forEach((s, i) => expect(kindOfSentence(k, a.id, i)).toBe(s.kind));
    }
    expect(checked).toBeGreaterThan(1000);
    // FA-KES has reprints (Jordan Times of Ahram's AFP story) and credited wire copy: every kind occurs.
    expect([...kinds].sort()).toEqual(['credited', 'original', 'shared']);
  }, 60_000);
});
