import { Fragment } from 'react';
import { articleProvenanceOf, type View } from '@/lib/server/dataset';
import { hrefFor, withState } from '@/lib/url/state';
import { AppLink } from '../_components/AppLink';
import { Shell } from '../_components/Shell';
import { KIND_TEXT, KIND_TINT, TRACING_NOTE } from './provenanceStyle';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** One article's sentences coloured by provenance, each shared one linked to its other articles, shown side by side. */
export function ArticleProvenancePage({ view, id }: { view: View; id: string }) {
  const { stats: ex, query: state } = view;
  const m = articleProvenanceOf(view, id)!;
  const base = withState(state, { sel: null, q: '', sort: 'position', outlets: [], group: null });
  const outletName = (o: string) => ex.outlets.find((x) => x.id === o)?.name ?? o;
  const counts = { original: 0, shared: 0, credited: 0 };
  for (const s of m.provenance.sentences) counts[s.kind]++;
  const pieces: React.ReactNode[] = [];
  let at = 0;
  for (const [i, s] of m.provenance.sentences.entries()) {
    if (s.start > at) pieces.push(<Fragment key={`g${i}`}>{m.text.slice(at, s.start)}</Fragment>);
    const source = s.sourceArticle && s.sourceArticle !== id ? s.sourceArticle : null;
    pieces.push(
      <span
        key={i}
        data-kind={s.kind}
        data-testid={`sentence-${s.kind}`}
        style={{ background: KIND_TINT[s.kind], borderRadius: 2 }}
        title={`${KIND_TEXT[s.kind]}${s.credited.length ? `; credited: ${s.credited.join(', ')}` : ''}`}
      >
        {m.text.slice(s.start, s.end)}
      </span>,
    );
    if (s.kind === 'shared') {
      pieces.push(
        <sup key={`l${i}`} className="muted">
          {' '}
          [
          {source ? (
            <AppLink href={hrefFor(`/provenance/${source}`, base)} data-testid="source-link">
              earliest: {outletName(s.others[0].outlet)}, {s.others[0].date ?? 'undated'}
            </AppLink>
          ) : (
            'earliest in the corpus'
          )}
          {s.others.map((o) => (
            <Fragment key={o.article}>
              {' · '}
              <a href={`#with-${o.article}`}>
                {o.outlet} {pct(o.similarity)}
              </a>
            </Fragment>
          ))}
          ]
        </sup>,
      );
    }
    at = s.end;
  }
  if (at < m.text.length) pieces.push(<Fragment key="end">{m.text.slice(at)}</Fragment>);
  return (
    <Shell view={view}>
      <h1>{m.title}</h1>
      <p className="lede">
        {outletName(m.outlet)}, {m.date ?? 'undated'}.{' '}
        <AppLink href={hrefFor(`/article/${id}`, base)}>The article with its counted terms</AppLink> ·{' '}
        <AppLink href={hrefFor('/provenance', withState(base, { outlets: [m.outlet] }))}>
          {outletName(m.outlet)}&apos;s provenance
        </AppLink>
      </p>
      <p className="counts" data-testid="provenance-counts">
        {m.provenance.sentences.length} sentences: {counts.original} original, {counts.shared} shared with other
        articles, {counts.credited} credited.{' '}
        {m.provenance.credited.length
          ? `Credit lines name: ${m.provenance.credited.join(', ')}.`
          : 'No credit line found.'}
      </p>
      <p className="counts" data-testid="tracing-note">
        {TRACING_NOTE}
        {counts.shared === 0 && /aggregator/i.test(ex.outlets.find((o) => o.id === m.outlet)?.kind ?? '')
          ? ` ${outletName(m.outlet)} is an aggregator: its text was most likely taken from outlets this corpus does not hold, so none of it could be traced here. "Original" on this page means only "not found in this corpus", not original reporting.`
          : ''}
      </p>
      <ul className="legend" aria-label="Provenance">
        {(['original', 'shared', 'credited'] as const).map((k) => (
          <li key={k}>
            <span
              className="swatch"
              style={{ background: KIND_TINT[k], outline: '1px solid currentColor' }}
              aria-hidden="true"
            />
            {KIND_TEXT[k]}
          </li>
        ))}
      </ul>
      <article className="card article-text" data-testid="provenance-text" style={{ whiteSpace: 'pre-wrap' }}>
        {pieces}
      </article>
      <section className="group" aria-labelledby="h-partners">
        <h2 id="h-partners">Shared passages, side by side ({m.partners.length} articles)</h2>
        {m.partners.length === 0 && (
          <p className="counts">No passage of this article was found in another article of this corpus.</p>
        )}
        {m.partners.map((p) => (
          <section key={p.article} id={`with-${p.article}`} className="card" data-testid="partner">
            <h3>
              <AppLink href={hrefFor(`/provenance/${p.article}`, base)}>{p.title}</AppLink>
            </h3>
            <p className="counts">
              {outletName(p.outlet)}, {p.date ?? 'undated'}. Words that differ are marked.
            </p>
            {p.passages.map((ps, i) => (
              <div key={i} className="pair" data-testid="side-by-side">
                <p>
                  <strong>This article</strong> ({pct(ps.similarity)} alike):{' '}
                  {ps.left.map((x, k) =>
                    x.same ? <Fragment key={k}>{x.text}</Fragment> : <mark key={k}>{x.text}</mark>,
                  )}
                </p>
                <p>
                  <strong>{outletName(p.outlet)}</strong>:{' '}
                  {ps.right.map((x, k) =>
                    x.same ? <Fragment key={k}>{x.text}</Fragment> : <mark key={k}>{x.text}</mark>,
                  )}
                </p>
              </div>
            ))}
          </section>
        ))}
      </section>
    </Shell>
  );
}
