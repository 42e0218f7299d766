import { AppLink } from './AppLink';
import { hrefFor, withState, type UrlProblem, type ViewState } from '@/lib/url/state';

/**
 * Says plainly that a link was made for another corpus version (shown as it was, if kept), and links to the current
 * one.
 */
export function VersionBanner({
  state,
  current,
  pinned,
  pathname,
}: {
  state: ViewState;
  current: string;
  pinned: boolean;
  pathname: string;
}) {
  if (!state.version || state.version === current) return null;
  if (pinned) {
    return (
      <div className="banner warn" role="alert" data-testid="version-banner">
        This link shows corpus version <code>{state.version}</code> exactly as it was when the link was made. The corpus
        has changed since (now <code>{current}</code>).{' '}
        <AppLink href={hrefFor(pathname, withState(state, { version: null }))}>See the current numbers</AppLink>
      </div>
    );
  }
  return (
    <div className="banner warn" role="alert" data-testid="version-banner">
      This link was made for corpus version <code>{state.version}</code>, which this server has not kept; the corpus is
      now at <code>{current}</code>. The numbers below are the current ones and may differ from what the sender saw.{' '}
      <AppLink href={hrefFor(pathname, withState(state, { version: current }))}>Link to the current version</AppLink>
    </div>
  );
}

/** What was wrong with a URL and the valid choices, every value rendered as text (React escapes it). */
export function BadUrl({ problems, home }: { problems: UrlProblem[]; home: string }) {
  return (
    <section className="card" data-testid="bad-url">
      <h2>This link does not point to a view</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <strong>{p.param}</strong> = <code>{p.value}</code> {p.message}.
            {p.choices.length > 0 && (
              <>
                {' '}
                Valid choices:{' '}
                {p.choices.map((c, j) => (
                  <code key={c}>
                    {j > 0 ? ', ' : ''}
                    {c}
                  </code>
                ))}
                .
              </>
            )}
          </li>
        ))}
      </ul>
      <p>
        <AppLink href={home}>Go to the overview</AppLink>
      </p>
    </section>
  );
}

/** Article files that could not be read: named, so the reader knows what every number leaves out and why. */
export function LoadWarnings({ warnings }: { warnings: { file: string; message: string }[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="banner warn" role="alert" data-testid="load-warnings">
      {warnings.length === 1 ? 'One article file' : `${warnings.length} article files`} of this corpus could not be read
      and {warnings.length === 1 ? 'is' : 'are'} left out of every number on this page. Fix or remove{' '}
      {warnings.length === 1 ? 'it' : 'them'} in the corpus folder:
      <ul>
        {warnings.slice(0, 10).map((w) => (
          <li key={w.file}>
            <code>{w.file}</code>: {w.message}
          </li>
        ))}
        {warnings.length > 10 && <li>and {warnings.length - 10} more</li>}
      </ul>
    </div>
  );
}
