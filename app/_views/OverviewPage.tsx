import { drillGroup } from '@/lib/view/model';
import { AppLink } from '../_components/AppLink';
import { hrefFor, withState } from '@/lib/url/state';
import { entityList } from '@/lib/view/entities';
import { Kwic } from '../_components/Kwic';
import { Shell } from '../_components/Shell';
import { VoiceScope } from '../_components/Switches';
import { SentimentCard, SharesCard, StanceCard } from './cards';
import { drillDown, type View } from '@/lib/server/dataset';
import { ActorLens } from './ActorLens';
import { countOf } from '@/lib/view/plural';

/** Every outlet and outlet group × every term group: shares, stance and sentiment, with drill-down. */
export function OverviewPage({ view }: { view: View }) {
  const { stats: ex, query: state } = view;
  const drill = drillDown(view);
  const pathname = '/';
  const entities = entityList(ex);
  const ids = entities.map((e) => e.id);
  const sel = state.sel;
  const base = withState(state, { sel: null, q: '', sort: 'position' });
  return (
    <Shell view={view}>
      <h1>How {ex.outlets.length} outlets name the same events</h1>
      <p className="lede">
        {ex.corpus.title}. {countOf(view.articleCount, 'article')}; outlet groups:{' '}
        {ex.outletGroups.map((g) => g.label).join(', ') || 'none'}.
      </p>
      <VoiceScope pathname={pathname} state={state} />
      <nav className="chips" aria-label="Outlets">
        <span className="switch-label">Outlets</span>
        {entities.map((e) => (
          <AppLink key={e.id} href={hrefFor(`/outlet/${e.id}`, withState(base, { outlets: [], group: null }))}>
            {e.name}{' '}
            <span className="muted">
              ({e.articles} art., {e.tokens.toLocaleString('en')} tokens)
            </span>
          </AppLink>
        ))}
      </nav>
      {ex.groups.map((g) => (
        <section key={g.id} className="group" aria-labelledby={`h-${g.id}`}>
          <h2 id={`h-${g.id}`}>
            <AppLink href={hrefFor(`/group/${g.id}`, base)}>{g.label}</AppLink>
          </h2>
          <div className="pair">
            <SharesCard ex={ex} state={state} pathname={pathname} ids={ids} group={g.id} metric="share" />
            <StanceCard ex={ex} state={state} pathname={pathname} ids={ids} group={g.id} />
          </div>
          {drillGroup(sel) === g.id && <Kwic drill={drill} ex={ex} state={state} pathname={pathname} />}
        </section>
      ))}
      <section className="group" aria-labelledby="h-sentiment">
        <h2 id="h-sentiment">Tone</h2>
        <SentimentCard ex={ex} state={state} pathname={pathname} ids={ids} />
        {sel?.kind === 'sentiment' && <Kwic drill={drill} ex={ex} state={state} pathname={pathname} />}
      </section>
      <ActorLens
        ex={ex}
        drill={drill}
        state={state}
        pathname={pathname}
        outlets={[state.lens ?? ids[0]]}
        ids={ids}
        picker
      />
    </Shell>
  );
}
