import type { DistinctiveRow } from '@/lib/analysis/exportTypes';
import { filterCaption } from '@/lib/analysis/filters';
import { SET_ASIDE_TEXT, type ViewStats } from '@/lib/view/model';
import { SET_ASIDE } from '@/lib/types';
import { DEFAULT_STATE, hrefFor, withState, type Metric, type ViewState } from '@/lib/url/state';
import { DIVERGING, variantColor } from '@/lib/view/palette';
import { sharedAxis, symmetricTicks, type SharedAxis } from '@/lib/view/plot';
import { distinctiveTakeaway, sentimentTakeaway, sharesTakeaway, stanceTakeaway } from '@/lib/view/takeaway';
import type { ChartSource } from '../_components/ChartActions';
import {
  DISTINCTIVE_RULE,
  distinctiveChart,
  isDistinctive,
  mentionsIn,
  sentimentChart,
  sharesChart,
  stanceChart,
} from '@/lib/view/charts';
import { entityName } from '@/lib/view/entities';
import { distinctiveSummary, formatQ, sentimentSummary, sharesSummary, stanceSummary } from '@/lib/view/summary';
import { ChartCard } from '../_components/ChartCard';
import { DistinctiveChart } from '../_components/charts/DistinctiveChart';
import { SentimentChart } from '../_components/charts/SentimentChart';
import { SharesChart } from '../_components/charts/SharesChart';
import { StanceChart } from '../_components/charts/StanceChart';
import { countOf } from '@/lib/view/plural';

interface CardBase {
  ex: ViewStats;
  state: ViewState;
  pathname: string;
  ids: string[];
}

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(100 * x)}%`);
const fmt = (x: number | null, d = 2) => (x === null ? '—' : x.toFixed(d));

/** Where a chart's numbers come from: corpus, its title and attribution, and the filters in words. */
export function sourceOf(ex: ViewStats, state: ViewState): ChartSource {
  return {
    corpus: ex.corpus.id,
    corpusTitle: ex.corpus.title,
    filters: filterCaption(state),
    attribution: ex.corpus.attribution,
  };
}

/** The Methods page section for a chart, for the corpus shown (its lexicon and rules). */
export function methodsHref(state: ViewState, section: string): string {
  return `${hrefFor('/methods', withState(DEFAULT_STATE, { corpus: state.corpus }))}#${section}`;
}

/** Who a chart compares, in a few words, for titles of exported figures. */
export function whoOf(ex: ViewStats, ids: string[]): string {
  return ids.length <= 3 ? ids.map((id) => entityName(ex, id)).join(' vs ') : `${ids.length} outlets and groups`;
}

function drill(state: ViewState, pathname: string, outlet: string, group: string, variant: string | null): string {
  return hrefFor(pathname, withState(state, { sel: { kind: 'mentions', outlet, group, variant } }));
}

/** The outlets an embed link names: none (meaning all) when the chart shows every outlet and group. */
export function embedOutlets(ex: ViewStats, ids: string[]): string[] {
  return ids.length === ex.outlets.length + ex.outletGroups.length ? [] : ids;
}

const METRIC_TEXT: Record<Metric, string> = {
  share: "Share of each outlet's mentions of these terms (100% per bar)",
  count: 'Number of mentions',
  per1k: 'Mentions per 1,000 tokens',
};

/** Term choices of one group across outlets: stacked shares with counts, and its table and drill-downs. */
export function SharesCard({ ex, state, pathname, ids, group, metric }: CardBase & { group: string; metric: Metric }) {
  const g = ex.groups.find((x) => x.id === group)!;
  const { csv, ...spec } = sharesChart(ex, group, ids, metric);
  const id = `shares-${group}`;
  // Mentions of these words that the group does not count (said of state forces, generic...), shown apart.
  const aside = ex.setAside.filter((r) => r.group === group && ids.includes(r.outlet) && r.count > 0);
  const reasons = SET_ASIDE.filter((reason) => aside.some((r) => r.reason === reason));
  const asideTotal = (reason: string) =>
    aside
      .filter((r) => r.reason === reason && ex.outlets.some((o) => o.id === r.outlet))
      .reduce((n, r) => n + r.count, 0);
  const asideText = reasons.length
    ? ` Not counted here, and listed apart in the table: ${reasons.map((reason) => `${SET_ASIDE_TEXT[reason]} (${countOf(asideTotal(reason), 'mention')} by the outlets shown)`).join('; ')}.`
    : '';
  const rows = ids.map((o) => {
    const c = ex.counts.filter((r) => r.outlet === o && r.group === group);
    const asideCells = reasons.map((reason) => {
      const n = aside.find((r) => r.outlet === o && r.reason === reason)?.count ?? 0;
      return n
        ? {
            text: String(n),
            href: hrefFor(pathname, withState(state, { sel: { kind: 'setAside', outlet: o, group, reason } })),
          }
        : { text: '0' };
    });
    return [
      { text: entityName(ex, o) },
      {
        text: mentionsIn(c[0]?.groupTotal ?? 0, c[0]?.groupArticles ?? 0),
        href: drill(state, pathname, o, group, null),
      },
      ...c.map((r) => ({
        text:
          metric === 'share'
            ? `${pct(r.share)} (${r.count} in ${r.articles} art.; 95% CI ${pct(r.shareLow)}–${pct(r.shareHigh)})`
            : metric === 'count'
              ? String(r.count)
              : `${r.per1k.toFixed(2)} (${r.count} in ${r.tokens} tokens)`,
        href: drill(state, pathname, o, group, r.variant),
      })),
      ...asideCells,
    ];
  });
  return (
    <ChartCard
      id={id}
      title={g.label}
      figureTitle={`${whoOf(ex, ids)}: ${g.label}`}
      takeaway={sharesTakeaway(ex, group, ids)}
      legend={g.variants.map((v, i) => ({ label: v.label, color: variantColor(i) }))}
      methods={methodsHref(state, 'shares')}
      source={sourceOf(ex, state)}
      counts={`${METRIC_TEXT[metric]}; the number on each segment is its count of mentions, n = the outlet's mentions of these terms and the articles they come from; intervals in the table are article-level (${filterCaption(state)}). Click a segment for its sentences.${asideText}`}
      summary={sharesSummary(ex, group, ids)}
      version={ex.corpus.version}
      csv={csv}
      embed={{ path: '/embed/shares', state: { group, metric, outlets: embedOutlets(ex, ids) } }}
      columns={[
        'Outlet',
        'n',
        ...g.variants.map((v) => v.label),
        ...reasons.map((reason) => `Not counted: ${SET_ASIDE_TEXT[reason]}`),
      ]}
      rows={rows}
    >
      <SharesChart spec={spec} group={group} metric={metric} />
    </ChartCard>
  );
}

