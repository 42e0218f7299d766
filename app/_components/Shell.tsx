import Form from 'next/form';
import { AppLink } from './AppLink';
import type { ReactNode } from 'react';
import { DEFAULT_STATE, buildQuery, hrefFor, withState } from '@/lib/url/state';
import { dataPackageHref, type View } from '@/lib/server/dataset';
import { LoadWarnings, VersionBanner } from './Banners';
import { DateRange } from './DateRange';

/** Header with navigation that keeps corpus, voice and sections; the version banner; and the corpus footer. */
export function Shell({ view, children }: { view: View; children: ReactNode }) {
  const { stats: ex, query: state, pathname, current, pinned, corpora } = view;
  const keep = withState(DEFAULT_STATE, {
    corpus: state.corpus,
    voice: state.voice,
    scope: state.scope,
    from: state.from,
    to: state.to,
    provenance: state.provenance,
  });
  const api = `/api/analysis?${buildQuery(withState(DEFAULT_STATE, { corpus: state.corpus, version: pinned ? state.version : null, voice: state.voice, scope: state.scope, from: state.from, to: state.to, provenance: state.provenance }))}`;
  return (
    <>
      <header className="site">
        <AppLink href={hrefFor('/', keep)} className="brand">
          Framescope
        </AppLink>
        <nav aria-label="Views">
          <AppLink href={hrefFor('/', keep)} aria-current={pathname === '/' ? 'page' : undefined}>
            Overview
          </AppLink>
          <AppLink href={hrefFor('/compare', keep)} aria-current={pathname === '/compare' ? 'page' : undefined}>
            Compare
          </AppLink>
          <AppLink href={hrefFor('/time', keep)} aria-current={pathname === '/time' ? 'page' : undefined}>
            Over time
          </AppLink>
          <AppLink href={hrefFor('/stories', keep)} aria-current={pathname === '/stories' ? 'page' : undefined}>
            Stories
          </AppLink>
          <AppLink href={hrefFor('/provenance', keep)} aria-current={pathname === '/provenance' ? 'page' : undefined}>
            Provenance
          </AppLink>
          <AppLink href={hrefFor('/vocabulary', keep)} aria-current={pathname === '/vocabulary' ? 'page' : undefined}>
            Vocabulary
          </AppLink>
          <AppLink
            href={hrefFor('/manage', withState(DEFAULT_STATE, { corpus: state.corpus }))}
            aria-current={pathname === '/manage' ? 'page' : undefined}
          >
            Corpus &amp; lexicon
          </AppLink>
          <a href={api}>Data (JSON)</a>
          {/* Every table of this view (its filters, version pinned) as CSV with README, citation and methods. */}
          <a href={dataPackageHref(view)} download data-testid="download-all">
            Download all data (ZIP)
          </a>
        </nav>
        <Form action="/search" className="header-search" role="search" data-testid="header-search">
          {[...new URLSearchParams(buildQuery(keep)).entries()].map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <input
            type="search"
            name="term"
            aria-label="Search a word or phrase in this corpus"
            placeholder="Search words…"
            defaultValue={pathname === '/search' ? state.term : ''}
            maxLength={100}
            required
          />
          <button type="submit">Search</button>
        </Form>
        {corpora.length > 1 && (
          <nav aria-label="Corpus" className="switch" data-testid="corpus-switch">
            <span className="switch-label">Corpus</span>
            {corpora.map((c) => (
              <AppLink
                key={c}
                href={hrefFor(
                  pathname === '/manage' ? '/manage' : '/',
                  withState(DEFAULT_STATE, { corpus: c, voice: state.voice, scope: state.scope }),
                )}
                className={c === state.corpus ? 'on' : undefined}
                aria-current={c === state.corpus ? 'true' : undefined}
              >
                {c}
              </AppLink>
            ))}
          </nav>
        )}
      </header>
      <main id="main">
        <VersionBanner state={state} current={current} pinned={pinned} pathname={pathname} />
        <LoadWarnings warnings={view.warnings} />
        {pathname !== '/manage' && <DateRange view={view} />}
        {children}
      </main>
      <footer className="site">
        <p>
          Corpus <strong>{ex.corpus.title}</strong> (<code>{ex.corpus.id}</code>, version{' '}
          <code data-testid="corpus-version">{ex.corpus.version}</code>): {view.articleCount} articles from{' '}
          {ex.outlets.length} outlets.
          {ex.corpus.attribution ? ` ${ex.corpus.attribution}` : ''}
        </p>
      </footer>
    </>
  );
}
