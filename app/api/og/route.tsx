import { filterCaption } from '@/lib/analysis/filters';
import { ImageResponse } from 'next/og';
import { openView } from '@/lib/server/dataset';
import { mentionsIn } from '@/lib/view/charts';
import { entityList, entityName } from '@/lib/view/entities';
import { CATEGORICAL as PALETTE } from '@/lib/view/palette';

/** Open Graph preview: the shares chart of one term group (or the first), so a shared link unfurls with the chart. */
export function GET(request: Request) {
  const sp = new URL(request.url).searchParams;
  const opened = openView('/api/og', sp);
  if (!opened.ok) return Response.json({ error: 'bad request', problems: opened.problems }, { status: 400 });
  const { stats: ex, query: state } = opened.view;
  const g = ex.groups.find((x) => x.id === (sp.get('group') ?? state.group)) ?? ex.groups[0];
  const ids = state.outlets.length ? state.outlets : entityList(ex).map((e) => e.id);
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        background: '#f6f7f9',
        padding: 48,
        fontSize: 26,
        color: '#1b1f24',
      }}
    >
      <div style={{ fontSize: 40, fontWeight: 700, marginBottom: 8 }}>{g.label}</div>
      <div style={{ fontSize: 22, color: '#555', marginBottom: 24 }}>
        {`Framescope · ${ex.corpus.id} v${ex.corpus.version} · share of mentions, ${filterCaption(state)}`}
      </div>
      {ids.slice(0, 8).map((id) => {
        const rows = ex.counts.filter((c) => c.outlet === id && c.group === g.id);
        const n = rows[0]?.groupTotal ?? 0;
        const k = rows[0]?.groupArticles ?? 0;
        return (
          <div key={id} style={{ display: 'flex', alignItems: 'center', marginBottom: 10 }}>
            <div style={{ width: 340, fontSize: 22 }}>{`${entityName(ex, id)} (${mentionsIn(n, k)})`}</div>
            <div style={{ display: 'flex', width: 760, height: 36, background: '#e3e6ea' }}>
              {rows.map((r, i) =>
                r.count > 0 ? (
                  <div
                    key={r.variant}
                    style={{
                      width: `${100 * (r.share ?? 0)}%`,
                      background: PALETTE[i % PALETTE.length],
                      color: '#fff',
                      fontSize: 18,
                      display: 'flex',
                      alignItems: 'center',
                      justifyContent: 'center',
                    }}
                  >
                    {g.variants[i].label.length * 11 < 760 * (r.share ?? 0) ? g.variants[i].label : String(r.count)}
                  </div>
                ) : null,
              )}
            </div>
          </div>
        );
      })}
    </div>,
    { width: 1200, height: 630 },
  );
}
