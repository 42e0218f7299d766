import { describe, expect, test } from 'vitest';
import { emptyPlan } from '../importing/plan';
import type { Article } from '../types';
import type { ImportResult } from './importer';
import { addResult } from './importResult';

const article = (id: string): Article => ({
  id,
  outlet: 'voa',
  title: id,
  date: null,
  url: null,
  raw: null,
  note: null,
  segments: [{ section: 'body', text: 'x' }],
});

function batch(n: number, over: Partial<ImportResult> = {}): ImportResult {
  const plan = emptyPlan();
  plan.articles = [article(`a${n}`)];
  plan.origin.set(`a${n}`, `f.jsonl line ${n}`);
  plan.hashes.set(`a${n}`, `hash${n}`);
  plan.files.set(`a${n}`, new Uint8Array(3800));
  plan.unreadable.set(`b${n}`, 'would not read back');
  plan.quirks.set('control-chars', { count: n, articles: 1 });
  plan.duplicates.push({ where: `f.jsonl line ${n + 100}`, of: `a${n}` });
  return {
    plan,
    rejected: [{ where: `f.jsonl line ${n + 200}`, reason: 'bad' }],
    records: 3,
    planned: 1,
    written: [`a${n}`],
    versionBefore: `v${n}`,
    versionAfter: `v${n + 1}`,
    lexicon: { groups: [], exclusions: [], actors: [] } as unknown as ImportResult['lexicon'],
    recovered: [],
    warnings: ['same warning'],
    ...over,
  };
}

describe('a streamed import’s running result', () => {
  test.each([
    ['one batch', [batch(1)], { records: 3, planned: 1, written: ['a1'], versionBefore: 'v1', versionAfter: 'v2' }],
    [
      'two batches',
      [batch(1), batch(2)],
      // 3 records per batch; each planned and stored one article.
      { records: 6, planned: 2, written: ['a1', 'a2'], versionBefore: 'v1', versionAfter: 'v3' },
    ],
  ])('%s: counts and versions', (_case, batches, expected) => {
    const total = batches.reduce<ImportResult | null>((t, r) => addResult(t, r), null)!;
    expect(total).toMatchObject(expected);
    // Articles are not kept: only counts and ids.
    expect(total.plan.articles).toEqual([]);
    expect(total.plan.origin.size).toBe(0);
    expect(total.plan.hashes.size).toBe(0);
    // Nor their files' bytes (kept, they made the import's memory grow by a file per article).
    expect(total.plan.files.size).toBe(0);
    expect(total.plan.unreadable.size).toBe(0);
    expect(total.warnings).toEqual(['same warning']);
    expect(total.rejected).toHaveLength(batches.length);
    expect(total.plan.duplicates).toHaveLength(batches.length);
  });

  test.each([[2], [3]])('a batch copied into a total keeps its own lists (%d batches)', (n) => {
    const batches = Array.from({ length: n }, (_, i) => batch(i + 1));
    const total = batches.reduce<ImportResult | null>((t, r) => addResult(t, r), null)!;
    // One id, rejection and duplicate per batch, in order; the batches' own lists still hold one each.
    expect(total.written).toEqual(batches.map((_, i) => `a${i + 1}`));
    expect(total.rejected).toHaveLength(n);
    expect(total.plan.duplicates.map((d) => d.of)).toEqual(batches.map((_, i) => `a${i + 1}`));
    for (const b of batches) {
      expect(b.written).toHaveLength(1);
      expect(b.rejected).toHaveLength(1);
      expect(b.plan.duplicates).toHaveLength(1);
    }
  });

  test('sums text fixes across batches', () => {
    // 1 fix in batch 1 and 2 in batch 2, one article each.
    const total = addResult(addResult(null, batch(1)), batch(2));
    expect(total.plan.quirks.get('control-chars')).toEqual({ count: 3, articles: 2 });
  });
});
