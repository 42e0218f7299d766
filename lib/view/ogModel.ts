import type { ViewStats } from './model';
import { isDistinctive, mentionsIn } from './charts';
import { entityList, entityName } from './entities';
import { actorLabelMatrix } from './actors';
import { DIVERGING, signedColor, variantColor } from './palette';
import { sharedAxis, symmetricTicks, type SharedAxis } from './plot';
import type { LegendItem } from './figure';
import { SPARSE_N, type TimeRow } from '../time/series';

/** One row of a preview image: a label and either stacked segments or a signed value (with interval). */
export interface OgRow {
  label: string;
  segments?: { share: number; color: string; text: string }[];
  value?: number | null;
  low?: number | null;
  high?: number | null;
  color?: string;
}

/** What a preview image draws: the chart a link names, its rows (at most `max`), legend and a note when rows are cut. */
export interface OgModel {
  chart: string;
  title: string;
  subtitle: string;
  kind: 'stacked' | 'dot' | 'bar';
  rows: OgRow[];
  legend: LegendItem[];
  /** "8 of 18 outlets and groups (most mentions first)" when rows are cut, else null. */
  cut: string | null;
  axis: SharedAxis | null;
}

/** The charts a preview image can draw. */
export const OG_CHARTS = ['shares', 'stance', 'sentiment', 'distinctive', 'actors', 'actor-tone', 'time'] as const;

/** The rows kept when there are more than `max`: those with the most evidence, in their original order. */
export function keepRows<T>(rows: T[], weight: (r: T) => number, max: number): { kept: T[]; cut: boolean } {
  if (rows.length <= max) return { kept: rows, cut: false };
  const chosen = new Set(
    rows
      .map((r, i) => ({ i, w: weight(r) }))
      .sort((a, b) => b.w - a.w || a.i - b.i)
      .slice(0, max)
      .map((x) => x.i),
  );
  return { kept: rows.filter((_r, i) => chosen.has(i)), cut: true };
}

const cutNote = (kept: number, total: number, noun: string, by: string) => `${kept} of ${total} ${noun} shown (${by})`;

/**
 * The preview model of a chart for entities `ids` and term group `group` (outlets: [one] or [one, other] for
 * distinctive and actors). Unknown charts fall back to shares.
 */
