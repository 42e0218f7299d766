import { describe, expect, test } from 'vitest';
import { creditSources } from '../../lib/provenance/credits';
import { buildProvenance } from '../../lib/provenance/model';
import { PAGES_PART } from '../../lib/store/provenancePages';
import {
  generatedProvenance,
  pagePartsOf,
  plantReuse,
  plantedPassage,
  plantedRecall,
  provenanceInputOf,
} from './provenanceBench';
import { sentencePool } from './sentencePool';

describe('planted reuse', () => {
  test.each([
    [15, 12, 1],
    [30, 12, 2],
    [24, 6, 4],
  ])('%i words, one in %i edited: %i words differ', (words, every, changed) => {
    const { original, edited } = plantedPassage(words, 7, every);
    const a = original.replace(/[,.]/g, '').split(' ');
    const b = edited.replace(/[,.]/g, '').split(' ');
    expect(b).toHaveLength(words);
    expect(a.filter((w, i) => w !== b[i])).toHaveLength(changed);
  });

  test('planted copies in unrelated texts are all found, and a shuffled source is not', () => {
    const inputs = Array.from({ length: 6 }, (_, i) =>
      provenanceInputOf({
        id: `a${i}`,
        outlet: 'o',
        title: `Title ${i}`,
        date: null,
        url: null,
        raw: null,
        note: null,
        segments: [{ section: 'body', text: plantedPassage(40, 100 + i).original }],
      }),
    );
    const planted = plantReuse(inputs, [15, 30], 2, 1);
    const p = buildProvenance(inputs, creditSources([]));
    expect(plantedRecall(p, planted)).toEqual([
      { words: 15, found: 2, of: 2 },
      { words: 30, found: 2, of: 2 },
    ]);
    // Recall is measured against the named source: a wrong source finds nothing.
    expect(
      plantedRecall(
        p,
        planted.map((x) => ({ ...x, source: 'nope' })),
      )[0].found,
    ).toBe(0);
  });
});

describe('generatedProvenance', () => {
  // 40 generated articles drawing 12-34 sentences each from one pool: some sentences are reprinted across articles.
  const p = generatedProvenance(sentencePool(), 40, 4, 7);
  test.each([
    ['articles, in generated order', p.articles.map((a) => a.id).slice(0, 2), ['bench-000000', 'bench-000001']],
    ['article count', p.articles.length, 40],
  ])('%s', (_, got, want) => expect(got).toEqual(want));

  test('reprinted sentences are found shared', () => {
    const shared = p.articles.flatMap((a) => a.sentences).filter((s) => s.kind === 'shared');
    expect(shared.length).toBeGreaterThan(0);
  });
});

describe('pagePartsOf', () => {
  // PAGES_PART + 1 articles: a full part, then a part of one (worked by hand).
  const inputs = Array.from({ length: PAGES_PART + 1 }, (_, i) => {
    const text = `Article ${i} stands alone.`;
    return { id: `a${i}`, outlet: 'o', date: null, text, bodyStart: 0, sentences: [{ start: 0, end: text.length }] };
  });
  const parts = pagePartsOf(buildProvenance(inputs, creditSources([])));
  test.each([
    [0, PAGES_PART, 'a0'],
    [1, 1, `a${PAGES_PART}`],
  ])('part %i holds %i records, from %s', (k, n, first) => {
    expect(parts[k]).toHaveLength(n);
    expect(parts[k][0].provenance.id).toBe(first);
  });
});
