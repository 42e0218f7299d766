import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_OPTIONS } from '../analysis/aggregate';
import { liveCorpus, liveExport } from '../analysis/live';
import { loadCorpus } from '../corpus/load';
import { corpusProvenance } from './corpusProvenance';
import { filterAnalysis, filteredLive } from './filter';

const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
const live = liveCorpus(corpus);
const p = corpusProvenance(corpus, live.analyses);
const exportOf = (provenance: 'all' | 'original' | 'reused') =>
  liveExport(filteredLive(live, p, { ...DEFAULT_OPTIONS, provenance }), DEFAULT_OPTIONS);
const [all, original, reused] = [exportOf('all'), exportOf('original'), exportOf('reused')];

describe('the provenance filter splits every count in two', () => {
  // Each sentence is original or reused, never both, so the two filtered counts must add up to the unfiltered one: a
  // check that does not read the filter's own arithmetic.
  test.each(['ahram', 'alalam', 'trt', 'sana'])('%s: counts and tokens of original + reused = all', (outlet) => {
    for (const row of all.counts.filter((r) => r.outlet === outlet)) {
      const key = (r: typeof row) => r.outlet === outlet && r.group === row.group && r.variant === row.variant;
      const o = original.counts.find(key)?.count ?? 0;
      const r = reused.counts.find(key)?.count ?? 0;
      expect(o + r).toBe(row.count);
    }
    const tokens = (ex: typeof all) => ex.outlets.find((x) => x.id === outlet)!.tokens;
    expect(tokens(original) + tokens(reused)).toBe(tokens(all));
  });

  test('original text holds fewer mentions than all text for a wire-heavy outlet', () => {
    const n = (ex: typeof all) => ex.counts.filter((r) => r.outlet === 'ahram').reduce((s, r) => s + r.count, 0);
    expect(n(original)).toBeLessThan(n(all));
    expect(n(reused)).toBeGreaterThan(0);
  });

  test.each([
    ['all', true],
    ['original', false],
  ] as const)('an all-shared article under %s is kept: %s', (provenance, kept) => {
    const a = live.analyses[0];
    const ap = { ...p.articles[0], sentences: p.articles[0].sentences.map((s) => ({ ...s, kind: 'shared' as const })) };
    expect(filterAnalysis(a, ap, { ...DEFAULT_OPTIONS, provenance }) !== null).toBe(kept);
  });
});
