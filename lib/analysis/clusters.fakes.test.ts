import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import { DEFAULT_OPTIONS, aggregate } from './aggregate';
import { analyzeArticles } from './run';

// FA-KES, where outlets have many articles: every article-level number of the export is recomputed here from its
// mention rows by a second, plain implementation (group the rows by article, then the README's formulas).
const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'fa-kes'));
const ex = aggregate(corpus, analyzeArticles(corpus), DEFAULT_OPTIONS);
const Z = 1.959963984540054;

function perArticle(outlet: string, group: string): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const m of ex.mentions) {
    if (m.outlet !== outlet || m.group !== group || m.setAside !== null) continue;
    const a = out.get(m.article) ?? new Map<string, number>();
    a.set(m.variant, (a.get(m.variant) ?? 0) + 1);
    out.set(m.article, a);
  }
  return out;
}

function nEffFromRows(articles: Map<string, Map<string, number>>, variants: string[]): number {
  const sizes = [...articles.values()].map((a) => [...a.values()].reduce((s, x) => s + x, 0));
  const n = sizes.reduce((s, x) => s + x, 0);
  const k = sizes.length;
  const used = variants.filter((v) => [...articles.values()].some((a) => a.has(v)));
  if (k < 2 || used.length < 2) return (n * n) / sizes.reduce((s, x) => s + x * x, 0);
  let sum = 0;
  for (const v of used) {
    const y = [...articles.values()].map((a) => a.get(v) ?? 0);
    const p = y.reduce((s, x) => s + x, 0) / n;
    const ss = y.reduce((s, yi, i) => s + (yi - p * sizes[i]) ** 2, 0);
    const d = ((k / (k - 1)) * ss) / (n * n) / ((p * (1 - p)) / n);
    sum += (1 - p) * d;
  }
  return n / Math.max(1, sum / (used.length - 1));
}

describe('FA-KES: article-level numbers agree with the mention rows', () => {
  test.each(corpus.outlets.map((o) => o.id))('%s', (outlet) => {
    for (const g of ex.groups) {
      const articles = perArticle(outlet, g.id);
      const rows = ex.counts.filter((c) => c.outlet === outlet && c.group === g.id);
      const stance = ex.stance.find((s) => s.outlet === outlet && s.group === g.id)!;
      expect(stance.articles).toBe(articles.size);
      if (articles.size === 0) continue;
      const nEff = nEffFromRows(
        articles,
        g.variants.map((v) => v.id),
      );
      for (const c of rows) {
        expect(c.groupArticles).toBe(articles.size);
        expect(c.articles).toBe([...articles.values()].filter((a) => a.has(c.variant)).length);
        expect(c.nEff).toBeCloseTo(nEff, 8);
        const p = c.share!;
        const centre = (p + (Z * Z) / (2 * nEff)) / (1 + (Z * Z) / nEff);
        const half = (Z * Math.sqrt((p * (1 - p)) / nEff + (Z * Z) / (4 * nEff * nEff))) / (1 + (Z * Z) / nEff);
        expect(c.shareLow).toBeCloseTo(p === 0 ? 0 : centre - half, 8);
        expect(c.shareHigh).toBeCloseTo(p === 1 ? 1 : centre + half, 8);
      }
    }
  });

  // Counts as the export gives them (not re-read): these pin the figures the README's "What changed" quotes.
  test.each([
    ['sana', 'islamic-state', 48, 15, -0.32135, 0.16067],
    ['etilaf', 'islamic-state', 36, 9, -0.38812, 0.19406],
    ['sana', 'armed-groups', 340, 47, -1, -0.94393],
  ])('%s %s: %i mentions in %i articles, stance [%f, %f]', (outlet, group, n, k, low, high) => {
    const s = ex.stance.find((x) => x.outlet === outlet && x.group === group)!;
    expect([s.n, s.articles]).toEqual([n, k]);
    expect(s.low).toBeCloseTo(low, 4);
    expect(s.high).toBeCloseTo(high, 4);
  });

  test('SANA "terrorists" vs the rest: z 14.35 with the full variance (67.1 with the shortcut)', () => {
    const r = ex.distinctive.find((x) => x.outlet === 'sana' && x.vs === 'rest' && x.variant === 'terrorists')!;
    expect([r.y, r.n, r.yOther, r.nOther]).toEqual([334, 340, 1125, 3809]);
    // Worked here from the counts and the prior, not read from the engine: Monroe et al. with all four variance terms.
    const { y, n, yOther: yo, nOther: no, alpha: a, alpha0: a0 } = r;
    const delta = Math.log((y + a) / (n + a0 - y - a)) - Math.log((yo + a) / (no + a0 - yo - a));
    const full = 1 / (y + a) + 1 / (n + a0 - y - a) + 1 / (yo + a) + 1 / (no + a0 - yo - a);
    const shortcut = 1 / (y + a) + 1 / (yo + a);
    expect(r.z).toBeCloseTo(delta / Math.sqrt(full), 9);
    expect(r.z).toBeCloseTo(14.3463, 3);
    expect(delta / Math.sqrt(shortcut)).toBeCloseTo(67.15, 1);
    expect(r.q).toBeLessThan(1e-40);
  });
});
