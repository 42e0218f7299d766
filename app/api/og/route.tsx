import { ImageResponse } from 'next/og';
import { captionOf, openView, timeseriesFor } from '@/lib/server/dataset';
import { defaultIds, ogModel, timeOgModel, type OgModel } from '@/lib/view/ogModel';
import { linearX, tickLabel } from '@/lib/view/plot';
import { textOn } from '@/lib/view/palette';

const W = 1200;
const H = 630;
const LABEL_W = 380;
const PLOT_W = 700;

function Rows({ m }: { m: OgModel }) {
  const rowH = Math.min(44, Math.floor(300 / Math.max(1, m.rows.length)));
  const x = m.axis ? linearX(m.axis.max, 0, PLOT_W) : null;
  return (
    <div style={{ display: 'flex', flexDirection: 'column' }}>
      {m.rows.map((r) => (
        <div key={r.label} style={{ display: 'flex', alignItems: 'center', height: rowH }}>
          <div style={{ width: LABEL_W, paddingRight: 12, display: 'flex', flexDirection: 'column' }}>
            {/* Name, then its n on a smaller line: long labels must not wrap into the next row. */}
            <div style={{ display: 'flex', fontSize: 19, lineHeight: 1.1 }}>{r.label.split(' (')[0]}</div>
            {r.label.includes(' (') && (
              <div style={{ display: 'flex', fontSize: 14, color: '#4f5661', lineHeight: 1.1 }}>
                {`(${r.label.split(' (').slice(1).join(' (')}`}
              </div>
            )}
          </div>
          <div
            style={{ display: 'flex', position: 'relative', width: PLOT_W, height: rowH - 10, background: '#eef0f3' }}
          >
            {r.segments
              ? r.segments.map((s, i) =>
                  s.share > 0 ? (
                    <div
                      key={i}
                      style={{
                        width: `${100 * s.share}%`,
                        background: s.color,
                        color: textOn(s.color),
                        fontSize: 17,
                        display: 'flex',
                        alignItems: 'center',
                        justifyContent: 'center',
                      }}
                    >
                      {s.share * PLOT_W > 28 ? s.text : ''}
                    </div>
                  ) : null,
                )
              : x && (
                  <>
                    <div
                      style={{
                        position: 'absolute',
                        left: x(0),
                        top: 0,
                        width: 2,
                        height: '100%',
                        background: '#4f5661',
                      }}
                    />
                    {r.value != null && m.kind === 'bar' && (
                      <div
                        style={{
                          position: 'absolute',
                          left: Math.min(x(0), x(r.value)),
                          width: Math.max(2, Math.abs(x(r.value) - x(0))),
                          top: 4,
                          height: rowH - 18,
                          background: r.color,
                        }}
                      />
                    )}
                    {r.value != null && m.kind === 'bar' && Math.abs(r.value) > m.axis!.max && (
                      // Clipped at the axis: the value is printed on the bar.
                      <div
                        style={{
                          position: 'absolute',
                          left: r.value > 0 ? x(r.value) - 110 : x(r.value) + 8,
                          width: 100,
                          top: 4,
                          height: rowH - 18,
                          display: 'flex',
                          alignItems: 'center',
                          justifyContent: r.value > 0 ? 'flex-end' : 'flex-start',
                          color: '#ffffff',
                          fontSize: 17,
                          fontWeight: 700,
                        }}
                      >
                        {r.value > 0 ? `${r.value.toFixed(1)} ▶` : `◀ ${r.value.toFixed(1)}`}
                      </div>
                    )}
                    {r.low != null && r.high != null && (
                      <div
                        style={{
                          position: 'absolute',
                          left: x(r.low),
                          width: Math.max(2, x(r.high) - x(r.low)),
                          top: (rowH - 10) / 2 - 1,
                          height: 3,
                          background: '#1b1f24',
                        }}
                      />
                    )}
                    {r.value != null && m.kind === 'dot' && (
                      <div
                        style={{
                          position: 'absolute',
                          left: x(r.value) - 9,
                          top: (rowH - 10) / 2 - 9,
                          width: 18,
                          height: 18,
                          borderRadius: 9,
                          background: r.color,
                          border: '2px solid #ffffff',
                        }}
                      />
                    )}
                  </>
                )}
          </div>
        </div>
      ))}
      {m.axis && x && (
        <div style={{ display: 'flex', position: 'relative', marginLeft: LABEL_W, width: PLOT_W, height: 26 }}>
          {m.axis.ticks.map((t) => (
            <div
              key={t}
              style={{
                position: 'absolute',
                left: x(t) - 30,
                width: 60,
                fontSize: 16,
                color: '#4f5661',
                display: 'flex',
                justifyContent: 'center',
              }}
            >
              {tickLabel(t, m.axis!.ticks[1] - m.axis!.ticks[0])}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * Open Graph preview: the chart a link names (`chart`: shares, stance, sentiment, distinctive, actors, actor-tone, time) for its
 * outlets and term group, with its legend, the corpus and version, and a note when rows are cut.
 */
// Naming over time (the URL names the group) for the first outlet named, or the one with most mentions of the group.
async function timeOf(view: Parameters<typeof timeseriesFor>[0], group: string): Promise<OgModel> {
  const rows = (await timeseriesFor(view))?.rows ?? [];
  const totals = new Map<string, number>();
  for (const r of rows)
    if (r.variant === rows[0].variant) totals.set(r.outlet, (totals.get(r.outlet) ?? 0) + r.groupTotal);
  const outlet =
    view.query.outlets[0] ?? [...totals].sort((a, b) => b[1] - a[1])[0]?.[0] ?? view.stats.outlets[0]?.id ?? '';
  return timeOgModel(view.stats, rows, outlet, group);
}

export async function GET(request: Request) {
  const sp = new URL(request.url).searchParams;
  const opened = openView('/api/og', sp);
  if (!opened.ok) return Response.json({ error: 'bad request', problems: opened.problems }, { status: 400 });
  const { stats: ex, query: state } = opened.view;
  const chart = sp.get('chart') ?? 'shares';
  const ids = state.outlets.length ? state.outlets : defaultIds(ex);
  const group = state.group ?? ex.groups[0]?.id ?? '';
  const m = chart === 'time' ? await timeOf(opened.view, group) : ogModel(ex, chart, ids, group);
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        background: '#ffffff',
        padding: '40px 48px',
        fontSize: 22,
        color: '#1b1f24',
      }}
    >
      <div style={{ fontSize: 38, fontWeight: 700, display: 'flex' }}>{m.title}</div>
      <div style={{ fontSize: 20, color: '#4f5661', marginTop: 6, display: 'flex' }}>{m.subtitle}</div>
      <div style={{ display: 'flex', flexWrap: 'wrap', marginTop: 12, marginBottom: 14 }}>
        {m.legend.map((l) => (
          <div key={l.label} style={{ display: 'flex', alignItems: 'center', marginRight: 22, fontSize: 18 }}>
            <div style={{ width: 18, height: 18, background: l.color, marginRight: 7, borderRadius: 3 }} />
            {l.label}
          </div>
        ))}
      </div>
      <Rows m={m} />
      {m.cut && (
        <div style={{ display: 'flex', marginTop: 8, fontSize: 19, fontWeight: 700 }} data-testid="cut">
          {m.cut}
        </div>
      )}
      <div style={{ display: 'flex', marginTop: 'auto', fontSize: 17, color: '#4f5661' }}>
        {`Framescope · ${ex.corpus.title} · version ${ex.corpus.version} · ${captionOf(opened.view)}`}
      </div>
    </div>,
    { width: W, height: H },
  );
}