export function ogModel(ex: ViewStats, chart: string, ids: string[], group: string, max = 8): OgModel {
  const g = ex.groups.find((x) => x.id === group) ?? ex.groups[0];
  if (!g) throw new Error('ogModel: the corpus has no term groups');
  const hasGroups = ids.some((id) => ex.outletGroups.some((o) => o.id === id));
  const noun = hasGroups ? 'outlets and groups' : 'outlets';
  if (chart === 'stance' || chart === 'sentiment') {
    const rows = ids.map((id) => {
      if (chart === 'stance') {
        const s = ex.stance.find((x) => x.outlet === id && x.group === g.id);
        return {
          w: s?.n ?? 0,
          row: {
            label: `${entityName(ex, id)} (${mentionsIn(s?.n ?? 0, s?.articles ?? 0)})`,
            value: s?.mean ?? null,
            low: s?.low ?? null,
            high: s?.high ?? null,
          },
        };
      }
      const s = ex.sentiment.find((x) => x.outlet === id);
      return {
        w: s?.sentences ?? 0,
        row: {
          label: `${entityName(ex, id)} (${s?.sentences ?? 0} sentences)`,
          value: s?.meanSentence ?? null,
          low: s?.meanLow ?? null,
          high: s?.meanHigh ?? null,
        },
      };
    });
    const { kept, cut } = keepRows(rows, (r) => r.w, max);
    const ends = kept.flatMap((r) => [r.row.value ?? 0, r.row.low ?? 0, r.row.high ?? 0]);
    const ticks = chart === 'stance' ? symmetricTicks(1) : symmetricTicks(Math.max(0.5, ...ends.map(Math.abs)));
    return {
      chart,
      title: chart === 'stance' ? `Stance index: ${g.short}` : 'Sentiment per sentence (AFINN-165)',
      subtitle:
        chart === 'stance'
          ? `−1 = ${g.axis.negative}; +1 = ${g.axis.positive}; article-level 95% intervals`
          : 'mean AFINN-165 score per sentence with 95% intervals',
      kind: 'dot',
      rows: kept.map((r) => ({
        ...r.row,
        color: r.row.value === null ? DIVERGING.palePositive : signedColor(r.row.value),
      })),
      legend: [
        { label: 'negative', color: DIVERGING.negative },
        { label: 'positive', color: DIVERGING.positive },
      ],
      cut: cut ? cutNote(kept.length, ids.length, noun, chart === 'stance' ? 'most mentions' : 'most sentences') : null,
      axis: { max: ticks[ticks.length - 1], ticks, clipped: false },
    };
  }
  if (chart === 'distinctive') {
    const [a, b = 'rest'] = ids;
    const rows = ex.distinctive.filter((r) => r.outlet === a && r.vs === b && r.group === g.id);
    const flipped =
      rows.length === 0 && b !== 'rest'
        ? ex.distinctive
            .filter((r) => r.outlet === b && r.vs === a && r.group === g.id)
            .map((r) => ({ ...r, z: -r.z, y: r.yOther, n: r.nOther, yOther: r.y, nOther: r.n }))
        : rows;
    const axis = sharedAxis(flipped.map((r) => r.z));
    return {
      chart,
      title: `${entityName(ex, a)} vs ${entityName(ex, b)}: ${g.short}`,
      subtitle: 'log-odds z-scores; strong colour: distinctive (Benjamini–Hochberg q < 0.05)',
      kind: 'bar',
      rows: g.variants.flatMap((v) => {
        const r = flipped.find((x) => x.variant === v.id);
        return r
          ? [
              {
                label: `${v.label} (${r.y}/${r.n} vs ${r.yOther}/${r.nOther})`,
                value: r.z,
                color: signedColor(r.z, isDistinctive(r)),
              },
            ]
          : [];
      }),
      legend: [
        { label: `more typical of ${entityName(ex, a)}`, color: DIVERGING.positive },
        { label: `more typical of ${entityName(ex, b)}`, color: DIVERGING.negative },
      ],
      cut: null,
      axis,
    };
  }
  if (chart === 'actor-tone') {
    const actorName = new Map(ex.actors.map((a) => [a.id, a.label]));
    const rows = ids.flatMap((id) =>
      ex.actorTone
        .filter((t) => t.outlet === id && t.sentences > 0)
        .map((t) => ({
          w: t.sentences,
          row: {
            label: `${actorName.get(t.actor) ?? t.actor}${ids.length > 1 ? ` in ${entityName(ex, id)}` : ''} (${t.sentences} ${t.sentences === 1 ? 'sentence' : 'sentences'})`,
            value: t.meanSentence,
            low: t.meanLow,
            high: t.meanHigh,
          },
        })),
    );
    const { kept, cut } = keepRows(rows, (r) => r.w, max);
    const ends = kept.flatMap((r) => [r.row.value ?? 0, r.row.low ?? 0, r.row.high ?? 0]);
    const ticks = symmetricTicks(Math.max(0.5, ...ends.map(Math.abs)));
    return {
      chart,
      title: `${ids.length === 1 ? `${entityName(ex, ids[0])}: t` : 'T'}one toward each actor (AFINN-165)`,
      subtitle: 'mean score of the sentences naming the actor, with 95% intervals; n = sentences',
      kind: 'dot',
      rows: kept.map((r) => ({
        ...r.row,
        color: r.row.value === null ? DIVERGING.palePositive : signedColor(r.row.value),
      })),
      legend: [
        { label: 'negative tone', color: DIVERGING.negative },
        { label: 'positive tone', color: DIVERGING.positive },
      ],
      cut: cut
        ? cutNote(kept.length, rows.length, ids.length > 1 ? 'actor–outlet pairs' : 'actors', 'most sentences')
        : null,
      axis: { max: ticks[ticks.length - 1], ticks, clipped: false },
    };
  }
  if (chart === 'actors') {
    const outlet = ids[0];
    const spec = actorLabelMatrix(ex, outlet, g.id);
    const { kept, cut } = keepRows(spec.data, (r) => Number(r.n), max);
    return {
      chart,
      title: `${entityName(ex, outlet)}: who gets which label (${g.short})`,
      subtitle: "each bar: one actor's labels, by label",
      kind: 'stacked',
      rows: kept.map((r) => ({
        label: `${r.actor} (n = ${r.n})`,
        segments: spec.categories.map((c, i) => ({
          share: Number(r.n) > 0 ? Number(r[c] ?? 0) / Number(r.n) : 0,
          color: variantColor(
            g.variants.findIndex((v) => v.id === c) >= 0 ? g.variants.findIndex((v) => v.id === c) : i,
          ),
          text: String(r[c] ?? 0),
        })),
      })),
      legend: spec.categories.map((c, i) => ({
        label: spec.labels[c],
        color: variantColor(g.variants.findIndex((v) => v.id === c) >= 0 ? g.variants.findIndex((v) => v.id === c) : i),
      })),
      cut: cut ? cutNote(kept.length, spec.data.length, 'actors', 'most labels') : null,
      axis: null,
    };
  }
  const rows = ids.map((id) => {
    const c = ex.counts.filter((x) => x.outlet === id && x.group === g.id);
    const n = c[0]?.groupTotal ?? 0;
    return {
      n,
      row: {
        label: `${entityName(ex, id)} (${mentionsIn(n, c[0]?.groupArticles ?? 0)})`,
        segments: g.variants.map((v, i) => {
          const r = c.find((x) => x.variant === v.id);
          return { share: r?.share ?? 0, color: variantColor(i), text: String(r?.count ?? 0) };
        }),
      },
    };
  });
  const { kept, cut } = keepRows(rows, (r) => r.n, max);
  return {
    chart: 'shares',
    title: g.label,
    subtitle: 'share of each outlet’s mentions; the number on a segment is its count',
    kind: 'stacked',
    rows: kept.map((r) => r.row),
    legend: g.variants.map((v, i) => ({ label: v.label, color: variantColor(i) })),
    cut: cut ? cutNote(kept.length, ids.length, noun, 'most mentions') : null,
    axis: null,
  };
}

