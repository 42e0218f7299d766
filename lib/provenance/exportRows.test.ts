import { describe, expect, test } from 'vitest';
import type { AnalysisExport } from '../analysis/exportTypes';
import { creditSources } from './credits';
import { provenanceRows, reuseRows, withProvenance } from './exportRows';
import { buildProvenance } from './model';

const TEXT = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen.';
const doc = (id: string, outlet: string, date: string, text: string) => ({
  id,
  outlet,
  date,
  text,
  bodyStart: 0,
  sentences: [{ start: 0, end: text.length }],
});
const p = buildProvenance(
  [doc('a', 'x', '2016-01-01', TEXT), doc('b', 'y', '2016-01-02', `Lead words. ${TEXT}`)],
  creditSources([]),
);

describe('export rows', () => {
  test('provenance rows: one per sentence, the earliest article as source', () => {
    expect(provenanceRows(p).map((r) => [r.article, r.kind, r.sourceArticle, r.similarity])).toEqual([
      ['a', 'shared', 'a', 1],
      // b's one sentence has 16 words, 14 of them shared: at least half, so the sentence is shared.
      ['b', 'shared', 'a', 0.875],
    ]);
  });

  test.each([
    // The pair once, first in corpus order; chars: "one" .. "fourteen" is 80 characters (the text less its full stop).
    [{ article: 'a', otherArticle: 'b', outlet: 'x', otherOutlet: 'y', chars: 80, similarity: 1 }],
  ])('reuse rows %#', (row) => expect(reuseRows(p)).toEqual([row]));

  test('withProvenance keeps lazy rows lazy and records the option', () => {
    let reads = 0;
    const ex = {
      corpus: {
        id: 'c',
        title: '',
        version: 'v',
        attribution: null,
        options: { voice: 'all', scope: 'all', alpha0: 1 },
      },
      get mentions() {
        reads++;
        return [];
      },
    } as unknown as AnalysisExport;
    const out = withProvenance(ex, p, 'original');
    expect(reads).toBe(0);
    expect(out.corpus.options.provenance).toBe('original');
    expect(out.reuse).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(out)).provenance).toHaveLength(2);
    expect(reads).toBe(1);
  });
});
