import { AppLink } from '../_components/AppLink';
import { Fragment } from 'react';
import { filterCaption } from '@/lib/analysis/filters';
import type { SetAside } from '@/lib/types';
import { SET_ASIDE_TEXT } from '@/lib/view/model';
import { paragraphs } from '@/lib/corpus/layout';
import { buildQuery, hrefFor, withState, DEFAULT_STATE } from '@/lib/url/state';
import { highlightPieces } from '@/lib/view/highlight';
import { Shell } from '../_components/Shell';
import { VoiceScope } from '../_components/Switches';
import { CATEGORICAL as PALETTE } from '@/lib/view/palette';
import { articleOf, type View } from '@/lib/server/dataset';
import { countOf } from '@/lib/view/plural';

const SECTION_NAME = { title: 'Title', caption: 'Photo caption', body: 'Body' } as const;

/** The cleaned article with every counted mention highlighted by term group and quoted speech marked. */
export function ArticlePage({ view, id }: { view: View; id: string }) {
  const { stats: ex, query: state } = view;
  const pathname = `/article/${id}`;
  const a = articleOf(view, id)!;
  const { meta } = a;
  // Set-aside mentions stay visible in the text, marked as not counted, so the reader sees every word matched.
  const mentions = a.mentions.filter((m) => m.setAside === null);
  const aside = a.mentions.length - mentions.length;
  const outlet = ex.outlets.find((o) => o.id === meta.outlet)!;
  const color = (group: string) => PALETTE[ex.groups.findIndex((g) => g.id === group) % PALETTE.length];
  const label = (group: string, variant: string) =>
    ex.groups.find((g) => g.id === group)?.variants.find((v) => v.id === variant)?.label ?? variant;
  const rawHref = `/article/${id}/raw?${buildQuery(withState(DEFAULT_STATE, { corpus: state.corpus }))}`;
  return (
    <Shell view={view}>
      <h1>{meta.title}</h1>
      <p className="lede">
        <AppLink href={hrefFor(`/outlet/${outlet.id}`, withState(state, { sel: null }))}>{outlet.name}</AppLink>,{' '}
        {meta.date ?? 'undated'}.{meta.note ? ` ${meta.note}` : ''}{' '}
        {meta.url ? (
          <a href={meta.url} rel="noopener noreferrer">
            Source
          </a>
        ) : null}{' '}
        <a href={rawHref} data-testid="raw-link">
          Original captured page (raw text)
        </a>
      </p>
      <VoiceScope pathname={pathname} state={state} />
      <p className="counts" data-testid="article-counts">
        {countOf(mentions.length, 'counted mention')} ({filterCaption(state)}), highlighted by term group; quoted speech
        is set in italics on a tinted background.
        {aside > 0
          ? ` ${countOf(aside, 'more matched word')} ${aside === 1 ? 'is not counted in its group' : 'are not counted in their group'} (for example said of state forces); ${aside === 1 ? 'it is' : 'they are'} underlined with a dashed line.`
          : ''}
      </p>
      <ul className="legend" aria-label="Term groups">
        {ex.groups.map((g) => (
          <li key={g.id}>
            <span className="swatch" style={{ background: color(g.id) }} aria-hidden="true" />
            {g.short}: {countOf(mentions.filter((m) => m.group === g.id).length, 'mention')}
          </li>
        ))}
      </ul>
      <article className="card article-text" data-testid="article-text">
        {a.segments.map((seg, i) => (
          <section key={i} className={`seg seg-${seg.section}`} aria-label={SECTION_NAME[seg.section]}>
            <p className="seg-label">{SECTION_NAME[seg.section]}</p>
            {paragraphs(a.text, seg.start, seg.end).map((p) => (
              <p key={p.start}>
                {highlightPieces(a.text, p.start, p.end, a.mentions, a.quotes).map((piece) => {
                  const inner = piece.mention ? (
                    <mark
                      style={{ borderBottomColor: color(piece.mention.group) }}
                      data-group={piece.mention.group}
                      data-aside={piece.mention.setAside ?? undefined}
                      title={`${label(piece.mention.group, piece.mention.variant)} (${piece.mention.voice === 'quoted' ? 'quoted' : 'own voice'})${piece.mention.setAside ? `, not counted: ${SET_ASIDE_TEXT[piece.mention.setAside as SetAside]}` : ''}`}
                    >
                      {piece.text}
                    </mark>
                  ) : (
                    <Fragment>{piece.text}</Fragment>
                  );
                  return piece.quoted ? (
                    <q key={piece.start} className="quoted">
                      {inner}
                    </q>
                  ) : (
                    <Fragment key={piece.start}>{inner}</Fragment>
                  );
                })}
              </p>
            ))}
          </section>
        ))}
      </article>
    </Shell>
  );
}
