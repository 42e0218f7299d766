import type { DistinctiveRow } from '../analysis/exportTypes';
import type { ViewStats } from './model';
import { FDR_LEVEL } from '../stats/fdr';
import type { Metric } from '../url/state';
import { entityName } from './entities';
import { countOf } from './plural';

/** "n mentions in k articles": the sample behind a number, since mentions cluster in articles. */
export function mentionsIn(n: number, articles: number): string {
  return `${countOf(n, 'mention')} in ${countOf(articles, 'article')}`;
}

/** Whether a log-odds row is marked distinctive: Benjamini-Hochberg q below FDR_LEVEL within its comparison. */
export function isDistinctive(r: Pick<DistinctiveRow, 'q'>): boolean {
  return r.q < FDR_LEVEL;
}

/** The rule that marks a row distinctive, in words, for chart notes and tables. */
export const DISTINCTIVE_RULE = `Benjamini-Hochberg q < ${FDR_LEVEL} within the comparison`;

/** A flat chart row: the index label plus one number per category (null where there is nothing to draw). */
export type ChartRow = { [key: string]: string | number | null | number[] | undefined };

/** What a generic chart needs: rows, the index key, the category keys and their labels. */
export interface ChartSpec {
  data: ChartRow[];
  index: string;
  categories: string[];
  labels: Record<string, string>;
}

/** Long-format rows for CSV: exactly the numbers a chart draws, with their denominators. */
export type CsvRow = Record<string, string | number | null>;

/** Shares (percent of the group's mentions), counts or rates per 1,000 tokens of one term group, one row per entity. */
export function sharesChart(
  ex: ViewStats,
  group: string,
  ids: string[],
  metric: Metric,
): ChartSpec & { csv: CsvRow[] } {
  const g = ex.groups.find((x) => x.id === group)!;
  const data: ChartRow[] = [];
  const csv: CsvRow[] = [];
  for (const id of ids) {
    const rows = ex.counts.filter((c) => c.outlet === id && c.group === group);
    const n = rows[0]?.groupTotal ?? 0;
    const k = rows[0]?.groupArticles ?? 0;
    const row: ChartRow = { id, entity: `${entityName(ex, id)} (${mentionsIn(n, k)})`, n, articles: k };
    for (const v of g.variants) {
      const c = rows.find((r) => r.variant === v.id)!;
      const value =
        metric === 'share' ? (c.share === null ? null : 100 * c.share) : metric === 'count' ? c.count : c.per1k;
      row[v.id] = value;
      row[`count:${v.id}`] = c.count;
      csv.push({
        outlet: id,
        group,
        variant: v.id,
        count: c.count,
        articles: c.articles,
        groupTotal: c.groupTotal,
        groupArticles: c.groupArticles,
        tokens: c.tokens,
        share: c.share,
        shareLow: c.shareLow,
        shareHigh: c.shareHigh,
        nEff: c.nEff,
        per1k: c.per1k,
      });
    }
    data.push(row);
  }
  return {
    data,
    index: 'entity',
    categories: g.variants.map((v) => v.id),
    labels: Object.fromEntries(g.variants.map((v) => [v.id, v.label])),
    csv,
  };
}

/**
 * Stance index with its article-level 95% interval, one row per entity (error bar given as distances below and above).
 */
export function stanceChart(ex: ViewStats, group: string, ids: string[]): ChartSpec & { csv: CsvRow[] } {
  const csv: CsvRow[] = [];
  const data = ids.map((id) => {
    const s = ex.stance.find((x) => x.outlet === id && x.group === group)!;
    csv.push({ outlet: id, group, n: s.n, articles: s.articles, mean: s.mean, low: s.low, high: s.high });
    return {
      id,
      entity: `${entityName(ex, id)} (${mentionsIn(s.n, s.articles)})`,
      n: s.n,
      articles: s.articles,
      stance: s.mean,
      low: s.low,
      high: s.high,
      err: s.mean === null || s.low === null || s.high === null ? null : `${s.mean - s.low},${s.high - s.mean}`,
    };
  });
  return { data, index: 'entity', categories: ['stance'], labels: { stance: 'stance index' }, csv };
}

/** AFINN sentiment: mean score per sentence with its 95% interval, one row per entity. */
export function sentimentChart(ex: ViewStats, ids: string[]): ChartSpec & { csv: CsvRow[] } {
  const csv: CsvRow[] = [];
  const data = ids.map((id) => {
    const s = ex.sentiment.find((x) => x.outlet === id)!;
    csv.push({
      outlet: id,
      articles: s.articles,
      sentences: s.sentences,
      words: s.words,
      score: s.score,
      comparative: s.comparative,
      meanSentence: s.meanSentence,
      meanLow: s.meanLow,
      meanHigh: s.meanHigh,
    });
    return {
      id,
      entity: `${entityName(ex, id)} (${s.sentences} sent.)`,
      n: s.sentences,
      mean: s.meanSentence,
      low: s.meanLow,
      high: s.meanHigh,
    };
  });
  return { data, index: 'entity', categories: ['mean'], labels: { mean: 'mean AFINN score per sentence' }, csv };
}

/**
 * Diverging log-odds z-scores, one row per variant of a group, for one comparison (outlet vs side); significant =
 * isDistinctive.
 */
export function distinctiveChart(ex: ViewStats, rows: DistinctiveRow[], group: string): ChartSpec & { csv: CsvRow[] } {
  const g = ex.groups.find((x) => x.id === group)!;
  const mine = rows.filter((r) => r.group === group);
  const data = g.variants.flatMap((v) => {
    const r = mine.find((x) => x.variant === v.id);
    return r
      ? [
          {
            id: v.id,
            variant: `${v.label} (${r.y}/${r.n} in ${r.articles} art. vs ${r.yOther}/${r.nOther} in ${r.articlesOther})`,
            z: r.z,
            q: r.q,
            significant: isDistinctive(r) ? 1 : 0,
          },
        ]
      : [];
  });
  const csv = mine.map((r) => ({ ...r }));
  return { data, index: 'variant', categories: ['z'], labels: { z: 'log-odds z-score' }, csv };
}

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text of long-format rows (RFC 4180 quoting), columns in the first row's key order. */
export function toCsv(rows: CsvRow[]): string {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0]);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c] ?? null)).join(','))].join('\n') + '\n';
}
