import { storiesOfView, type View } from '@/lib/server/dataset';
import { STORY_DEFAULTS } from '@/lib/stories/cluster';
import { hrefFor, withState } from '@/lib/url/state';
import { entityName } from '@/lib/view/entities';
import { AppLink } from '../_components/AppLink';
import { ScrollTable } from '../_components/ScrollTable';
import { Shell } from '../_components/Shell';
import { attributedGroups } from '@/lib/view/actors';
import { SET_ASIDE_TEXT } from '@/lib/view/model';

const SHOWN = 60;

/**
 * Stories (same-event clusters): each story's articles by outlet and date, the actor lens within the story (what each
 * outlet called each actor there) and each outlet's naming of every term group.
 */
export function StoriesPage({ view }: { view: View }) {
  const { stats: ex, query: state } = view;
  const stories = storiesOfView(view);
  const actorGroups = attributedGroups(ex)
    .map((g) => ex.groups.find((x) => x.id === g)?.short ?? g)
    .join(', ');
  const variantLabel = new Map(ex.groups.flatMap((g) => g.variants.map((v) => [`${g.id}/${v.id}`, v.label])));
  return (
    <Shell view={view}>
      <h1>Stories</h1>
      <p className="lede" data-testid="stories-count">
        {stories.length} {stories.length === 1 ? 'story' : 'stories'}: articles on the same event within{' '}
        {STORY_DEFAULTS.windowDays} days, grouped when they share enough uncommon words (a similarity score, TF-IDF
        cosine, of at least {STORY_DEFAULTS.minCosine}) or, across outlets, uncommon names and numbers such as places
        and death tolls. Showing the {Math.min(SHOWN, stories.length)} most recent.
      </p>
      {stories.slice(0, SHOWN).map((s) => (
        <section key={s.id} className="card" data-testid="story">
          <h2>{s.label}</h2>
          <p className="note">
            {s.from === s.to ? s.from : `${s.from} to ${s.to}`} · {s.items.length}{' '}
            {s.items.length === 1 ? 'article' : 'articles'} counted · <code>{s.id}</code>
          </p>
          <ul>
            {s.items.map((a) => (
              <li key={a.id}>
                {a.date} · <strong>{entityName(ex, a.outlet)}</strong>:{' '}
                <AppLink href={hrefFor(`/article/${encodeURIComponent(a.id)}`, withState(state, { sel: null }))}>
                  {a.title}
                </AppLink>
              </li>
            ))}
          </ul>
          {s.lens.rows.length > 0 && (
            <ScrollTable label={`Actor lens: ${s.label}`} sticky>
              <table className="naming" data-testid="story-lens">
                <caption>
                  Actor lens: who got which label in this story (every label of {actorGroups} by the actor their phrase
                  names, counted as on the overview; this includes labels their group does not count, such as
                  &quot;regime forces&quot;, marked &quot;set aside&quot;)
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Actor</th>
                    {s.lens.outlets.map((o) => (
                      <th key={o} scope="col">
                        {entityName(ex, o)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.lens.rows.map((r) => (
                    <tr key={r.actor}>
                      <th scope="row">
                        {r.label} <span className="muted">({r.total})</span>
                      </th>
                      {s.lens.outlets.map((o) => (
                        <td key={o}>
                          {r.cells[o]
                            ?.map((c) => `${c.label} ×${c.count}${c.setAside ? ` (${c.setAside} set aside)` : ''}`)
                            .join(', ') ?? '—'}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
          {(s.naming.length > 0 || s.setAside.length > 0) && (
            <table className="naming" data-testid="story-naming">
              <caption>
                What each outlet called them in this story: counted mentions, as the shares count them; then the
                mentions their group sets aside (not counted), with the reason
              </caption>
              <tbody>
                {[...new Set([...s.naming, ...s.setAside].map((n) => n.outlet))].map((o) => {
                  const counted = s.naming.filter((n) => n.outlet === o);
                  const aside = s.setAside.filter((n) => n.outlet === o);
                  return (
                    <tr key={o}>
                      <th scope="row">{entityName(ex, o)}</th>
                      <td>
                        {counted.length
                          ? counted
                              .map((n) => `${variantLabel.get(`${n.group}/${n.variant}`) ?? n.variant} ×${n.count}`)
                              .join(', ')
                          : 'none counted'}
                        {aside.length > 0 && (
                          <span className="muted">
                            {'; set aside: '}
                            {aside
                              .map(
                                (n) =>
                                  `${variantLabel.get(`${n.group}/${n.variant}`) ?? n.variant} ×${n.count}, ${SET_ASIDE_TEXT[n.reason]}`,
                              )
                              .join('; ')}
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </Shell>
  );
}