/** Stance index of one group across outlets with 95% intervals and mention counts. */
export function StanceCard({ ex, state, pathname, ids, group }: CardBase & { group: string }) {
  const g = ex.groups.find((x) => x.id === group)!;
  const { csv, ...spec } = stanceChart(ex, group, ids);
  const id = `stance-${group}`;
  return (
    <ChartCard
      id={id}
      title={`Stance index: ${g.short}`}
      figureTitle={`${whoOf(ex, ids)}: stance index of the terms for ${g.short}`}
      takeaway={stanceTakeaway(ex, group, ids)}
      legend={[
        { label: `below 0: ${g.axis.negative}`, color: DIVERGING.negative },
        { label: `above 0: ${g.axis.positive}`, color: DIVERGING.positive },
      ]}
      methods={methodsHref(state, 'stance')}
      source={sourceOf(ex, state)}
      counts={`Mean stance of the outlet's mentions (−1 = ${g.axis.negative}; +1 = ${g.axis.positive}), with its article-level 95% interval (mentions in one article are not independent, so the interval counts articles, not mentions); n mentions in k articles (${filterCaption(state)}). Click a bar for its sentences.`}
      summary={stanceSummary(ex, group, ids)}
      version={ex.corpus.version}
      csv={csv}
      embed={{ path: '/embed/stance', state: { group, outlets: embedOutlets(ex, ids) } }}
      columns={['Outlet', 'n (mentions)', 'Articles', 'Stance', '95% CI (article-level)']}
      rows={ids.map((o) => {
        const s = ex.stance.find((x) => x.outlet === o && x.group === group)!;
        return [
          { text: entityName(ex, o) },
          { text: String(s.n), href: drill(state, pathname, o, group, null) },
          { text: String(s.articles) },
          { text: fmt(s.mean) },
          { text: s.low === null ? '—' : `${fmt(s.low)} to ${fmt(s.high)}` },
        ];
      })}
    >
      <StanceChart spec={spec} group={group} />
    </ChartCard>
  );
}

/** Mean AFINN sentence sentiment per outlet with intervals and sentence counts. */
export function SentimentCard({ ex, state, pathname, ids }: CardBase) {
  const { csv, ...spec } = sentimentChart(ex, ids);
  const ends = ex.sentiment.flatMap((s) => [s.meanLow ?? 0, s.meanHigh ?? 0, s.meanSentence ?? 0]);
  // Intervals are never clipped: the axis reaches the widest one.
  const ticks = symmetricTicks(Math.max(0.5, ...ends.map(Math.abs)));
  const axis: SharedAxis = { max: ticks[ticks.length - 1], ticks, clipped: false };
  return (
    <ChartCard
      id="sentiment"
      title="Sentiment (AFINN-165)"
      figureTitle={`${whoOf(ex, ids)}: sentiment of their sentences (AFINN-165)`}
      takeaway={sentimentTakeaway(ex, ids)}
      legend={[
        { label: 'negative mean', color: DIVERGING.negative },
        { label: 'positive mean', color: DIVERGING.positive },
      ]}
      methods={methodsHref(state, 'sentiment')}
      source={sourceOf(ex, state)}
      counts={`Mean AFINN score per sentence with its 95% t interval; the label gives the number of sentences (${filterCaption(state)}). Click a bar for the scored sentences.`}
      summary={sentimentSummary(ex, ids)}
      version={ex.corpus.version}
      csv={csv}
      embed={{ path: '/embed/sentiment', state: { outlets: embedOutlets(ex, ids) } }}
      columns={['Outlet', 'Articles', 'Sentences', 'Words', 'Score (sum)', 'Per word', 'Per sentence', '95% CI']}
      rows={ids.map((o) => {
        const s = ex.sentiment.find((x) => x.outlet === o)!;
        return [
          { text: entityName(ex, o) },
          { text: String(s.articles) },
          {
            text: String(s.sentences),
            href: hrefFor(pathname, withState(state, { sel: { kind: 'sentiment', outlet: o } })),
          },
          { text: String(s.words) },
          { text: String(s.score) },
          { text: fmt(s.comparative, 3) },
          { text: fmt(s.meanSentence) },
          { text: s.meanLow === null ? '—' : `${fmt(s.meanLow)} to ${fmt(s.meanHigh)}` },
        ];
      })}
    >
      <SentimentChart spec={spec} axis={axis} />
    </ChartCard>
  );
}

