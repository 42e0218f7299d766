import { describe, expect, test } from 'vitest';
import { creditSources } from '../../lib/provenance/credits';
import { buildProvenance } from '../../lib/provenance/model';
import { plantReuse, plantedPassage, plantedRecall, provenanceInputOf } from './provenanceBench';

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
