import { scopeCaption, voiceCaption } from '@/lib/analysis/filters';
import { SET_ASIDE } from '@/lib/types';
import { ACTOR_RULE_TEXT, LIMITS, statisticsSections } from '@/lib/view/methods';
import { SET_ASIDE_TEXT } from '@/lib/view/model';
import type { View } from '@/lib/server/dataset';
import { ScrollTable } from '../_components/ScrollTable';
import { Shell } from '../_components/Shell';

/**
 * How every number is computed, for the corpus shown: the statistics with formulas and assumptions, the lexicon with
 * each variant's stance and rationale, the matching, voice and attribution rules, and known limits. Read from the
 * same lexicon, constants and rule lists the engine uses.
 */
export function MethodsPage({ view }: { view: View }) {
  const ex = view.stats;
  return (
    <Shell view={view}>
      <h1>Methods</h1>
      <p className="lede">
        How Framescope computes what it draws for <strong>{ex.corpus.title}</strong> (version{' '}
        <code>{ex.corpus.version}</code>). The statistics are described in full, with references, in the README
        (Statistics); this page is generated from the lexicon and rules of this corpus version.
      </p>
      <nav aria-label="On this page" className="chips">
        {['statistics', 'lexicon', 'rules', 'actors-list', 'limits'].map((id) => (
          <a key={id} href={`#${id}`}>
            {id === 'actors-list' ? 'actors' : id}
          </a>
        ))}
      </nav>
      <section id="statistics" className="card">
        <h2>Statistics</h2>
        {statisticsSections(ex.corpus.options.alpha0).map((s) => (
          <section key={s.id} id={s.id} data-testid={`method-${s.id}`}>
            <h3>{s.name}</h3>
            <ul>
              {s.formula.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
            <p>
              <em>Assumes:</em> {s.assumptions}
            </p>
          </section>
        ))}
      </section>
      <section id="lexicon" className="card">
        <h2>The lexicon</h2>
        {ex.groups.map((g) => (
          <section key={g.id} id={`lexicon-${g.id}`}>
            <h3>{g.label}</h3>
            <p className="counts">
              Stance axis: −1 = {g.axis.negative}; +1 = {g.axis.positive}.
            </p>
            <ScrollTable label={`Variants of ${g.short}`}>
              <table data-testid={`methods-lexicon-${g.id}`}>
                <thead>
                  <tr>
                    <th scope="col">Variant</th>
                    <th scope="col">Stance</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {g.variants.map((v) => (
                    <tr key={v.id}>
                      <th scope="row">{v.label}</th>
                      <td>{v.stance.toFixed(2)}</td>
                      <td className="why">{v.rationale}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </section>
        ))}
      </section>
      <section id="rules" className="card">
        <h2>Matching, voice and attribution</h2>
        <ul>
          <li>
            A mention is a match of one of a variant&apos;s patterns (the lexicon&apos;s <code>patterns</code>, shown
            and edited on the Corpus &amp; lexicon page) in an article&apos;s cleaned text, counted in the sections the
            scope names.
          </li>
          <li>
            Voice: <em>all</em> counts {voiceCaption({ voice: 'all', scope: 'all' })}; <em>own</em> counts{' '}
            {voiceCaption({ voice: 'own', scope: 'all' })}. Scope: <em>all</em> ={' '}
            {scopeCaption({ voice: 'all', scope: 'all' })}; <em>body</em> ={' '}
            {scopeCaption({ voice: 'all', scope: 'body' })}.
          </li>
          <li>
            Mentions set aside from their group and shown apart: {SET_ASIDE.map((r) => SET_ASIDE_TEXT[r]).join('; ')}.
          </li>
          <li>
            Actor attribution, the first rule that applies within the sentence:
            <ol>
              {Object.entries(ACTOR_RULE_TEXT).map(([rule, text]) => (
                <li key={rule}>
                  <strong>{rule}</strong>: {text}
                </li>
              ))}
            </ol>
            Everything else is unattributed.
          </li>
        </ul>
      </section>
      <section id="actors-list" className="card">
        <h2>Actors</h2>
        <ScrollTable label="Actors">
          <table>
            <thead>
              <tr>
                <th scope="col">Actor</th>
                <th scope="col">Kind</th>
                <th scope="col">Aliases</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {ex.actors.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.label}</th>
                  <td>{a.kind ?? '—'}</td>
                  <td>{a.aliases.join(', ')}</td>
                  <td className="why">{a.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>
      <section id="limits" className="card">
        <h2>Known limits</h2>
        <ul>
          {LIMITS.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </section>
    </Shell>
  );
}
