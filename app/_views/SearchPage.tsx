import Form from 'next/form';
import { filterCaption } from '@/lib/analysis/filters';
import { searchOf, type View } from '@/lib/server/dataset';
import { addToLexiconHref } from '@/lib/url/addToLexicon';
import { addTermProblem, buildQuery, hrefFor, withState } from '@/lib/url/state';
import { entityName } from '@/lib/view/entities';
import { DIVERGING } from '@/lib/view/palette';
import { AppLink, StayLink } from '../_components/AppLink';
import { TermKwic } from '../_components/Kwic';
import { RateBar } from '../_components/RateBar';
import { ScrollTable } from '../_components/ScrollTable';
import { Shell } from '../_components/Shell';
import { VoiceScope } from '../_components/Switches';

const fmt = (x: number) => x.toLocaleString('en-US');

/**
 * Search any word, phrase or simple pattern: uses per outlet (rate per 1,000 tokens, with the tokens and the articles
 * using it), then its sentences with the usual sorting and filtering. Everything is in the URL (`term`).
 */
export function SearchPage({ view }: { view: View }) {
  const { stats: ex, query: state } = view;
  const pathname = '/search';
  const model = searchOf(view);
  const counts = model?.kwic.counts ?? [];
  const max = Math.max(0, ...counts.map((c) => c.per1k)) || 1;
  const hidden = [
    ...new URLSearchParams(buildQuery(withState(state, { term: '', q: '', sort: 'position' }))).entries(),
  ];
  const total = counts.reduce((s, c) => s + c.hits, 0);
  const articles = counts.reduce((s, c) => s + c.articles, 0);
  return (
    <Shell view={view}>
      <h1>Search</h1>
      <Form action={pathname} className="kwic-filter" role="search" data-testid="search-form">
        {hidden.map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label>
          Word, phrase or pattern <input type="search" name="term" defaultValue={state.term} maxLength={100} required />
        </label>
        <button type="submit">Search</button>
      </Form>
      <p className="counts">
        Any case. A phrase matches words in a row with nothing but spaces between them (quotes optional); * stands for
        any letters inside a word (<code>terror*</code>, <code>*-backed</code>). No regular expressions.
      </p>
      <VoiceScope pathname={pathname} state={state} />
      {model && (
        <>
          <section className="group" aria-labelledby="h-per-outlet">
            <h2 id="h-per-outlet">
              &ldquo;{model.pattern}&rdquo;: {fmt(total)} uses in {fmt(articles)} articles
            </h2>
            <p className="counts" data-testid="search-counts">
              Uses per outlet and per 1,000 tokens of its text, counting {filterCaption(state)}.{' '}
              {addTermProblem(model.pattern) === null ? (
                <AppLink href={addToLexiconHref(state.corpus, model.pattern)} className="add-lexicon">
                  add &ldquo;{model.pattern}&rdquo; to the lexicon
                </AppLink>
              ) : (
                // A wildcard is not a lexicon pattern: the editor would refuse it, so no link leads there.
                <span>
                  A pattern with * cannot be added to the lexicon as it is; search one of the words it matches.
                </span>
              )}
            </p>
            <ScrollTable label="Uses per outlet">
              <table data-testid="search-outlets">
                <thead>
                  <tr>
                    <th scope="col">Outlet</th>
                    <th scope="col">Uses</th>
                    <th scope="col">Articles using it</th>
                    <th scope="col">Tokens</th>
                    <th scope="col">Per 1,000 tokens</th>
                  </tr>
                </thead>
                <tbody>
                  {[...counts]
                    .sort((x, y) => y.per1k - x.per1k || x.outlet.localeCompare(y.outlet))
                    .map((c) => (
                      <tr key={c.outlet}>
                        <th scope="row">
                          <StayLink href={hrefFor(pathname, withState(state, { outlets: [c.outlet], q: '' }))}>
                            {entityName(ex, c.outlet)}
                          </StayLink>
                        </th>
                        <td>{fmt(c.hits)}</td>
                        <td>
                          {fmt(c.articles)} of {fmt(c.articlesTotal)}
                        </td>
                        <td>{fmt(c.tokens)}</td>
                        <td>
                          <RateBar value={c.per1k} max={max} color={DIVERGING.positive}>
                            {c.per1k.toFixed(3)}
                          </RateBar>
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </ScrollTable>
          </section>
          <TermKwic
            drill={model.kwic}
            ex={ex}
            state={state}
            pathname={pathname}
            title={`"${model.pattern}" in ${
              state.outlets.length ? state.outlets.map((o) => entityName(ex, o)).join(', ') : 'every outlet'
            }`}
            close={
              state.outlets.length
                ? hrefFor(pathname, withState(state, { outlets: [], q: '', sort: 'position' }))
                : null
            }
          />
        </>
      )}
    </Shell>
  );
}
