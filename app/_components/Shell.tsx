import Link from 'next/link';
import type { ReactNode } from 'react';
import type { AnalysisExport } from '@/lib/analysis/exportTypes';
import { DEFAULT_STATE, buildQuery, hrefFor, withState, type ViewState } from '@/lib/url/state';
import { listCorpora } from '@/lib/server/data';
import { VersionBanner } from './Banners';

/** Header with navigation that keeps corpus, voice and sections; the version banner; and the corpus footer. */
export function Shell({ ex, state, pathname, current, pinned, children }: { ex: AnalysisExport; state: ViewState; pathname: string; current: string; pinned: boolean; children: ReactNode }) {
  const corpora = listCorpora();
  const keep = withState(DEFAULT_STATE, { corpus: state.corpus, voice: state.voice, scope: state.scope });
  const api = `/api/analysis?${buildQuery(withState(DEFAULT_STATE, { corpus: state.corpus, version: pinned ? state.version : null, voice: state.voice, scope: state.scope }))}`;
  return (
    <>
      <header className="site">
        <Link href={hrefFor('/', keep)} className="brand">Framescope</Link>
        <nav aria-label="Views">
          <Link href={hrefFor('/', keep)} aria-current={pathname === '/' ? 'page' : undefined}>Overview</Link>
          <Link href={hrefFor('/compare', keep)} aria-current={pathname === '/compare' ? 'page' : undefined}>Compare</Link>
          <Link href={hrefFor('/manage', withState(DEFAULT_STATE, { corpus: state.corpus }))} aria-current={pathname === '/manage' ? 'page' : undefined}>Corpus &amp; lexicon</Link>
          <a href={api}>Data (JSON)</a>
        </nav>
        {corpora.length > 1 && (
          <nav aria-label="Corpus" className="switch" data-testid="corpus-switch">
            <span className="switch-label">Corpus</span>
            {corpora.map((c) => (
              <Link key={c} href={hrefFor(pathname === '/manage' ? '/manage' : '/', withState(DEFAULT_STATE, { corpus: c, voice: state.voice, scope: state.scope }))} className={c === state.corpus ? 'on' : undefined} aria-current={c === state.corpus ? 'true' : undefined}>{c}</Link>
            ))}
          </nav>
        )}
      </header>
      <main id="main">
        <VersionBanner state={state} current={current} pinned={pinned} pathname={pathname} />
        {children}
      </main>
      <footer className="site">
        <p>
          Corpus <strong>{ex.corpus.title}</strong> (<code>{ex.corpus.id}</code>, version <code data-testid="corpus-version">{ex.corpus.version}</code>): {ex.articles.length} articles from {ex.outlets.length} outlets.
          {ex.corpus.attribution ? ` ${ex.corpus.attribution}` : ''}
        </p>
      </footer>
    </>
  );
}
