'use client';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ErrorBar,
  LabelList,
  Legend,
  ReferenceLine,
  Text,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartRow } from '@/lib/view/charts';
import { barChartHeight, type BarChartBaseProps } from './BarChartBase';
import { CATEGORICAL, textOn } from '@/lib/view/palette';
import { useWidth } from './useWidth';

// Phone layout: the band of one row and the thickness of its bar, leaving room above the bar for its label.
const NARROW_ROW = 50;
const NARROW_BAR = 20;
// Room at the left for the first x tick ("0%"), which a 1 px label column would cut in half.
const NARROW_LEFT = 12;

/** Horizontal bar chart (stacked or not) with optional error bars, labels and click-through. */
export function BarChartRecharts(p: BarChartBaseProps) {
  const fmt = p.valueFormatter ?? ((v: number) => String(v));
  const colors = p.colors ?? CATEGORICAL;
  const { ref, width } = useWidth<HTMLDivElement>(560);
  // On a phone a label column would squeeze both the labels ("Unnamed aggregator (9 mentions in 1 article)") and the
  // plot, so each label goes on its own line above its bar, across the whole width, and rows get taller for it.
  const narrow = width < 480;
  const height = narrow ? barChartHeight(p) + 12 + p.data.length * (NARROW_ROW - 38) : barChartHeight(p);
  const indexWidth = narrow ? 1 : (p.indexWidth ?? 210);
  type Row = ChartRow & { __err?: number[] };
  const data: Row[] = p.errorBars
    ? p.data.map((r) => {
        const mean = r[p.categories[0]];
        const low = r[p.errorBars!.low];
        const high = r[p.errorBars!.high];
        const ok = typeof mean === 'number' && typeof low === 'number' && typeof high === 'number';
        // A zero-width interval is drawn as no error bar (recharts misplaces zero-width bars on negative values).
        const err = ok && high - low > 1e-9 ? [mean - low, high - mean] : undefined;
        return Object.assign({}, r, { __err: err }) as Row;
      })
    : p.data;
  return (
    <div ref={ref}>
      <BarChart
        width={width}
        height={height}
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ top: narrow ? 16 : 4, right: 24, bottom: 4, left: narrow ? NARROW_LEFT : 4 }}
        stackOffset={p.stacked ? 'none' : undefined}
        barSize={narrow ? NARROW_BAR : undefined}
      >
        <CartesianGrid horizontal={false} stroke="var(--grid)" />
        <XAxis
          type="number"
          domain={p.domain ?? ['auto', 'auto']}
          tickFormatter={fmt}
          stroke="var(--muted)"
          fontSize={12}
          allowDataOverflow={!!p.domain}
        />
        <YAxis
          type="category"
          dataKey={p.index}
          width={indexWidth}
          stroke="var(--muted)"
          fontSize={12}
          interval={0}
          tickLine={!narrow}
          tick={(props) => {
            const t = props as unknown as { x: number; y: number; payload: { value: string } };
            if (narrow)
              // A plain text: recharts' Text measures in its own default font and would cut labels that fit.
              return (
                <text
                  x={NARROW_LEFT + 3}
                  y={t.y - NARROW_BAR / 2 - 4}
                  textAnchor="start"
                  fontSize={11}
                  fill="var(--fg)"
                >
                  {t.payload.value}
                </text>
              );
            return (
              <Text
                x={t.x}
                y={t.y}
                width={indexWidth - 10}
                textAnchor="end"
                verticalAnchor="middle"
                fontSize={12}
                fill="var(--fg)"
                maxLines={3}
              >
                {t.payload.value}
              </Text>
            );
          }}
        />
        {p.referenceAt !== undefined && <ReferenceLine x={p.referenceAt} stroke="var(--muted)" />}
        <Tooltip
          formatter={(value, name) => [
            typeof value === 'number' ? fmt(value) : String(value ?? '—'),
            p.labels?.[String(name)] ?? String(name),
          ]}
          contentStyle={{ background: 'var(--card)', border: '1px solid var(--grid)', color: 'var(--fg)' }}
          cursor={{ fill: 'var(--hover)' }}
        />
        {p.legend && <Legend itemSorter={null} formatter={(v) => p.labels?.[String(v)] ?? String(v)} />}
        {p.categories.map((c, i) => (
          <Bar
            key={c}
            dataKey={c}
            name={c}
            stackId={p.stacked ? 'stack' : undefined}
            fill={colors[i % colors.length]}
            isAnimationActive={false}
            cursor={p.onValueClick ? 'pointer' : undefined}
            onClick={
              p.onValueClick
                ? (entry) => p.onValueClick!((entry as unknown as { payload: ChartRow }).payload, c)
                : undefined
            }
          >
            {p.cellColor &&
              data.map((row, j) => <Cell key={j} fill={p.cellColor!(row, c) ?? colors[i % colors.length]} />)}
            {p.barLabel && (
              <LabelList
                // The label comes from the bar's own data row: LabelList's index skips bars it does not draw, so it
                // must not be used.
                valueAccessor={(entry) => p.barLabel!((entry as { payload: ChartRow }).payload, c) ?? ''}
                position="center"
                fill="#fff"
                fontSize={11}
                content={(props) => {
                  const {
                    x,
                    y,
                    width,
                    height: h,
                    value,
                  } = props as { x: number; y: number; width: number; height: number; value: string };
                  if (!value || width < 18) return null;
                  return (
                    <text
                      x={x + width / 2}
                      y={y + h / 2 + 4}
                      textAnchor="middle"
                      fontSize={11}
                      fill={textOn(colors[i % colors.length])}
                      style={{ pointerEvents: 'none' }}
                    >
                      {value}
                    </text>
                  );
                }}
              />
            )}
            {p.errorBars && i === 0 && <ErrorBar dataKey="__err" direction="x" width={6} stroke="var(--fg)" />}
          </Bar>
        ))}
      </BarChart>
    </div>
  );
}
