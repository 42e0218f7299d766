import { filterCaption } from '@/lib/analysis/filters';
import type { ViewStats } from '@/lib/view/model';
import { hrefFor, withState, type Selection, type ViewState } from '@/lib/url/state';
import { actorLabelMatrix, actorLabelSummary, actorToneMatrix, actorToneSummary } from '@/lib/view/actors';
import { entityName } from '@/lib/view/entities';
import { ChartCard } from '../_components/ChartCard';
import { embedOutlets, methodsHref, sourceOf, whoOf } from './cards';
import { DIVERGING } from '@/lib/view/palette';
import { actorLabelTakeaway, actorToneTakeaway } from '@/lib/view/takeaway';
import { ActorLabelHeatmap } from '../_components/charts/ActorLabelHeatmap';
import { ActorToneHeatmap } from '../_components/charts/ActorToneHeatmap';

interface Base {
  ex: ViewStats;
  state: ViewState;
  pathname: string;
}

const drill = (state: ViewState, pathname: string, sel: Selection) => hrefFor(pathname, withState(state, { sel }));

/** Who gets which label in one outlet: actor × label counts of an attributed term group, with drill-down. */
export function ActorLabelCard({ ex, state, pathname, outlet, group }: Base & { outlet: string; group: string }) {
  const g = ex.groups.find((x) => x.id === group)!;
  const { csv, ...spec } = actorLabelMatrix(ex, outlet, group);
  const name = entityName(ex, outlet);
  const total = spec.data.reduce((s, r) => s + Number(r.n), 0);
  return (
    <ChartCard
      id={`actors-${outlet}-${group}`}
      title={`${name}: who gets which label (${g.short})`}
      figureTitle={`${name}: which actors get which label for ${g.short}`}
      takeaway={actorLabelTakeaway(spec, name)}
      legend={[{ label: "shade: share of the actor's labels (paler with fewer labels)", color: DIVERGING.positive }]}
      methods={methodsHref(state, 'actors')}
      source={sourceOf(ex, state)}
      counts={`Each cell counts the labels ${name} attaches to an actor: ${total} label uses in all (${filterCaption(state)}). Shade = share of that actor's labels; n = the actor's total. A label naming two actors counts for each. Click a cell for its sentences.`}
      summary={actorLabelSummary(spec, name)}
      version={ex.corpus.version}
      csv={csv}
      wide
      embed={{ path: '/embed/actors', state: { group, outlets: [outlet] } }}
      columns={['Actor', 'n (labels)', ...spec.categories.map((c) => spec.labels[c])]}
      rows={spec.data.map((r) => [
        { text: String(r.actor) },
        {
          text: String(r.n),
          href: drill(state, pathname, { kind: 'actor', outlet, actor: String(r.id), group, variant: null }),
        },
        ...spec.categories.map((c) => ({
          text: String(r[c] ?? 0),
          href: drill(state, pathname, { kind: 'actor', outlet, actor: String(r.id), group, variant: c }),
        })),
      ])}
    >
      {spec.data.length === 0 ? (
        <p className="muted">No label of this group is attributed to an actor in this corpus.</p>
      ) : (
        <ActorLabelHeatmap spec={spec} outlet={outlet} group={group} />
      )}
    </ChartCard>
  );
}

/** Tone toward each actor per outlet: mean AFINN score of the sentences naming the actor, with sentence counts. */
export function ActorToneCard({ ex, state, pathname, ids }: Base & { ids: string[] }) {
  const { csv, ...spec } = actorToneMatrix(ex, ids);
  const values = spec.data.flatMap((r) => ids.map((id) => r[id])).filter((v): v is number => typeof v === 'number');
  const span = Math.max(1, ...values.map(Math.abs));
  return (
    <ChartCard
      id="actor-tone"
      title="Tone toward each actor"
      figureTitle={`${whoOf(ex, ids)}: tone toward each actor (AFINN-165)`}
      takeaway={actorToneTakeaway(ex, spec)}
      legend={[
        { label: 'negative tone (paler with fewer sentences)', color: DIVERGING.negative },
        { label: 'positive tone', color: DIVERGING.positive },
      ]}
      methods={methodsHref(state, 'tone')}
      source={sourceOf(ex, state)}
      counts={`Mean AFINN-165 score per sentence, over the sentences that name the actor by an alias or through a label attributed to it; (n) = number of sentences (${filterCaption(state)}). Red = negative, blue = positive; cells with few sentences are paler. Click a cell for its sentences.`}
      summary={actorToneSummary(ex, spec)}
      version={ex.corpus.version}
      csv={csv}
      wide
      embed={{ path: '/embed/actor-tone', state: { outlets: embedOutlets(ex, ids) } }}
      columns={[
        'Actor',
        ...ids.flatMap((id) => [
          `${entityName(ex, id)}: mean`,
          `${entityName(ex, id)}: 95% CI`,
          `${entityName(ex, id)}: sentences`,
        ]),
      ]}
      rows={spec.data.map((r) => [
        { text: String(r.actor) },
        ...ids.flatMap((id) => {
          const t = ex.actorTone.find((x) => x.outlet === id && x.actor === r.id);
          return [
            { text: t?.meanSentence === null || !t ? '—' : t.meanSentence.toFixed(2) },
            {
              text:
                t && t.meanLow !== null && t.meanHigh !== null
                  ? `${t.meanLow.toFixed(2)} to ${t.meanHigh.toFixed(2)}`
                  : '—',
            },
            {
              text: String(t?.sentences ?? 0),
              href: drill(state, pathname, { kind: 'tone', outlet: id, actor: String(r.id) }),
            },
          ];
        }),
      ])}
    >
      {spec.data.length === 0 ? (
        <p className="muted">No sentence names any actor.</p>
      ) : (
        <ActorToneHeatmap spec={spec} span={span} />
      )}
    </ChartCard>
  );
}
