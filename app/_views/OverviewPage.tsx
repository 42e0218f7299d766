import Link from 'next/link';
import { hrefFor, withState } from '@/lib/url/state';
import { entityList } from '@/lib/view/entities';
import { Kwic } from '../_components/Kwic';
import { Shell } from '../_components/Shell';
import { VoiceScope } from '../_components/Switches';
import { SentimentCard, SharesCard, StanceCard } from './cards';
import type { Resolved } from './resolve';
import { ActorLens } from './ActorLens';

/** Every outlet and outlet group × every term group: shares, stance and sentiment, with drill-down. */
export function OverviewPage({ view }: { view: Extract<Resolved, { ok: true }> }) {
  const { ex, state, analyses } = view;
  const pathname = '/';
  const entities = entityList(ex);
  const ids = entities.map((e) => e.id);
  const sel = state.sel;
  const base = withState(state, { sel: null, q: '', sort: 'position' });
  return (
    <Shell ex={ex} state={state} pathname={pathname} current={view.current} pinned={view.pinned}>
      <h1>How {ex.outlets.length} outlets name the same events</h1>
      <p className="lede">{ex.corpus.title}. {ex.articles.length} articles; outlet groups: {ex.outletGroups.map((g) => g.label).join(', ') || 'none'}.</p>
      <VoiceScope pathname={pathname} state={state} />
      <nav className="chips" aria-label="Outlets">
        <span className="switch-label">Outlets</span>
        {entities.map((e) => (
          <Link key={e.id} href={hrefFor(`/outlet/${e.id}`, withState(base, { outlets: [], group: null }))}>
            {e.name} <span className="muted">({e.articles} art., {e.tokens.toLocaleString('en')} tokens)</span>
          </Link>
        ))}
      </nav>
      {ex.groups.map((g) => (
        <section key={g.id} className="group" aria-labelledby={`h-${g.id}`}>
          <h2 id={`h-${g.id}`}><Link href={hrefFor(`/group/${g.id}`, base)}>{g.label}</Link></h2>
          <div className="pair">
            <SharesCard ex={ex} state={state} pathname={pathname} ids={ids} group={g.id} metric="share" />
            <StanceCard ex={ex} state={state} pathname={pathname} ids={ids} group={g.id} />
          </div>
          {sel?.kind === 'mentions' && sel.group === g.id && <Kwic ex={ex} analyses={analyses} state={state} pathname={pathname} />}
        </section>
      ))}
      <section className="group" aria-labelledby="h-sentiment">
        <h2 id="h-sentiment">Tone</h2>
        <SentimentCard ex={ex} state={state} pathname={pathname} ids={ids} />
        {sel?.kind === 'sentiment' && <Kwic ex={ex} analyses={analyses} state={state} pathname={pathname} />}
      </section>
      <ActorLens ex={ex} analyses={analyses} state={state} pathname={pathname} outlets={[state.lens ?? ids[0]]} ids={ids} picker />
    </Shell>
  );
}
