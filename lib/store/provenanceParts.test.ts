import { describe, expect, test } from 'vitest';
import { fileStore } from './files';
import { wireAndCopy } from '../provenance/wireCopy';
import { joinSentenceKinds, storeArticlesByPart } from './provenanceParts';
import { makeSentenceKinds } from './sentenceKinds';
import type { ProvenanceKind } from '../provenance/model';

const art = (id: string, spans: [number, number, ProvenanceKind][]) => ({
  id,
  sentences: spans.map(([start, end, kind]) => ({ start, end, kind })),
});
const a = art('a', [
  [0, 10, 'original'],
  [11, 20, 'shared'],
]);
const b = art('b', []);
const c = art('c', [[0, 5, 'credited']]);
const d = art('d', [
  [0, 3, 'shared'],
  [4, 9, 'shared'],
  [10, 12, 'original'],
]);

// The independent computation is makeSentenceKinds of every article at once.
describe('joinSentenceKinds', () => {
  test.each([
    ['one part', [[a, b, c, d]]],
    ['a part per article', [[a], [b], [c], [d]]],
    [
      'an article with no sentence ending a part',
      [
        [a, b],
        [c, d],
      ],
    ],
    ['an empty part between', [[a], [], [b, c, d]]],
    ['no article', [[]]],
  ])('%s: the kinds of all articles at once', (_name, parts) => {
    const joined = joinSentenceKinds(parts.map((p) => makeSentenceKinds(p)));
    expect(joined).toEqual(makeSentenceKinds(parts.flat()));
  });

  test('worked by hand: b has no sentence, so c starts where b does (at 2), and d at 3', () => {
    const k = joinSentenceKinds([makeSentenceKinds([a, b]), makeSentenceKinds([c, d])]);
    expect([...k.first]).toEqual([0, 2, 2, 3, 6]);
    expect([...k.kinds]).toEqual([0, 1, 2, 1, 1, 0]);
  });
});

describe('storeArticlesByPart', () => {
  test.each([
    [{ provenance: 0, pages: 500 }, 'provenance part 0 must be 1 or more'],
    [{ provenance: 2000, pages: 1.5 }, 'pages part 1.5 must be 1 or more'],
  ])('refuses part sizes %o', async (sizes, message) => {
    const p = wireAndCopy();
    const store = fileStore('/nonexistent-provenance-parts');
    await expect(
      storeArticlesByPart(
        store,
        { corpus: 'x', lexicon: 'l' },
        'v',
        p,
        new Uint8Array(2),
        () => p.articles[0],
        new Map(),
        sizes,
      ),
    ).rejects.toThrow(message);
  });
});
