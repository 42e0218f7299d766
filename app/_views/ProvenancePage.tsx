import { corpusProvenanceOf, type View } from '@/lib/server/dataset';
import { hrefFor, withState } from '@/lib/url/state';
import { AppLink } from '../_components/AppLink';
import { ScrollTable } from '../_components/ScrollTable';
import { Shell } from '../_components/Shell';
import { TRACING_NOTE } from './provenanceStyle';
import { countOf } from '@/lib/view/plural';

const pct = (n: number, d: number) => (d ? `${Math.round((100 * n) / d)}%` : '—');

/** Whose words are these: each outlet's original, shared and credited text, who reuses whom, and edited terms. */
export function ProvenancePage({ view }: { view: View }) {
  const { stats: ex, query: state } = view;
  const m = corpusProvenanceOf(view);
  const base = withState(state, { sel: null, q: '', sort: 'position', group: null });
  const name = (id: string) => ex.outlets.find((o) => o.id === id)?.name ?? id;
  const label = (group: string, variant: string) =>
    ex.groups.find((g) => g.id === group)?.variants.find((v) => v.id === variant)?.label ?? variant;
  const max = Math.max(1, ...m.matrix.flat());
  const chosen = state.outlets;
  return (
    <Shell view={view}>
      <h1>Whose words are these?</h1>
      <p className="lede">
        Each sentence of each article is original, shared with other articles of this corpus (the earliest by date is
        the likely source), or credited to a wire or another outlet. The &quot;Text&quot; switch on every view limits
        every count, share, z-score and sentiment figure to original or reused text.
      </p>
      <p className="counts" data-testid="tracing-note">
        {TRACING_NOTE}
      </p>
      <section className="group" aria-labelledby="h-outlets">
        <h2 id="h-outlets">Original, shared and credited text by outlet</h2>
        <ScrollTable label="Provenance by outlet" className="card">
          <table data-testid="provenance-outlets">
            <thead>
              <tr>
                <th scope="col">Outlet</th>
                <th scope="col">Articles</th>
                <th scope="col">Sentences</th>
                <th scope="col">Original</th>
                <th scope="col">Shared</th>
                <th scope="col">Credited</th>
                <th scope="col">Articles with a credit line</th>
                <th scope="col">Top sources in the corpus (shared sentences)</th>
                <th scope="col">Credited sources (sentences)</th>
              </tr>
            </thead>
            <tbody>
              {m.outlets.map(({ id, summary: s }) => {
                const total = s.sentences.original + s.sentences.shared + s.sentences.credited;
                return (
                  <tr key={id} aria-current={chosen.includes(id) ? 'true' : undefined}>
                    <th scope="row">
                      <AppLink href={hrefFor('/provenance', withState(base, { outlets: [id] }))}>{name(id)}</AppLink>
                    </th>
                    <td>{s.articles}</td>
                    <td>{total}</td>
                    <td>{pct(s.sentences.original, total)}</td>
                    <td>{pct(s.sentences.shared, total)}</td>
                    <td>{pct(s.sentences.credited, total)}</td>
                    <td>{s.creditedArticles}</td>
                    <td>
                      {s.sourceOutlets
                        .slice(0, 3)
                        .map((x) => `${name(x.outlet)} ${x.sentences}`)
                        .join(', ') || '—'}
                    </td>
                    <td>
                      {s.creditedSources
                        .slice(0, 3)
                        .map((x) => `${x.source} ${x.sentences}`)
                        .join(', ') || '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      </section>
      {chosen.length > 0 && (
        <section className="group" aria-labelledby="h-articles">
          <h2 id="h-articles">
            Articles of {chosen.map(name).join(', ')} ({m.articles.length}), most shared first
          </h2>
          <ScrollTable label="Articles by provenance" className="card">
            <table data-testid="provenance-articles">
              <thead>
                <tr>
                  <th scope="col">Article</th>
                  <th scope="col">Original</th>
                  <th scope="col">Shared</th>
                  <th scope="col">Credited</th>
                </tr>
              </thead>
              <tbody>
                {m.articles.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <AppLink href={hrefFor(`/provenance/${a.id}`, withState(base, { outlets: [] }))}>
                        {a.title}
                      </AppLink>
                    </th>
                    <td>{a.sentences.original}</td>
                    <td>{a.sentences.shared}</td>
                    <td>{a.sentences.credited}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </section>
      )}
      <section className="group" aria-labelledby="h-matrix">
        <h2 id="h-matrix">Who reuses whom</h2>
        <p className="counts">
          Row: the outlet whose sentences are shared; column: the outlet of the earliest article holding them (the
          likely source). Each cell counts sentences; the diagonal is an outlet repeating itself.
        </p>
        <ScrollTable label="Who reuses whom" className="card">
          <table data-testid="reuse-matrix">
            <thead>
              <tr>
                <th scope="col">Reuser \ source</th>
                {m.outlets.map((o) => (
                  <th key={o.id} scope="col" title={o.name}>
                    {o.id}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.outlets.map((o, r) => (
                <tr key={o.id}>
                  <th scope="row">{o.name}</th>
                  {m.matrix[r].map((n, c) => (
                    <td
                      key={c}
                      style={{ background: n ? `rgba(230, 120, 20, ${0.1 + (0.6 * n) / max})` : undefined }}
                      title={`${o.name} shares ${countOf(n, 'sentence')} first found in ${m.outlets[c].name}`}
                    >
                      {n || ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>
      <section className="group" aria-labelledby="h-subs">
        <h2 id="h-subs">Edited terms in shared passages</h2>
        <p className="counts">
          Where a passage reappears with another term of the same lexicon group (the earlier article&apos;s term first).{' '}
          {m.substitutions.length ? '' : 'None found in this corpus.'}
        </p>
        {m.substitutions.length > 0 && (
          <ScrollTable label="Edited terms" className="card">
            <table data-testid="substitutions">
              <thead>
                <tr>
                  <th scope="col">Earlier outlet</th>
                  <th scope="col">Later outlet</th>
                  <th scope="col">Earlier term → later term</th>
                  <th scope="col">Times</th>
                  <th scope="col">Example</th>
                </tr>
              </thead>
              <tbody>
                {m.substitutions.map((s) => (
                  <tr key={`${s.fromOutlet}|${s.toOutlet}|${s.group}|${s.fromVariant}|${s.toVariant}`}>
                    <td>{name(s.fromOutlet)}</td>
                    <td>{name(s.toOutlet)}</td>
                    <td>
                      {label(s.group, s.fromVariant)} → {label(s.group, s.toVariant)}
                    </td>
                    <td>{s.count}</td>
                    <td>
                      <AppLink
                        href={`${hrefFor(`/provenance/${s.example.toArticle}`, withState(base, { outlets: [] }))}#with-${s.example.fromArticle}`}
                      >
                        side by side
                      </AppLink>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
    </Shell>
  );
}