/** Log-odds z-scores of one group's variants for one comparison, distinctive rows (BH q < 0.05) marked. */
export function DistinctiveCard({
  ex,
  state,
  pathname,
  rows,
  outlet,
  vs,
  group,
  domain,
}: Omit<CardBase, 'ids'> & {
  rows: DistinctiveRow[];
  outlet: string;
  vs: string;
  group: string;
  domain: SharedAxis;
}) {
  const g = ex.groups.find((x) => x.id === group)!;
  const mine = rows.filter((r) => r.outlet === outlet && r.vs === vs && r.group === group);
  const { csv, ...spec } = distinctiveChart(ex, mine, group);
  const id = `distinctive-${outlet}-${vs}-${group}`;
  return (
    <ChartCard
      id={id}
      title={`${entityName(ex, outlet)} vs ${entityName(ex, vs)}: ${g.short}`}
      figureTitle={`${entityName(ex, outlet)} vs ${entityName(ex, vs)}: distinctive terms for ${g.short}`}
      takeaway={distinctiveTakeaway(mine, (v) => g.variants.find((x) => x.id === v)?.label ?? v, [
        entityName(ex, outlet),
        entityName(ex, vs),
      ])}
      legend={[
        { label: `distinctive, more typical of ${entityName(ex, outlet)}`, color: DIVERGING.positive },
        { label: `distinctive, more typical of ${entityName(ex, vs)}`, color: DIVERGING.negative },
        // Unmarked bars are pale on either side, so the legend names both pale colours.
        { label: `not distinctive (q ≥ 0.05), leaning to ${entityName(ex, outlet)}`, color: DIVERGING.palePositive },
        { label: `not distinctive, leaning to ${entityName(ex, vs)}`, color: DIVERGING.paleNegative },
      ]}
      methods={methodsHref(state, 'distinctive')}
      source={sourceOf(ex, state)}
      counts={`Log-odds z-score with informative Dirichlet prior (α0 = ${mine[0]?.alpha0 ?? 10}); right = more typical of ${entityName(ex, outlet)}. Solid bars: distinctive by ${DISTINCTIVE_RULE} (z uses the full posterior variance; mentions are treated as independent draws). Labels give mentions: variant/all in the group and the articles they come from, this side vs the other (${filterCaption(state)}).`}
      summary={distinctiveSummary(mine, (v) => g.variants.find((x) => x.id === v)?.label ?? v)}
      version={ex.corpus.version}
      csv={csv}
      embed={
        vs === 'others'
          ? null
          : { path: '/embed/distinctive', state: { group, outlets: vs === 'rest' ? [outlet] : [outlet, vs] } }
      }
      columns={['Variant', 'y / n (articles)', 'yOther / nOther (articles)', 'α', 'δ', 'variance', 'z', 'q (BH)']}
      rows={mine.map((r) => [
        { text: g.variants.find((v) => v.id === r.variant)?.label ?? r.variant },
        { text: `${r.y} / ${r.n} (${r.articles})`, href: drill(state, pathname, outlet, group, r.variant) },
        { text: `${r.yOther} / ${r.nOther} (${r.articlesOther})` },
        { text: r.alpha.toFixed(3) },
        { text: r.delta.toFixed(3) },
        { text: r.variance.toFixed(3) },
        { text: `${r.z.toFixed(2)}${isDistinctive(r) ? ' *' : ''}` },
        { text: formatQ(r.q) },
      ])}
    >
      {mine.length === 0 ? (
        <p className="muted">No mentions of these terms on either side.</p>
      ) : (
        <DistinctiveChart spec={spec} outlet={outlet} group={group} domain={domain} />
      )}
    </ChartCard>
  );
}

/**
 * One symmetric z axis for every panel of a view (round ticks, 0 labelled, at least ±3); one bar far beyond the rest
 * is clipped with its value printed rather than flattening them (sharedAxis).
 */
export function zDomain(rows: DistinctiveRow[]): SharedAxis {
  return sharedAxis(rows.map((r) => r.z));
}
