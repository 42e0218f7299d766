import { drillGroup } from '@/lib/view/model';
import { hrefFor, withState } from '@/lib/url/state';
import { entityList, entityName } from '@/lib/view/entities';
import { Kwic } from '../_components/Kwic';
import { ArticleTable } from '../_components/ArticleTable';
import { Shell } from '../_components/Shell';
import { VoiceScope } from '../_components/Switches';
import { DistinctiveCard, SharesCard, zDomain } from './cards';
import { articlesOf, drillDown, type View } from '@/lib/server/dataset';
import { ActorLens } from './ActorLens';
import { countOf } from '@/lib/view/plural';

/** One outlet (or group) against the rest: distinctive terms, its shares, its articles. */
export function OutletPage({ view, id }: { view: View; id: string }) {
  const { stats: ex, query: state } = view;
  const drill = drillDown(view);
  const pathname = `/outlet/${id}`;
  const e = entityList(ex).find((x) => x.id === id)!;
  const rows = ex.distinctive.filter((r) => r.outlet === id && r.vs === 'rest');
  const domain = zDomain(rows);
  const articles = articlesOf(view, id);
  const outlet = ex.outlets.find((o) => o.id === id);
  const base = withState(state, { sel: null, q: '', sort: 'position', outlets: [], group: null });
  return (
    <Shell view={view}>
      <h1>{e.name}</h1>
      <p className="lede">
        {outlet
          ? `${outlet.kind}${outlet.country ? `, ${outlet.country}` : ''}. `
          : `Outlet group of ${e.members.length}: ${e.members.map((m) => entityName(ex, m)).join(', ')}. `}
        {countOf(e.articles, 'article')}, {countOf(e.tokens, 'token')} counted. Compared with all other outlets of the
        corpus.
      </p>
      <VoiceScope pathname={pathname} state={state} />
      {ex.groups.map((g) => (
        <section key={g.id} className="group" aria-labelledby={`h-${g.id}`}>
          <h2 id={`h-${g.id}`}>{g.label}</h2>
          <div className="pair">
            <DistinctiveCard
              ex={ex}
              state={state}
              pathname={pathname}
              rows={rows}
              outlet={id}
              vs="rest"
              group={g.id}
              domain={domain}
            />
            <SharesCard ex={ex} state={state} pathname={pathname} ids={[id]} group={g.id} metric="share" />
          </div>
          {drillGroup(state.sel) === g.id && <Kwic drill={drill} ex={ex} state={state} pathname={pathname} />}
        </section>
      ))}
      <ActorLens ex={ex} drill={drill} state={state} pathname={pathname} outlets={[id]} ids={[id]} />
      <section className="group" aria-labelledby="h-articles">
        <h2 id="h-articles">Articles ({articles.length})</h2>
        <ArticleTable
          articles={articles.map((a) => ({
            id: a.id,
            title: a.title,
            href: hrefFor(`/article/${a.id}`, base),
            date: a.date ?? null,
            tokens: a.tokens,
            mentions: a.mentions,
            comparative: a.comparative,
          }))}
        />
      </section>
    </Shell>
  );
}
