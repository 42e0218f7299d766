import { filterCaption } from '@/lib/analysis/filters';
import { vocabularyOf, type View } from '@/lib/server/dataset';
import { addToLexiconHref } from '@/lib/url/addToLexicon';
import { hrefFor, withState } from '@/lib/url/state';
import type { VocabularyAnswerRow } from '@/lib/vocabulary/answer';
import { entityList, entityName } from '@/lib/view/entities';
import { rankedRows, rowCounts, scatterData, vocabularyTakeaway } from '@/lib/view/vocabulary';
import { AppLink } from '../_components/AppLink';
import { TermKwic } from '../_components/Kwic';
import { Shell } from '../_components/Shell';
import { VoiceScope } from '../_components/Switches';
import { TermTable, type TermTableRow } from '../_components/TermTable';
import { VocabularyScatterCard } from '../_components/charts/VocabularyScatterCard';
import { methodsHref, sourceOf } from './cards';

const fmt = (x: number) => x.toLocaleString('en-US');

/**
 * Distinctive vocabulary: one outlet (or group) against the rest or another, every unigram and bigram scored; a
 * frequency-vs-distinctiveness scatter, ranked tables with small multiples, candidate variants per term group, and
 * the sentences of the term opened.
 */
export function VocabularyPage({ view }: { view: View }) {
  const { stats: ex, query: state } = view;
  const pathname = '/vocabulary';
  const model = vocabularyOf(view);
  const entities = entityList(ex);
  const base = withState(state, { term: '', q: '', sort: 'position', sel: null });
  const chips = (ids: string[], pick: (id: string) => string[], on: (id: string) => boolean, testid: string) => (
    <nav className="chips" aria-label={testid} data-testid={testid}>
      {ids.map((id) => (
        <AppLink
          key={id}
          href={hrefFor(pathname, withState(base, { outlets: pick(id) }))}
          className={on(id) ? 'on' : undefined}
          aria-current={on(id) ? 'true' : undefined}
        >
          {entityName(ex, id)}
        </AppLink>
      ))}
    </nav>
  );
  const [a, b] = state.outlets;
  return (
    <Shell view={view}>
      <h1>Distinctive vocabulary</h1>
      <p className="lede">
        Every word and two-word phrase an outlet uses, scored against the rest of the corpus or one other outlet by the
        log-odds ratio with an informative Dirichlet prior (the same statistic as the lexicon&apos;s distinctive terms),
        with Benjamini–Hochberg q over every phrase scored. A term opens its sentences; &ldquo;add to lexicon&rdquo;
        takes it to the lexicon editor.
      </p>
      <p className="switch-label">Outlet or group</p>
      {chips(
        entities.map((e) => e.id),
        (id) => [id],
        (id) => id === a,
        'vocabulary-outlet',
      )}
      {a && (
        <>
          <p className="switch-label">Against</p>
          <nav className="chips" aria-label="against" data-testid="vocabulary-vs">
            <AppLink href={hrefFor(pathname, withState(base, { outlets: [a] }))} className={!b ? 'on' : undefined}>
              the rest
            </AppLink>
            {entities
              .filter((e) => e.id !== a)
              .map((e) => (
                <AppLink
                  key={e.id}
                  href={hrefFor(pathname, withState(base, { outlets: [a, e.id] }))}
                  className={e.id === b ? 'on' : undefined}
                  aria-current={e.id === b ? 'true' : undefined}
                >
                  {e.name}
                </AppLink>
              ))}
          </nav>
        </>
      )}
      <VoiceScope pathname={pathname} state={state} />
      {a && (
        <div className="controls">
          <nav className="switch" aria-label="Prior" data-testid="vocabulary-prior">
            <span className="switch-label">Prior from</span>
            {view.corpora.map((c) => {
              const on = (state.bg ?? state.corpus) === c;
              return (
                <AppLink
                  key={c}
                  href={hrefFor(pathname, withState(base, { bg: c === state.corpus ? null : c }))}
                  className={on ? 'on' : undefined}
                  aria-current={on ? 'true' : undefined}
                >
                  {c === state.corpus ? 'this corpus' : c}
                </AppLink>
              );
            })}
          </nav>
          <nav className="switch" aria-label="Minimum uses" data-testid="vocabulary-min">
            <span className="switch-label">Scored from</span>
            {[3, 5, 10, 20].map((m) => {
              const on = (state.min ?? 5) === m;
              return (
                <AppLink
                  key={m}
                  href={hrefFor(pathname, withState(base, { min: m === 5 ? null : m }))}
                  className={on ? 'on' : undefined}
                  aria-current={on ? 'true' : undefined}
                >
                  {m} uses
                </AppLink>
              );
            })}
          </nav>
        </div>
      )}
      {model ? <Explorer view={view} model={model} /> : <p>Pick an outlet or group to see the words it chooses.</p>}
    </Shell>
  );
}

