import Link from 'next/link';
import type { ArticleAnalysis } from '@/lib/analysis/article';
import type { AnalysisExport } from '@/lib/analysis/exportTypes';
import { buildQuery, hrefFor, withState, type KwicSort, type ViewState } from '@/lib/url/state';
import { actorName, entityName } from '@/lib/view/entities';
import { ScrollTable } from './ScrollTable';
import { kwicRows, sentimentSentences } from '@/lib/view/kwic';

function HiddenState({ state }: { state: ViewState }) {
  // The filter form is a GET form: every other part of the state rides along as hidden fields.
  const entries = [...new URLSearchParams(buildQuery(withState(state, { q: '' }))).entries()];
  return <>{entries.map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}</>;
}

function SortHeader({ label, sort, state, pathname }: { label: string; sort: KwicSort; state: ViewState; pathname: string }) {
  const on = state.sort === sort;
  return (
    <th scope="col" aria-sort={on ? 'ascending' : undefined}>
      <Link href={`${hrefFor(pathname, withState(state, { sort }))}#drilldown`} scroll={false}>{label}{on ? ' ▲' : ''}</Link>
    </th>
  );
}

function articleHref(state: ViewState, id: string): string {
  return hrefFor(`/article/${id}`, withState(state, { sel: null, outlets: [], group: null, q: '', sort: 'position' }));
}

/** The sentences behind a selected number: keyword in context for mentions, scored sentences for sentiment. */
export function Kwic({ ex, analyses, state, pathname }: { ex: AnalysisExport; analyses: ArticleAnalysis[]; state: ViewState; pathname: string }) {
  const sel = state.sel;
  if (!sel) return null;
  const close = `${hrefFor(pathname, withState(state, { sel: null, q: '', sort: 'position' }))}`;
  const voiceNote = state.voice === 'own' ? "own voice only (quotations excluded)" : 'own voice and quotations';
  const filter = (
    <form method="get" action={pathname} className="kwic-filter" role="search">
      <HiddenState state={state} />
      <label>Filter sentences <input type="search" name="q" defaultValue={state.q} maxLength={100} /></label>
      <button type="submit">Filter</button>
    </form>
  );
  if (sel.kind === 'sentiment' || sel.kind === 'tone') {
    const actor = sel.kind === 'tone' ? sel.actor : null;
    const rows = sentimentSentences(ex, analyses, sel.outlet, state, state.q, actor);
    const all = sentimentSentences(ex, analyses, sel.outlet, state, '', actor);
    const about = actor ? ` toward ${actorName(ex, actor)}` : '';
    return (
      <section className="card kwic" id="drilldown" data-testid="drilldown" aria-labelledby="drilldown-title">
        <h3 id="drilldown-title">Sentences behind the sentiment of {entityName(ex, sel.outlet)}{about}: {rows.length} of {all.length} sentences ({voiceNote})</h3>
        <p className="counts">
          AFINN-165 score of each sentence, most negative first{actor ? `; the sentences that name ${actorName(ex, actor)} by an alias or through a label attributed to it` : ''}. <Link href={close}>Close</Link>
        </p>
        {filter}
        <ScrollTable label="Sentences">
          <table>
            <thead><tr><th scope="col">Score</th><th scope="col">Words</th><th scope="col">Sentence</th><th scope="col">Article</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}><td>{r.score}</td><td>{r.words}</td><td>{r.text}</td><td><Link href={articleHref(state, r.article)}>{r.articleTitle}</Link></td></tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>
    );
  }
  const rows = kwicRows(ex, sel, state.sort, state.q);
  const total = kwicRows(ex, sel, 'position', '').length;
  const g = ex.groups.find((x) => x.id === sel.group);
  const label = (v: string) => g?.variants.find((x) => x.id === v)?.label ?? v;
  const terms = sel.variant ? `"${label(sel.variant)}"` : `all terms of "${g?.short ?? sel.group}"`;
  const what = sel.kind === 'actor' ? `${terms} for ${actorName(ex, sel.actor)}` : terms;
  const lens = sel.kind === 'actor';
  return (
    <section className="card kwic" id="drilldown" data-testid="drilldown" aria-labelledby="drilldown-title">
      <h3 id="drilldown-title">{entityName(ex, sel.outlet)} · {what}: {rows.length} of {total} mentions</h3>
      <p className="counts">Counting {voiceNote}; {state.scope === 'body' ? 'article body only' : 'title, captions and body'}. <Link href={close}>Close</Link></p>
      {filter}
      <ScrollTable label="Mentions in context">
        <table className="kwic-table">
          <thead>
            <tr>
              <SortHeader label="Left context" sort="left" state={state} pathname={pathname} />
              <SortHeader label="Term" sort="variant" state={state} pathname={pathname} />
              <SortHeader label="Right context" sort="right" state={state} pathname={pathname} />
              <SortHeader label="Outlet" sort="outlet" state={state} pathname={pathname} />
              <SortHeader label="Article" sort="position" state={state} pathname={pathname} />
              <SortHeader label="Voice" sort="voice" state={state} pathname={pathname} />
              {lens && <th scope="col">Attributed by</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid="kwic-row">
                <td className="left">{r.left}</td>
                <td className="term"><mark data-group={r.group}>{r.term}</mark></td>
                <td className="right">{r.right}</td>
                <td>{entityName(ex, r.outlet)}</td>
                <td><Link href={articleHref(state, r.article)}>{r.articleTitle}</Link> <span className="muted">({r.section})</span></td>
                <td>{r.voice === 'quoted' ? 'quoted' : 'own'}</td>
                {lens && <td>{r.cue ?? 'no actor named'}{r.actors.length > 1 ? ` (${r.actors.map((a) => actorName(ex, a)).join(', ')})` : ''}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