/** Entities a preview shows by default: all outlets, then all outlet groups. */
export function defaultIds(ex: ViewStats): string[] {
  return entityList(ex).map((e) => e.id);
}

/**
 * The preview of naming over time for one outlet and term group: one row per period with mentions (each variant's
 * share, n mentions in k articles, periods under SPARSE_N mentions marked), the `max` most recent kept and the cut
 * said.
 */
export function timeOgModel(ex: ViewStats, rows: TimeRow[], outlet: string, group: string, max = 8): OgModel {
  const g = ex.groups.find((x) => x.id === group) ?? ex.groups[0];
  if (!g) throw new Error('timeOgModel: the corpus has no term groups');
  const periods = [...new Set(rows.filter((r) => r.outlet === outlet && r.groupTotal > 0).map((r) => r.period))];
  const all = periods.map((period, i) => {
    const mine = rows.filter((r) => r.outlet === outlet && r.period === period);
    const first = mine[0];
    return {
      recency: i,
      row: {
        // As on the page, a period with too few mentions to read is said to be so.
        label: `${period} (${mentionsIn(first.groupTotal, first.groupArticles)}${first.groupTotal < SPARSE_N ? '; too few to read' : ''})`,
        segments: g.variants.map((v, vi) => {
          const r = mine.find((x) => x.variant === v.id);
          return { share: r?.share ?? 0, color: variantColor(vi), text: String(r?.count ?? 0) };
        }),
      },
    };
  });
  const { kept, cut } = keepRows(all, (r) => r.recency, max);
  return {
    chart: 'time',
    title: `${entityName(ex, outlet)}: ${g.short} over time`,
    subtitle: 'share of the outlet’s mentions per period; the number on a segment is its count',
    kind: 'stacked',
    rows: kept.map((r) => r.row),
    legend: g.variants.map((v, i) => ({ label: v.label, color: variantColor(i) })),
    cut: cut ? cutNote(kept.length, all.length, 'periods with mentions', 'most recent') : null,
    axis: null,
  };
}