function Explorer({ view, model }: { view: View; model: NonNullable<ReturnType<typeof vocabularyOf>> }) {
  const { stats: ex, query: state } = view;
  const pathname = '/vocabulary';
  const nameA = entityName(ex, model.a);
  const nameB = model.vs === 'rest' ? 'the rest' : entityName(ex, model.vs);
  const { answer } = model;
  const s = answer.sides;
  const ranked = rankedRows(answer.rows);
  const toRow = (r: VocabularyAnswerRow): TermTableRow => ({
    term: r.term,
    y: r.y,
    yOther: r.yOther,
    articles: r.articles,
    articlesTotal: r.articlesTotal,
    articlesOther: r.articlesOther,
    articlesOtherTotal: r.articlesOtherTotal,
    per1k: r.per1k,
    per1kOther: r.per1kOther,
    z: r.z,
    q: r.q,
    distinctive: r.distinctive,
    oneArticle: r.oneArticle,
    lexicon: r.lexicon
      ? `${ex.groups.find((g) => g.id === r.lexicon!.group)?.short ?? r.lexicon.group}: ${r.lexicon.variant}`
      : null,
    candidateFor: r.candidateFor.map((g) => ex.groups.find((x) => x.id === g)?.short ?? g),
    counts: rowCounts(r, nameA, nameB),
    href: hrefFor(pathname, withState(state, { term: r.term, q: '', sort: 'position' })),
    addHref: addToLexiconHref(state.corpus, r.term),
  });
  const groups = ex.groups.filter((g) => [...answer.candidates, ...answer.contexts].some((c) => c.group === g.id));
  const termLink = (term: string) => (
    <>
      <AppLink href={hrefFor(pathname, withState(state, { term, q: '', sort: 'position' }))}>{term}</AppLink>{' '}
    </>
  );
  return (
    <>
      <p className="counts" data-testid="vocabulary-counts">
        {nameA}: {fmt(s.n)} counted words and phrases in {fmt(s.articles)} articles ({fmt(s.tokens)} tokens); {nameB}:{' '}
        {fmt(s.nOther)} in {fmt(s.articlesOther)} articles ({fmt(s.tokensOther)} tokens). Counting{' '}
        {filterCaption(state)}. Prior: the counts of{' '}
        {model.prior === state.corpus ? 'this corpus' : `the ${model.prior} corpus`}. Scored: phrases used at least{' '}
        {model.minCount} times in {model.minArticles}+ articles on both sides together.{' '}
        {answer.pruning.lossy
          ? 'Memory cap reached while counting: counts of rare phrases are lower bounds.'
          : `${fmt(answer.pruning.kept)} of ${fmt(answer.pruning.distinct)} distinct phrases kept (used 3+ times).`}
      </p>
      <VocabularyScatterCard
        data={scatterData(answer.rows)}
        a={nameA}
        b={nameB}
        counts={`Each point is a word or phrase: across, its uses on both sides (log scale); up, its z-score (above 0: more typical of ${nameA}). Blue: distinctive of ${nameA}; red: of ${nameB} (BH q < 0.05); grey: neither; outlined: lexicon terms. Hover for counts; click for sentences.`}
        takeaway={`${vocabularyTakeaway(answer.rows, nameA, nameB)}.`}
        methods={methodsHref(state, 'vocabulary')}
        version={ex.corpus.version}
        source={sourceOf(ex, state)}
      />
      {state.term && model.kwic && (
        <TermKwic
          drill={model.kwic}
          ex={ex}
          state={state}
          pathname={pathname}
          title={`"${state.term}" in ${nameA} and ${nameB}`}
          close={hrefFor(pathname, withState(state, { term: '', q: '', sort: 'position' }))}
        />
      )}
      {(
        [
          ['a', nameA, ranked.a, `The ${ranked.a.length} phrases with the highest z for ${nameA} against ${nameB}`],
          ['b', nameB, ranked.b, `The ${ranked.b.length} phrases with the lowest z (most typical of ${nameB})`],
        ] as const
      ).map(([side, name, rows, caption]) => (
        <section key={side} className="group" aria-labelledby={`h-typical-${side}`}>
          <h2 id={`h-typical-${side}`}>Most typical of {name}</h2>
          <TermTable rows={rows.map(toRow)} a={nameA} b={nameB} caption={caption} testid={`terms-${side}`} />
        </section>
      ))}
      <section className="group" aria-labelledby="h-candidates">
        <h2 id="h-candidates">Candidate variants</h2>
        <p className="counts">
          Leads to read in context, across the whole corpus under these filters, for words and phrases not in the
          lexicon. <strong>Beside</strong> a group&apos;s mentions: used at least 5 times in sentences that hold a
          counted mention of the group, at least twice as often as phrases are on average, ranked by uses together ×
          ln(lift); this finds what is said around a referent (its places, its deeds). <strong>Like</strong> its
          variants: one-word terms whose neighbouring words (read off the phrases counted, stopwords left out) resemble
          those of the group&apos;s one-word variants, cosine ≥ 0.2 with 3+ shared neighbours; this finds other names.
        </p>
        {groups.map((g) => (
          <div key={g.id} className="candidates" data-testid={`candidates-${g.id}`}>
            <h3>{g.label}</h3>
            <ul>
              {answer.contexts
                .filter((c) => c.group === g.id)
                .map((c) => (
                  <li key={`like-${c.term}`}>
                    {termLink(c.term)}
                    <span className="muted">
                      like its variants: cosine {c.cosine.toFixed(2)}, {c.shared} shared neighbours, {fmt(c.uses)} uses
                    </span>{' '}
                    <AppLink href={addToLexiconHref(state.corpus, c.term)} className="add-lexicon">
                      add to lexicon
                    </AppLink>
                  </li>
                ))}
              {answer.candidates
                .filter((c) => c.group === g.id)
                .map((c) => (
                  <li key={`beside-${c.term}`}>
                    {termLink(c.term)}
                    <span className="muted">
                      beside its mentions: {fmt(c.together)} of {fmt(c.uses)} uses; lift {c.lift.toFixed(1)}
                    </span>{' '}
                    <AppLink href={addToLexiconHref(state.corpus, c.term)} className="add-lexicon">
                      add to lexicon
                    </AppLink>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </section>
    </>
  );
}
