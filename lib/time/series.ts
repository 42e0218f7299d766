import { counted, voiceTokens, inScope, type Filters } from '../analysis/filters';
import type { ArticleAnalysis } from '../analysis/article';
import { shareIntervals } from '../stats/cluster';
import { periodOf, periodsBetween, type Bin, type Period } from './bin';

/** One point of a naming-over-time series: one variant's share of its group's mentions in one outlet and period. */
export interface TimeRow {
  outlet: string;
  period: string;
  variant: string;
  count: number;
  groupTotal: number;
  share: number | null;
  /** Article-level 95% interval (lib/stats/cluster.ts); null when the period has no mentions. */
  shareLow: number | null;
  shareHigh: number | null;
  /** Articles of the outlet dated in the period, and those that mention the group. */
  articles: number;
  groupArticles: number;
  /** Tokens counted in the period, and the group's mentions per 1,000 of them (attention). */
  tokens: number;
  per1k: number | null;
}

/** What a series is computed for: the group and its variants, the outlets (each with its member outlets), options. */
export interface SeriesRequest {
  group: string;
  variants: string[];
  entities: { id: string; members: Set<string> }[];
  bin: Bin;
  filters: Filters;
}

/** Fewest mentions of the group in a period for its shares to be drawn as estimates rather than marked sparse. */
export const SPARSE_N = 10;

/** The sums one outlet (or outlet group) has in one period: what a row of the series is computed from. */
export interface PeriodCell {
  counts: number[];
  /** products[i][j]: the sum over the period's articles of y_i * y_j (the article-level interval reads these). */
  products: number[][];
  groupArticles: number;
  articles: number;
  tokens: number;
}

/** The sums of one entity in one period, empty, to be added to, kept in `cells` under their key. */
export function periodCell(cells: Map<string, PeriodCell>, entity: string, period: string, k: number): PeriodCell {
  const key = `${entity}\u0000${period}`;
  let c = cells.get(key);
  if (!c) {
    c = {
      counts: new Array<number>(k).fill(0),
      products: Array.from({ length: k }, () => new Array<number>(k).fill(0)),
      groupArticles: 0,
      articles: 0,
      tokens: 0,
    };
    cells.set(key, c);
  }
  return c;
}

/**
 * Each outlet's variant shares per period, with n, an article-level interval and the mention rate per 1,000 tokens,
 * for every period from the first to the last dated article given (gaps included, with zero counts). Undated articles
 * cannot be placed in a period and are not read; the caller counts them apart.
 */
export function timeSeries(
  articles: { analysis: ArticleAnalysis; date: string | null }[],
  r: SeriesRequest,
): { periods: Period[]; rows: TimeRow[] } {
  const dated = articles.filter((a): a is { analysis: ArticleAnalysis; date: string } => a.date !== null);
  if (!dated.length) return { periods: [], rows: [] };
  let first = dated[0].date;
  let last = first;
  for (const a of dated) {
    if (a.date < first) first = a.date;
    if (a.date > last) last = a.date;
  }
  const periods = periodsBetween(first, last, r.bin);
  const index = new Map(r.variants.map((v, i) => [v, i]));
  const k = r.variants.length;
  const cells = new Map<string, PeriodCell>();
  for (const { analysis: a, date } of dated) {
    const holders = r.entities.filter((e) => e.members.has(a.outlet));
    if (!holders.length) continue;
    const y = new Array<number>(k).fill(0);
    for (const m of a.mentions) {
      // Set-aside mentions are not counted in their group (as in the export's counts).
      if (m.group !== r.group || m.setAside || !counted(m, r.filters)) continue;
      const i = index.get(m.variant);
      if (i !== undefined) y[i]++;
    }
    let tokens = 0;
    for (const [section, t] of Object.entries(a.tokens))
      if (inScope(section, r.filters)) tokens += voiceTokens(t, r.filters);
    const period = periodOf(date, r.bin).id;
    const mentioned = y.some((x) => x > 0);
    for (const e of holders) {
      const c = periodCell(cells, e.id, period, k);
      c.articles++;
      c.tokens += tokens;
      if (!mentioned) continue;
      c.groupArticles++;
      for (let i = 0; i < k; i++) {
        c.counts[i] += y[i];
        if (y[i]) for (let j = 0; j < k; j++) c.products[i][j] += y[i] * y[j];
      }
    }
  }
  return { periods, rows: seriesRows(cells, periods, r) };
}

/** The rows of a series from each entity's sums per period (periodCell), every entity and period, gaps as zeros. */
export function seriesRows(
  cells: ReadonlyMap<string, PeriodCell>,
  periods: readonly Period[],
  r: Pick<SeriesRequest, 'variants' | 'entities'>,
): TimeRow[] {
  const k = r.variants.length;
  const rows: TimeRow[] = [];
  for (const e of r.entities) {
    for (const p of periods) {
      const c = cells.get(`${e.id}\u0000${p.id}`);
      const counts = c?.counts ?? new Array<number>(k).fill(0);
      const n = counts.reduce((s, x) => s + x, 0);
      const ci = c && n ? shareIntervals({ counts, products: c.products, articles: c.groupArticles }) : [];
      const tokens = c?.tokens ?? 0;
      r.variants.forEach((variant, i) => {
        rows.push({
          outlet: e.id,
          period: p.id,
          variant,
          count: counts[i],
          groupTotal: n,
          share: n ? counts[i] / n : null,
          shareLow: ci[i]?.low ?? null,
          shareHigh: ci[i]?.high ?? null,
          articles: c?.articles ?? 0,
          groupArticles: c?.groupArticles ?? 0,
          tokens,
          per1k: tokens ? (n / tokens) * 1000 : null,
        });
      });
    }
  }
  return rows;
}

/** How many outlets /time charts when none is chosen: beyond this the page outgrows a phone and a 1 MB budget. */
export const DEFAULT_SERIES = 6;

/**
 * The outlets to chart when none is chosen: the `k` with the most mentions of the group over all periods (ties in the
 * given order), in the given order.
 */
export function busiestOutlets(rows: readonly TimeRow[], ids: readonly string[], k = DEFAULT_SERIES): string[] {
  const mentions = new Map<string, number>();
  for (const r of rows) mentions.set(r.outlet, (mentions.get(r.outlet) ?? 0) + r.count);
  const ranked = ids
    .map((id, i) => ({ id, i, n: mentions.get(id) ?? 0 }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .slice(0, k);
  return ranked.sort((a, b) => a.i - b.i).map((x) => x.id);
}
