import Form from 'next/form';
import type { Drill, TermKwic as TermDrill } from '@/lib/server/dataset';
import { filterCaption } from '@/lib/analysis/filters';
import { buildQuery, hrefFor, withState, type KwicSort, type ViewState } from '@/lib/url/state';
import type { KwicRow, Paged } from '@/lib/view/kwic';
import { SET_ASIDE_TEXT, type ViewStats } from '@/lib/view/model';
import { actorName, entityName } from '@/lib/view/entities';
import { countOf } from '@/lib/view/plural';
import { AppLink, StayLink } from './AppLink';
import { ScrollIntoView } from './ScrollIntoView';
import { ScrollTable } from './ScrollTable';

function HiddenState({ state }: { state: ViewState }) {
  // The filter form submits by GET: every other part of the state rides along as hidden fields.
  const entries = [...new URLSearchParams(buildQuery(withState(state, { q: '' }))).entries()];
  return (
    <>
      {entries.map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
    </>
  );
}

// Both drill-downs filter their sentences with the same GET form, so a filtered URL reads the same on either.
function SentenceFilter({ state, pathname }: { state: ViewState; pathname: string }) {
  return (
    <Form action={pathname} scroll={false} className="kwic-filter" role="search">
      <HiddenState state={state} />
      <label>
        Filter sentences <input type="search" name="q" defaultValue={state.q} maxLength={100} />
      </label>
      <button type="submit">Filter</button>
    </Form>
  );
}

function SortHeader({
  label,
  sort,
  state,
  pathname,
}: {
  label: string;
  sort: KwicSort;
  state: ViewState;
  pathname: string;
}) {
  const on = state.sort === sort;
  return (
    <th scope="col" aria-sort={on ? 'ascending' : undefined}>
      <StayLink href={hrefFor(pathname, withState(state, { sort }))}>
        {label}
        {on ? ' ▲' : ''}
      </StayLink>
    </th>
  );
}

function articleHref(state: ViewState, id: string): string {
  return hrefFor(`/article/${id}`, withState(state, { sel: null, outlets: [], group: null, q: '', sort: 'position' }));
}

// The headers of those cells; a searched term's rows have no variant, so only lexicon mentions sort by term.
function ContextHeaders({ state, pathname, sortTerm }: { state: ViewState; pathname: string; sortTerm: boolean }) {
  return (
    <>
      <SortHeader label="Left context" sort="left" state={state} pathname={pathname} />
      {sortTerm ? (
        <SortHeader label="Term" sort="variant" state={state} pathname={pathname} />
      ) : (
        <th scope="col">Term</th>
      )}
      <SortHeader label="Right context" sort="right" state={state} pathname={pathname} />
      <SortHeader label="Outlet" sort="outlet" state={state} pathname={pathname} />
      <SortHeader label="Article" sort="position" state={state} pathname={pathname} />
      <SortHeader label="Voice" sort="voice" state={state} pathname={pathname} />
    </>
  );
}

// The cells every keyword-in-context row shares (a lexicon mention marks its group, a searched term none).
function ContextCells({ row, ex, article, group }: { row: KwicRow; ex: ViewStats; article: string; group?: string }) {
  return (
    <>
      <td className="left">{row.left}</td>
      <td className="term">
        <mark data-group={group}>{row.term}</mark>
      </td>
      <td className="right">{row.right}</td>
      <td>{entityName(ex, row.outlet)}</td>
      <td>
        <AppLink href={article}>{row.articleTitle}</AppLink> <span className="muted">({row.section})</span>
      </td>
      <td>{row.voice === 'quoted' ? 'quoted' : 'own'}</td>
    </>
  );
}

/** "Rows 101–200 of 2,340" with links to the neighbouring pages; the page is part of the URL. */
function Pager({
  paged,
  state,
  pathname,
  noun,
}: {
  paged: Paged<unknown>;
  state: ViewState;
  pathname: string;
  noun: string;
}) {
  if (paged.pages <= 1) return null;
  const to = (page: number) => hrefFor(pathname, { ...state, page });
  return (
    <nav className="pager" aria-label={`Pages of ${noun}`} data-testid="pager">
      {paged.page > 1 ? (
        <StayLink href={to(paged.page - 1)}>← Previous</StayLink>
      ) : (
        <span aria-hidden="true">← Previous</span>
      )}
      <span>
        {noun} {paged.first.toLocaleString('en')}–{paged.last.toLocaleString('en')} of{' '}
        {paged.total.toLocaleString('en')} (page {paged.page} of {paged.pages})
      </span>
      {paged.page < paged.pages ? (
        <StayLink href={to(paged.page + 1)}>Next →</StayLink>
      ) : (
        <span aria-hidden="true">Next →</span>
      )}
    </nav>
  );
}

/**
 * The sentences behind a selected number: keyword in context for mentions, scored sentences for sentiment, a page at a
 * time.
 */
export function Kwic({
  drill,
  ex,
  state,
  pathname,
}: {
  drill: Drill | null;
  ex: ViewStats;
  state: ViewState;
  pathname: string;
}) {
  const sel = state.sel;
  if (!sel || !drill) return null;
  const close = hrefFor(pathname, withState(state, { sel: null, q: '', sort: 'position' }));
  const filter = <SentenceFilter state={state} pathname={pathname} />;
  const scrollKey = hrefFor(pathname, state);
  if (drill.kind === 'sentences') {
    const actor = sel.kind === 'tone' ? sel.actor : null;
    const about = actor ? ` toward ${actorName(ex, actor)}` : '';
    const { rows } = drill;
    return (
      <section className="card kwic" id="drilldown" data-testid="drilldown" aria-labelledby="drilldown-title">
        <ScrollIntoView targetId="drilldown" trigger={scrollKey} />
        <h3 id="drilldown-title">
          Sentences behind the sentiment of {entityName(ex, sel.outlet)}
          {about}: {rows.total.toLocaleString('en')} of {drill.unfiltered.toLocaleString('en')} sentences, in{' '}
          {countOf(rows.articles, 'article')} ({filterCaption(state)})
        </h3>
        <p className="counts">
          AFINN-165 score of each sentence, most negative first
          {actor
            ? `; the sentences that name ${actorName(ex, actor)} by an alias or through a label attributed to it`
            : ''}
          .{provenanceNote(drill)} <StayLink href={close}>Close</StayLink>
        </p>
        {filter}
        <Pager paged={rows} state={state} pathname={pathname} noun="Sentences" />
        <ScrollTable label="Sentences">
          <table>
            <thead>
              <tr>
                <th scope="col">Score</th>
                <th scope="col">Words</th>
                <th scope="col">Sentence</th>
                <th scope="col">Article</th>
                <th scope="col">Text</th>
              </tr>
            </thead>
            <tbody>
              {rows.rows.map((r) => (
                <tr key={r.key} data-testid="sentence-row">
                  <td>{r.score}</td>
                  <td>{r.words}</td>
                  <td>{r.text}</td>
                  <td>
                    <AppLink href={articleHref(state, r.article)}>{r.articleTitle}</AppLink>
                  </td>
                  <td data-testid="provenance-mark">{r.provenance ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>
    );
  }
  if (sel.kind !== 'mentions' && sel.kind !== 'actor' && sel.kind !== 'setAside') return null;
  const { rows } = drill;
  const g = ex.groups.find((x) => x.id === sel.group);
  const label = (v: string) => g?.variants.find((x) => x.id === v)?.label ?? v;
  const variant = sel.kind === 'setAside' ? null : sel.variant;
  const terms = variant ? `"${label(variant)}"` : `all terms of "${g?.short ?? sel.group}"`;
  const what =
    sel.kind === 'actor'
      ? `${terms} for ${actorName(ex, sel.actor)}`
      : sel.kind === 'setAside'
        ? `${terms} not counted: ${SET_ASIDE_TEXT[sel.reason]}`
        : terms;
  const lens = sel.kind === 'actor';
  return (
    <section className="card kwic" id="drilldown" data-testid="drilldown" aria-labelledby="drilldown-title">
      <ScrollIntoView targetId="drilldown" trigger={scrollKey} />
      <h3 id="drilldown-title">
        {entityName(ex, sel.outlet)} · {what}: {rows.total.toLocaleString('en')} of{' '}
        {drill.unfiltered.toLocaleString('en')} mentions, in {countOf(rows.articles, 'article')}
      </h3>
      <p className="counts">
        Counting {filterCaption(state)}.{provenanceNote(drill)} <StayLink href={close}>Close</StayLink>
      </p>
      {filter}
      <Pager paged={rows} state={state} pathname={pathname} noun="Mentions" />
      <ScrollTable label="Mentions in context">
        <table className="kwic-table">
          <thead>
            <tr>
              <ContextHeaders state={state} pathname={pathname} sortTerm />
              {lens && <th scope="col">Attributed by</th>}
              <th scope="col">Text</th>
            </tr>
          </thead>
          <tbody>
            {rows.rows.map((r) => (
              <tr key={r.key} data-testid="kwic-row">
                <ContextCells row={r} ex={ex} article={articleHref(state, r.article)} group={r.group} />
                {lens && (
                  <td>
                    {r.cue ?? 'no actor named'}
                    {r.actors.length > 1 ? ` (${r.actors.map((a) => actorName(ex, a)).join(', ')})` : ''}
                  </td>
                )}
                <td data-testid="provenance-mark">
                  {r.provenance ? (
                    <AppLink
                      href={hrefFor(
                        `/provenance/${r.article}`,
                        withState(state, { sel: null, q: '', sort: 'position', outlets: [], group: null }),
                      )}
                    >
                      {r.provenance}
                    </AppLink>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <Pager paged={rows} state={state} pathname={pathname} noun="Mentions" />
    </section>
  );
}

/**
 * The sentences of a term or search (the `term` of the URL): keyword in context, a page at a time, sortable and
 * filterable as every drill-down, each linked to its article. `close` is where "Close" goes (none on /search).
 */
export function TermKwic({
  drill,
  ex,
  state,
  pathname,
  title,
  close,
}: {
  drill: TermDrill;
  ex: ViewStats;
  state: ViewState;
  pathname: string;
  title: string;
  close: string | null;
}) {
  const { rows } = drill;
  return (
    <section className="card kwic" id="drilldown" data-testid="drilldown" aria-labelledby="drilldown-title">
      <ScrollIntoView targetId="drilldown" trigger={hrefFor(pathname, state)} />
      <h3 id="drilldown-title">
        {title}: {rows.total.toLocaleString('en')} of {drill.unfiltered.toLocaleString('en')} uses, in{' '}
        {countOf(rows.articles, 'article')}
      </h3>
      <p className="counts">
        Counting {filterCaption(state)}. {close && <StayLink href={close}>Close</StayLink>}
      </p>
      <SentenceFilter state={state} pathname={pathname} />
      <Pager paged={rows} state={state} pathname={pathname} noun="Uses" />
      <ScrollTable label="Uses in context">
        <table className="kwic-table">
          <thead>
            <tr>
              <ContextHeaders state={state} pathname={pathname} sortTerm={false} />
            </tr>
          </thead>
          <tbody>
            {rows.rows.map((r) => (
              <tr key={r.key} data-testid="kwic-row">
                <ContextCells row={r} ex={ex} article={articleHref(withState(state, { term: '' }), r.article)} />
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <Pager paged={rows} state={state} pathname={pathname} noun="Uses" />
    </section>
  );
}

// Why the Text column (original or reused) is empty, when it is.
function provenanceNote(drill: Drill): string {
  if (!drill.provenancePending) return '';
  return drill.provenanceUnread
    ? ' The Text column (original or reused) is empty until this version’s per-sentence provenance is stored (it is made after its provenance); an article’s provenance page shows it meanwhile.'
    : ' The Text column (original or reused) fills in once provenance is computed.';
}
