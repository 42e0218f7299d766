import Link from 'next/link';
import type { ReactNode } from 'react';
import type { AnalysisExport } from '@/lib/analysis/exportTypes';
import { DEFAULT_STATE, buildQuery, hrefFor, withState, type ViewState } from '@/lib/url/state';
import { VersionBanner } from './Banners';

/** Header with navigation that keeps corpus, voice and sections; the version banner; and the corpus footer. */
export function Shell({ ex, state, pathname, children }: { ex: AnalysisExport; state: ViewState; pathname: string; children: ReactNode }) {
  const keep = withState(DEFAULT_STATE, { corpus: state.corpus, voice: state.voice, scope: state.scope });
  const api = `/api/analysis?${buildQuery(withState(DEFAULT_STATE, { corpus: state.corpus, voice: state.voice, scope: state.scope }))}`;
  return (
    <>
      <header className="site">
        <Link href={hrefFor('/', keep)} className="brand">Framescope</Link>
        <nav aria-label="Views">
          <Link href={hrefFor('/', keep)} aria-current={pathname === '/' ? 'page' : undefined}>Overview</Link>
          <Link href={hrefFor('/compare', keep)} aria-current={pathname === '/compare' ? 'page' : undefined}>Compare</Link>
          <a href={api}>Data (JSON)</a>
        </nav>
      </header>
      <main id="main">
        <VersionBanner state={state} current={ex.corpus.version} pathname={pathname} />
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
