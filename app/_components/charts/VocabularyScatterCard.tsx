'use client';
import { DIVERGING } from '@/lib/view/palette';
import { scatterCsv, type ScatterData } from '@/lib/view/vocabulary';
import { ChartCard } from '../ChartCard';
import type { ChartSource } from '../ChartActions';
import { useViewState } from '../useViewState';
import { VocabularyScatter } from './VocabularyScatter';

const fmt = (x: number) => x.toLocaleString('en-US');

/**
 * The vocabulary scatter in the chart card every chart has (figure, CSV, cite, its numbers as a table). A client
 * component: its CSV and table are made in the browser from the points it draws, so the page does not carry 1,500
 * points three times.
 */
export function VocabularyScatterCard(p: {
  data: ScatterData;
  a: string;
  b: string;
  counts: string;
  takeaway: string;
  methods: string;
  version: string;
  source: ChartSource;
}) {
  const { href } = useViewState();
  const { data, a, b } = p;
  const title = `Frequency and distinctiveness: ${a} against ${b}`;
  const drawn = `The ${fmt(data.terms.length)} most used of ${fmt(data.scored)} scored phrases are drawn.`;
  return (
    <ChartCard
      id="vocabulary-scatter"
      title={title}
      counts={`${p.counts} ${drawn}`}
      takeaway={p.takeaway}
      summary={`${p.takeaway} ${drawn}`}
      legend={[
        { label: `distinctive of ${a}`, color: DIVERGING.positive },
        { label: `distinctive of ${b}`, color: DIVERGING.negative },
        { label: 'neither', color: 'var(--muted)' },
      ]}
      methods={p.methods}
      version={p.version}
      source={p.source}
      csv={scatterCsv(data)}
      embed={null}
      columns={['Term', `${a}: uses (articles)`, `${b}: uses (articles)`, 'z', 'q', 'Lexicon']}
      rows={data.terms.map((term, i) => [
        { text: term },
        {
          text: `${fmt(data.y[i])} of ${fmt(data.n)} (${fmt(data.articles[i])} of ${fmt(data.articlesTotal)})`,
          href: href({ term, q: '', sort: 'position' }),
        },
        {
          text: `${fmt(data.yOther[i])} of ${fmt(data.nOther)} (${fmt(data.articlesOther[i])} of ${fmt(data.articlesOtherTotal)})`,
        },
        { text: data.z[i].toFixed(2) },
        { text: `${data.q[i].toPrecision(2)}${data.side[i] ? ' (distinctive)' : ''}` },
        { text: data.lexicon[i] ?? '' },
      ])}
      lazyTable
    >
      <VocabularyScatter data={data} a={a} b={b} />
    </ChartCard>
  );
}
